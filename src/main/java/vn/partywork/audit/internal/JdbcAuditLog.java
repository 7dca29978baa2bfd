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
 * P-AU-1: appends to {@code audit.pending} through the SECURITY DEFINER functions {@code audit.append}
 * (one event) and {@code audit.append_all} (many, one INSERT) in the caller's transaction, so the event commits or rolls back with the change and a failure
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

    /** Events per statement of {@link #recordAll}: bounded arrays, one round trip per two thousand events. */
    static final int BULK = 2000;

    @Override
    public void recordAll(java.util.List<AuditEvent> events) {
        events.forEach(e -> Objects.requireNonNull(e, "event"));
        if (events.isEmpty()) {
            return;
        }
        if (TransactionSynchronizationManager.isActualTransactionActive()
                && !TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            appendAll(events);
            sealAfterCommit();
        } else {
            standalone.executeWithoutResult(status -> appendAll(events));
            sealer.requestSeal();
        }
    }

    /** One {@code audit.append_all} (a single INSERT) per {@link #BULK} events, in their order. */
    private void appendAll(java.util.List<AuditEvent> events) {
        Long actorId = null;
        String actor = null;
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof Actor a) {
            actorId = a.accountId();
            actor = a.identifier();
        }
        String client = null;
        String requestId = null;
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
            HttpServletRequest request = attrs.getRequest();
            client = request.getRemoteAddr();
            Object id = request.getAttribute(REQUEST_ID);
            requestId = id == null ? null : id.toString();
        }
        for (int from = 0; from < events.size(); from += BULK) {
            java.util.List<AuditEvent> chunk = events.subList(from, Math.min(events.size(), from + BULK));
            int n = chunk.size();
            String[] identifiers = new String[n];
            Long[] actingOrgs = new Long[n];
            Long[] grants = new Long[n];
            String[] actions = new String[n];
            String[] targetTypes = new String[n];
            String[] targetIds = new String[n];
            String[] classifications = new String[n];
            String[] bases = new String[n];
            String[] changes = new String[n];
            String[] details = new String[n];
            for (int i = 0; i < n; i++) {
                AuditEvent event = chunk.get(i);
                identifiers[i] = event.actorIdentifier() == null ? actor : event.actorIdentifier();
                actingOrgs[i] = event.actingOrgId();
                grants[i] = event.grantId();
                actions[i] = event.action().name();
                targetTypes[i] = event.targetType();
                targetIds[i] = event.targetId();
                classifications[i] = event.classification().name();
                bases[i] = event.basis();
                changes[i] = JSON.writeValueAsString(changesOf(event));
                details[i] = JSON.writeValueAsString(event.details());
            }
            jdbc.sql("""
                    SELECT audit.append_all(:actorId, :client, :requestId, CAST(:identifiers AS text[]),
                                            CAST(:actingOrgs AS bigint[]), CAST(:grants AS bigint[]),
                                            CAST(:actions AS text[]), CAST(:targetTypes AS text[]),
                                            CAST(:targetIds AS text[]), CAST(:classifications AS text[]),
                                            CAST(:bases AS text[]), CAST(:changes AS text[]), CAST(:details AS text[]))
                    """)
                    .param("actorId", actorId, java.sql.Types.BIGINT)
                    .param("client", client, java.sql.Types.VARCHAR)
                    .param("requestId", requestId, java.sql.Types.VARCHAR)
                    .param("identifiers", identifiers)
                    .param("actingOrgs", actingOrgs)
                    .param("grants", grants)
                    .param("actions", actions)
                    .param("targetTypes", targetTypes)
                    .param("targetIds", targetIds)
                    .param("classifications", classifications)
                    .param("bases", bases)
                    .param("changes", changes)
                    .param("details", details)
                    .query(Long.class)
                    .single();
        }
    }

    private static Map<String, Object> changesOf(AuditEvent event) {
        Map<String, Object> changes = new LinkedHashMap<>();
        event.changes().forEach((field, change) -> {
            Map<String, @Nullable Object> pair = new LinkedHashMap<>();
            pair.put("old", change.oldValue());
            pair.put("new", change.newValue());
            changes.put(field, pair);
        });
        return changes;
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
