package vn.partywork.approval;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A record as a correction request sees it now: its id, a title for people, the organisation whose
 * head approves corrections of it ({@code owningOrgId}: the request's subject organisation, where
 * its one APPROVE step acts), the current values of its correctable fields (absent or empty means
 * no value), and whether the caller may ask for a correction (keeps the record's data).
 */
public record CorrectableRecord(
        String recordId, String title, long owningOrgId, Map<String, String> values, boolean mayRequest) {

    public CorrectableRecord {
        values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** The current value of a field, {@code ""} when it has none. */
    public String value(String field) {
        String v = values.get(field);
        return v == null ? "" : v;
    }
}
