package vn.partywork.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.partywork.org.OrgKind;

/**
 * The demo tree as HTTP-level tests need it: ids of demo organisations by name, a digest of the
 * organisation tables to prove that a refused request left nothing behind, and fixture
 * organisations established through the API (so tests restructure their own organisations, never
 * the demo ones other tests rely on).
 */
public final class DemoOrgs {

    public static final String HANOI = "Đảng bộ Thành phố Hà Nội";
    public static final String HCM = "Đảng bộ Thành phố Hồ Chí Minh";
    public static final String NGHE_AN = "Đảng bộ tỉnh Nghệ An";
    /** Fixture organisations start here, well after the demo provinces (01/08/2008). */
    public static final LocalDate FIXTURE_DAY = LocalDate.of(2020, 1, 1);

    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000);

    private final JdbcClient jdbc;

    /** Today where the application decides dates (its clock runs in Vietnam's time zone). */
    public static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
    }

    public DemoOrgs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The current organisation with this name (demo names are unique in the tree). */
    public long id(String name) {
        return jdbc.sql("SELECT org_id FROM org.organisation_version WHERE name = :name AND valid_to = 'infinity'")
                .param("name", name)
                .query(Long.class)
                .single();
    }

    public String path(long id) {
        return jdbc.sql("SELECT path::text FROM org.organisation_version WHERE org_id = :id AND valid_to = 'infinity'")
                .param("id", id)
                .query(String.class)
                .single();
    }

    public String currentName(long id) {
        return jdbc.sql("SELECT name FROM org.organisation_version WHERE org_id = :id AND valid_to = 'infinity'")
                .param("id", id)
                .query(String.class)
                .single();
    }

    /** An id no organisation has. */
    public long missingId() {
        return jdbc.sql("SELECT coalesce(max(id), 0) + 100000 FROM org.organisation")
                .query(Long.class)
                .single();
    }

    /**
     * Every row of the organisation tables, hashed: equal before and after a request means the
     * request changed nothing in them.
     */
    public String digest() {
        return jdbc.sql("""
                SELECT (SELECT count(*) FROM org.organisation) || '/'
                    || (SELECT count(*) FROM org.structural_change) || '/'
                    || (SELECT count(*) FROM org.change_participant) || '/'
                    || (SELECT md5(coalesce(string_agg(v::text, '|' ORDER BY v.org_id, v.valid_from), ''))
                        FROM org.organisation_version v)
                """).query(String.class).single();
    }

    public static String uniqueCode(String prefix) {
        return (prefix + "-" + Long.toString(SEQUENCE.incrementAndGet(), 36)).toUpperCase(Locale.ROOT);
    }

    /** Establishes an organisation through the API on {@link #FIXTURE_DAY}, as the given client. */
    public static long establish(ApiClient api, long parentId, OrgKind kind, String name) {
        return establish(api, parentId, kind, name, uniqueCode("KT"), FIXTURE_DAY);
    }

    public static long establish(
            ApiClient api, long parentId, OrgKind kind, String name, String code, LocalDate effectiveOn) {
        ApiClient.Reply reply =
                api.post("/api/v1/orgs", """
                {"parentId": %d, "code": "%s", "name": "%s", "kind": "%s",
                 "decision": {"number": "%s-QĐ/KT", "date": "%s", "issuer": "Ban Thường vụ (kiểm thử)"},
                 "effectiveOn": "%s"}
                """.formatted(parentId, code, name, kind, code, effectiveOn, effectiveOn));
        assertThat(reply.status()).as("establish %s: %s", name, reply).isEqualTo(201);
        return reply.id();
    }

    /** A decision and effective date as JSON members, for request bodies. */
    public static String decision(String number, LocalDate day) {
        return """
                "decision": {"number": "%s", "date": "%s", "issuer": "Ban Thường vụ (kiểm thử)"}, "effectiveOn": "%s"
                """.formatted(number, day, day).strip();
    }
}
