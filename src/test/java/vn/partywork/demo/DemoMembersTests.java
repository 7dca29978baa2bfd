package vn.partywork.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.partywork.PartyworkTest;

/**
 * Issue 5 item 8: the demo database holds about two thousand plausible members — the named ones
 * the README and the tests use, mostly official with some in their probation year, mostly Kinh with
 * the minorities of each province, several generations — and requests still waiting.
 */
@PartyworkTest
class DemoMembersTests {

    /** The demo members: written in one batch at start-up, with Vũ Văn Nam (other tests add their own later). */
    private static final String DEMO =
            "created_at = (SELECT created_at FROM member.member WHERE full_name = 'Vũ Văn Nam')";

    @Autowired
    JdbcClient jdbc;

    long count(String where) {
        return jdbc.sql("SELECT count(*) FROM member.member WHERE " + DEMO + " AND " + where)
                .query(Long.class)
                .single();
    }

    @Test
    void aboutTwoThousandPlausibleMembers() {
        long demo = count("true");
        assertThat(demo).isBetween(1_800L, 2_300L);
        assertThat(count("status = 'PROBATIONARY'") * 100 / demo).isBetween(2L, 15L);
        assertThat(count("gender = 'FEMALE'") * 100 / demo).isBetween(30L, 45L);
        assertThat(count("ethnicity = '01'") * 100 / demo).isBetween(90L, 99L);
        // The minorities of each province: Mường in Hà Nội, Hoa in TP. Hồ Chí Minh, Thái in Nghệ An.
        assertThat(count("ethnicity = '06' AND citizen_id LIKE '001%'")).isPositive();
        assertThat(count("ethnicity = '04' AND citizen_id LIKE '079%'")).isPositive();
        assertThat(count("ethnicity = '03' AND citizen_id LIKE '040%'")).isPositive();
        assertThat(count("religion <> '00'")).isPositive();
        // Several generations.
        assertThat(count("birth_date > current_date - interval '31 years'")).isGreaterThan(50);
        assertThat(count("birth_date < current_date - interval '71 years'")).isGreaterThan(50);
        assertThat(count("party_badge IS NOT NULL")).isGreaterThan(50);
        // The named members once each: generated names never copy them.
        assertThat(jdbc.sql("""
                        SELECT full_name, count(*) FROM member.member
                         WHERE full_name IN ('Vũ Văn Nam', 'Nguyễn Văn An', 'Trần Thị Bích Ngọc') GROUP BY full_name
                        """)
                        .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
                        .list())
                .containsExactlyInAnyOrder(
                        Map.entry("Vũ Văn Nam", 1L),
                        Map.entry("Nguyễn Văn An", 1L),
                        Map.entry("Trần Thị Bích Ngọc", 1L));
        // Every member has its membership history from the admission date.
        assertThat(count("""
                NOT EXISTS (SELECT 1 FROM member.membership ms
                             WHERE ms.member_id = member.id AND ms.valid_from = member.admission_date)
                """)).isZero();
        // Each was audited as created.
        assertThat(jdbc.sql("""
                SELECT count(*) FROM audit.event
                 WHERE target_type = 'member' AND action = 'CREATE'
                   AND target_id IN (SELECT id::text FROM member.member WHERE %s)
                """.formatted(DEMO)).query(Long.class).single()).isEqualTo(demo);
    }

    @Test
    void someRequestsAreStillWaiting() {
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM member.member
                         WHERE status = 'PENDING_ADMISSION' AND full_name IN ('Lâm Thị Hồng Nhung', 'Lô Văn Thắng')
                        """).query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM approval.request
                         WHERE chain_code IN ('MEMBER_UPDATE', 'MEMBER_ADMISSION') AND status = 'IN_PROGRESS'
                        """).query(Long.class).single()).isGreaterThanOrEqualTo(5);
    }
}
