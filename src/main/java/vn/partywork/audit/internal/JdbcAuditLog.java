package vn.partywork.audit.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import vn.partywork.audit.AuditEvent;
import vn.partywork.audit.AuditLog;
import vn.partywork.shared.Actor;

/**
 * P-AU-1: appends to {@code audit.pending} through the SECURITY DEFINER function {@code audit.append}
 * in the caller's transaction, so the event commits or rolls back with the change and a failure
 * fails the change. Reads (read-only transactions) and events outside any transaction (a failed
 * login) are written in a transaction of their own before the caller goes on.
 */
@Component
class JdbcAuditLog implements AuditLog {

    static final String REQUEST_ID = "partywork.requestId";

    /** Sorted keys, so the stored JSON text (which the hash covers) is the same for the same content. */
    static final JsonMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private final JdbcClient jdbc;
    private final TransactionTemplate standalone;
    private final ChainSealer sealer;

    JdbcAuditLog(JdbcClient jdbc, PlatformTransactionManager transactions, ChainSealer sealer) {
        this.jdbc = jdbc;
        this.sealer = sealer;
        this.standalone = new TransactionTemplate(transactions);
        this.standalone.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public void record(AuditEvent event) {
        Objects.requireNonNull(event, "event");
        if (TransactionSynchronizationManager.isActualTransactionActive()
                && !TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            append(event);
            sealAfterCommit();
        } else {
            standalone.executeWithoutResult(status -> append(event));
            sealer.requestSeal();
        }
    }

    /** Once per transaction: have its events chained soon after it commits (the schedule is the fallback). */
    private void sealAfterCommit() {
        // Synchronizations, unlike bound resources, are suspended with their transaction, so a
        // REQUIRES_NEW transaction inside this one registers its own.
        if (!TransactionSynchronizationManager.isSynchronizationActive()
                || TransactionSynchronizationManager.getSynchronizations().stream()
                        .anyMatch(SealAfterCommit.class::isInstance)) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new SealAfterCommit());
    }

    private final class SealAfterCommit implements TransactionSynchronization {
        @Override
        public void afterCommit() {
            sealer.requestSeal();
        }
    }

    private void append(AuditEvent event) {
        Long actorId = null;
        String actorIdentifier = event.actorIdentifier();
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof Actor actor) {
            actorId = actor.accountId();
            actorIdentifier = actorIdentifier == null ? actor.identifier() : actorIdentifier;
        }
        String client = null;
        String requestId = null;
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
            HttpServletRequest request = attrs.getRequest();
            client = request.getRemoteAddr();
            Object id = request.getAttribute(REQUEST_ID);
            requestId = id == null ? null : id.toString();
        }
        Map<String, Object> changes = new LinkedHashMap<>();
        event.changes().forEach((field, change) -> {
            Map<String, @Nullable Object> pair = new LinkedHashMap<>();
            pair.put("old", change.oldValue());
            pair.put("new", change.newValue());
            changes.put(field, pair);
        });
        jdbc.sql("""
                SELECT audit.append(:actorId, :actorIdentifier, :actingOrgId, :grantId, :client, :requestId, :action,
                                    :targetType, :targetId, :classification, :basis, :changes, :details)
                """)
                .param("actorId", actorId, java.sql.Types.BIGINT)
                .param("actorIdentifier", actorIdentifier, java.sql.Types.VARCHAR)
                .param("actingOrgId", event.actingOrgId(), java.sql.Types.BIGINT)
                .param("grantId", event.grantId(), java.sql.Types.BIGINT)
                .param("client", client, java.sql.Types.VARCHAR)
                .param("requestId", requestId, java.sql.Types.VARCHAR)
                .param("action", event.action().name())
                .param("targetType", event.targetType())
                .param("targetId", event.targetId(), java.sql.Types.VARCHAR)
                .param("classification", event.classification().name())
                .param("basis", event.basis(), java.sql.Types.VARCHAR)
                .param("changes", JSON.writeValueAsString(changes))
                .param("details", JSON.writeValueAsString(event.details()))
                .query((rs, n) -> 1)
                .list();
    }
}
