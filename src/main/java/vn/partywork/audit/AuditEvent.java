package vn.partywork.audit;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import vn.partywork.shared.Classification;

/**
 * One thing to record. {@code changes} holds field → [old, new] for changes (P-AU-2);
 * {@code details} anything else worth keeping (search criteria, a handover document number).
 * {@code basis} names what the action rests on: a decision, a correction request, a sync batch.
 * {@code actingOrgId} and {@code grantId} name the organisation and grant the actor acted under,
 * when the caller knows them. Who, when, from where and in which request are filled in by the log.
 */
public record AuditEvent(
        AuditAction action,
        String targetType,
        @Nullable String targetId,
        Classification classification,
        @Nullable String basis,
        Map<String, FieldChange> changes,
        Map<String, Object> details,
        @Nullable String actorIdentifier,
        @Nullable Long actingOrgId,
        @Nullable Long grantId) {

    /** Old and new value of one field. */
    public record FieldChange(
            @Nullable Object oldValue, @Nullable Object newValue) {}

    public AuditEvent {
        changes = Map.copyOf(changes);
        details = Map.copyOf(details);
    }

    public AuditEvent(
            AuditAction action,
            String targetType,
            @Nullable String targetId,
            Classification classification,
            @Nullable String basis,
            Map<String, FieldChange> changes,
            Map<String, Object> details,
            @Nullable String actorIdentifier) {
        this(action, targetType, targetId, classification, basis, changes, details, actorIdentifier, null, null);
    }

    public static Builder of(AuditAction action, String targetType, @Nullable Object targetId) {
        return new Builder(action, targetType, targetId == null ? null : String.valueOf(targetId));
    }

    /** Fluent construction: {@code AuditEvent.of(UPDATE, "organisation", 5).change("name", a, b).basis(..).build()}. */
    public static final class Builder {
        private final AuditAction action;
        private final String targetType;
        private final @Nullable String targetId;
        private Classification classification = Classification.UNCLASSIFIED;
        private @Nullable String basis;
        private @Nullable String actorIdentifier;
        private @Nullable Long actingOrgId;
        private @Nullable Long grantId;
        private final Map<String, FieldChange> changes = new LinkedHashMap<>();
        private final Map<String, Object> details = new LinkedHashMap<>();

        private Builder(AuditAction action, String targetType, @Nullable String targetId) {
            this.action = action;
            this.targetType = targetType;
            this.targetId = targetId;
        }

        public Builder classification(Classification value) {
            this.classification = value;
            return this;
        }

        public Builder basis(@Nullable String value) {
            this.basis = value;
            return this;
        }

        /** Names the actor when nobody is authenticated yet (a failed login). */
        public Builder actorIdentifier(@Nullable String value) {
            this.actorIdentifier = value;
            return this;
        }

        /** The organisation and grant the actor acted under (P-AU-1: on what basis of rights). */
        public Builder actingAs(@Nullable Long orgId, @Nullable Long grant) {
            this.actingOrgId = orgId;
            this.grantId = grant;
            return this;
        }

        public Builder change(String field, @Nullable Object oldValue, @Nullable Object newValue) {
            if (oldValue == null ? newValue != null : !oldValue.equals(newValue)) {
                changes.put(field, new FieldChange(oldValue, newValue));
            }
            return this;
        }

        public Builder detail(String key, @Nullable Object value) {
            if (value != null) {
                details.put(key, value);
            }
            return this;
        }

        public AuditEvent build() {
            return new AuditEvent(
                    action,
                    targetType,
                    targetId,
                    classification,
                    basis,
                    changes,
                    details,
                    actorIdentifier,
                    actingOrgId,
                    grantId);
        }
    }
}
