package vn.partywork.audit;

import org.jspecify.annotations.Nullable;

/**
 * A module's names for the stored values of its records in the audit history (P-AU-2: old → new as
 * a person reads it). The log keeps what the module stored — codes such as {@code OFFICIAL} or a
 * catalogue code — and a record's own history page shows these names instead; a value the module
 * does not name is shown as stored. Implementations are Spring beans.
 */
public interface AuditValueLabels {

    /** The target type whose values this names, as the module records it (e.g. {@code member}). */
    String targetType();

    /** The readable form of a stored value of the field, or null to show the value as stored. */
    @Nullable
    String label(String field, Object value);
}
