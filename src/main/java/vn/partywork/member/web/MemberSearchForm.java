package vn.partywork.member.web;

import java.time.LocalDate;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import vn.partywork.member.Gender;
import vn.partywork.member.MemberQuery;
import vn.partywork.member.MemberStatus;

/**
 * The search criteria as the page, the API and the export bind them from the query string
 * ({@code ?q=&org=&status=…}); one record so that the three read the same names. Length limits
 * are the registry's ({@code member.search.tooLong}), so a page and an API client get the same
 * answer.
 */
record MemberSearchForm(
        @Nullable String q,
        @Nullable String citizenId,
        @Nullable String partyCard,
        @Nullable Long org,
        @Nullable MemberStatus status,
        @Nullable Gender gender,
        @Nullable Integer ageFrom,
        @Nullable Integer ageTo,
        @Nullable String ethnicity,
        @Nullable String education,
        @Nullable String theory,
        @Nullable Integer admissionYear,

        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable
        LocalDate asOf,

        MemberQuery.@Nullable Sort sort) {

    static MemberSearchForm empty() {
        return new MemberSearchForm(null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    MemberQuery query() {
        return new MemberQuery(
                q,
                citizenId,
                partyCard,
                org,
                status,
                gender,
                ageFrom,
                ageTo,
                ethnicity,
                education,
                theory,
                admissionYear,
                asOf,
                sort);
    }

    /**
     * The criteria as a query string for links (paging, export) in the form's own names, without a
     * leading {@code ?} and ending with {@code &} when not empty.
     */
    String queryString() {
        StringBuilder link = new StringBuilder();
        MemberQuery query = query();
        for (Map.Entry<String, Object> e : query.criteria().entrySet()) {
            String name = switch (e.getKey()) {
                case "name" -> "q";
                case "orgId" -> "org";
                default -> e.getKey();
            };
            if (name.equals("sort") && sort == null) {
                continue; // the default follows the name: keep it implicit
            }
            link.append(name)
                    .append('=')
                    .append(encode(String.valueOf(e.getValue())))
                    .append('&');
        }
        return link.toString();
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
