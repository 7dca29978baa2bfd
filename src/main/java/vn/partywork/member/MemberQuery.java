package vn.partywork.member;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Search criteria (issue 5 item 5), every part optional: an unaccented, typo-tolerant name; exact
 * CCCD or party card; an organisation subtree; status, gender, age range (in whole years today),
 * ethnicity, general education, political theory (catalogue codes), admission year; sort order.
 * {@code asOf} searches the membership on that day (members then in cells of the subtree) instead
 * of the current one.
 */
public record MemberQuery(
        @Nullable String name,
        @Nullable String citizenId,
        @Nullable String partyCard,
        @Nullable Long orgId,
        @Nullable MemberStatus status,
        @Nullable Gender gender,
        @Nullable Integer ageFrom,
        @Nullable Integer ageTo,
        @Nullable String ethnicity,
        @Nullable String education,
        @Nullable String theory,
        @Nullable Integer admissionYear,
        @Nullable LocalDate asOf,
        Sort sort) {

    /** The longest name query accepted (a person's full name is far shorter). */
    public static final int MAX_NAME = 200;

    public enum Sort {
        NAME,
        BIRTH_DATE,
        ADMISSION_DATE,
        /** Best name match first; the default when a name is given. */
        RELEVANCE
    }

    public MemberQuery {
        name = blank(name);
        citizenId = blank(citizenId);
        partyCard = blank(partyCard);
        ethnicity = blank(ethnicity);
        education = blank(education);
        theory = blank(theory);
        if (sort == null) {
            sort = name == null ? Sort.NAME : Sort.RELEVANCE;
        }
    }

    public static MemberQuery byName(@Nullable String name) {
        return new MemberQuery(name, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** The criteria as recorded in the SEARCH event (P-AU-1). */
    public Map<String, Object> criteria() {
        Map<String, Object> map = new LinkedHashMap<>();
        put(map, "name", name);
        put(map, "citizenId", citizenId);
        put(map, "partyCard", partyCard);
        put(map, "orgId", orgId);
        put(map, "status", status == null ? null : status.name());
        put(map, "gender", gender == null ? null : gender.name());
        put(map, "ageFrom", ageFrom);
        put(map, "ageTo", ageTo);
        put(map, "ethnicity", ethnicity);
        put(map, "education", education);
        put(map, "theory", theory);
        put(map, "admissionYear", admissionYear);
        put(map, "asOf", asOf == null ? null : asOf.toString());
        map.put("sort", sort.name());
        return map;
    }

    private static void put(Map<String, Object> map, String key, @Nullable Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    private static @Nullable String blank(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
