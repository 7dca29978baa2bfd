package vn.partywork.audit;

import java.time.OffsetDateTime;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import vn.partywork.audit.AuditEvent.FieldChange;

/**
 * One recorded event as the log holds it (P-AU-2: who, when, from where, what, old → new, basis).
 * {@code chained} is false while the event waits to be chained (moments after its commit); its
 * {@code seq} is then provisional.
 */
public record AuditRecord(
        long seq,
        boolean chained,
        OffsetDateTime occurredAt,
        @Nullable Long actorId,
        @Nullable String actorIdentifier,
        @Nullable Long actingOrgId,
        @Nullable Long grantId,
        @Nullable String clientAddress,
        @Nullable String requestId,
        String action,
        String targetType,
        @Nullable String targetId,
        String classification,
        @Nullable String basis,
        Map<String, FieldChange> changes,
        Map<String, Object> details) {}
