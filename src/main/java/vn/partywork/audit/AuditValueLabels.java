package vn.partywork.audit;

import java.util.Collection;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A module's names for its records and for the stored values of their fields in the audit log
 * (P-AU-2: old → new as a person reads it). The log keeps what the module stored — codes such as {@code OFFICIAL} or a
 * catalogue code — and a record's own history page shows these names instead; a value the module
 * does not name is shown as stored. Implementations are Spring beans.
 */
public interface AuditValueLabels {

    /** The target type whose values this names, as the module records it (e.g. {@code member}). */
    String targetType();

    /** The readable form of a stored value of the field, or null to show the value as stored. */
    @Nullable
    String label(String field, Object value);

    /**
     * How people name these records in the log's list ("Lê Văn Long", "Chi bộ Tổ dân phố Hàng
     * Bạc"), by target id; ids it cannot name are left out and shown by their number.
     */
    default Map<String, String> titles(Collection<String> targetIds) {
        return Map.of();
    }
}
