package vn.partywork.audit;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Filter of the audit viewer; every part optional; days are inclusive, in Vietnam's time zone. */
public record AuditQuery(
        @Nullable String actor,
        @Nullable String targetType,
        @Nullable String targetId,
        @Nullable AuditAction action,
        @Nullable LocalDate from,
        @Nullable LocalDate to) {

    public AuditQuery {
        actor = blankToNull(actor);
        targetType = blankToNull(targetType);
        targetId = blankToNull(targetId);
    }

    public static AuditQuery all() {
        return new AuditQuery(null, null, null, null, null, null);
    }

    /** The criteria as recorded in the SEARCH or EXPORT event. */
    public Map<String, Object> criteria() {
        Map<String, Object> map = new LinkedHashMap<>();
        put(map, "actor", actor);
        put(map, "targetType", targetType);
        put(map, "targetId", targetId);
        put(map, "action", action == null ? null : action.name());
        put(map, "from", from == null ? null : from.toString());
        put(map, "to", to == null ? null : to.toString());
        return map;
    }

    private static void put(Map<String, Object> map, String key, @Nullable Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
