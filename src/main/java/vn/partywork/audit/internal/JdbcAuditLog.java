package vn.partywork.audit.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.ObjectMapper;
import vn.partywork.audit.AuditEvent;
import vn.partywork.audit.AuditLog;
import vn.partywork.shared.Actor;

@Component
class JdbcAuditLog implements AuditLog {

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    JdbcAuditLog(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    // Joins the caller's transaction (or starts one for events that stand alone, such as a failed login).
    @Override
    @Transactional(propagation = Propagation.REQUIRED)
    public void record(AuditEvent event) {
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
            Object id = request.getAttribute("partywork.requestId");
            requestId = id == null ? null : id.toString();
        }
        Map<String, Object> changes = new LinkedHashMap<>();
        event.changes().forEach((field, change) -> {
            Map<String, Object> pair = new LinkedHashMap<>();
            pair.put("old", change.oldValue());
            pair.put("new", change.newValue());
            changes.put(field, pair);
        });
        jdbc.sql("""
                INSERT INTO audit.event (actor_id, actor_identifier, client_address, request_id, action,
                                         target_type, target_id, classification, basis, changes, details)
                VALUES (:actorId, :actorIdentifier, :client, :requestId, :action,
                        :targetType, :targetId, :classification, :basis, :changes::jsonb, :details::jsonb)
                """)
                .param("actorId", actorId)
                .param("actorIdentifier", actorIdentifier)
                .param("client", client)
                .param("requestId", requestId)
                .param("action", event.action().name())
                .param("targetType", event.targetType())
                .param("targetId", event.targetId())
                .param("classification", event.classification().name())
                .param("basis", event.basis())
                .param("changes", json.writeValueAsString(changes))
                .param("details", json.writeValueAsString(event.details()))
                .update();
    }
}
