package vn.partywork.member.internal.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.partywork.PartyworkTest;
import vn.partywork.member.MemberTestData;
import vn.partywork.org.OrgKind;
import vn.partywork.web.ApiClient;
import vn.partywork.web.ApiClient.Reply;
import vn.partywork.web.DemoOrgs;

/**
 * Issue 5 items 7 and 10b: today's statistics of the country, a province and a first-level committee
 * come from the rollup the triggers keep (member.stats_rollup); they must be exactly the figures of
 * the direct query over the member rows, on the demo data and after every kind of change: admission,
 * update of a counted field, confirmation, transfers within and between provinces, death, removal,
 * and restructuring that moves a cell and a whole committee to another province. Age bands are
 * checked on both sides of a band boundary that falls inside a birth month.
 */
@PartyworkTest
class MemberStatsRollupTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Autowired
    MemberStatsQueries queries;

    @Test
    void theRollupGivesTheFiguresOfTheDirectQueryThroughLifeEventsAndRestructuring() {
        ApiClient tw = ApiClient.as(port, "tw.tochuc");
        DemoOrgs orgs = new DemoOrgs(jdbc);
        long hanoi = orgs.id(DemoOrgs.HANOI);
        long hcm = orgs.id(DemoOrgs.HCM);
        String root = jdbc.sql("SELECT path::text FROM org.current_organisation WHERE parent_id IS NULL")
                .query(String.class)
                .single();
        long hoanKiem = orgs.id("Đảng bộ phường Hoàn Kiếm");
        long benThanh = orgs.id("Đảng bộ phường Bến Thành");

        // The demo data as loaded.
        assertSameFigures(root, orgs.path(hanoi), orgs.path(hcm), orgs.path(hoanKiem), orgs.path(benThanh));
        assertThat(jdbc.sql("SELECT count(*) FROM member.stats_rollup WHERE org_id = :id")
                        .param("id", Long.parseLong(root))
                        .query(Long.class)
                        .single())
                .as("the country is read from the rollup")
                .isPositive();

        long ward = DemoOrgs.establish(tw, hanoi, OrgKind.GRASSROOTS_COMMITTEE, "Đảng bộ phường Tổng Hợp");
        long cellA = DemoOrgs.establish(tw, ward, OrgKind.CELL, "Chi bộ Tổng Hợp A");
        long cellB = DemoOrgs.establish(tw, ward, OrgKind.CELL, "Chi bộ Tổng Hợp B");
        long hcmWard = DemoOrgs.establish(tw, hcm, OrgKind.GRASSROOTS_COMMITTEE, "Đảng bộ phường Tổng Hợp Nam");
        long hcmCell = DemoOrgs.establish(tw, hcmWard, OrgKind.CELL, "Chi bộ Tổng Hợp Nam");
        Supplier<String[]> watched = () -> new String[] {
            root, orgs.path(hanoi), orgs.path(hcm), orgs.path(hoanKiem), orgs.path(ward), orgs.path(hcmWard)
        };

        // Admissions, among them members on both sides of the 30/31 age boundary, whose birth month
        // the boundary splits, and one a day younger than 81.
        LocalDate today = LocalDate.now(clock);
        LocalDate thirtyOne = today.minusYears(31);
        long older = admit(tw, cellA, "Mạc Văn Ba Mốt", thirtyOne, null);
        long younger = admit(tw, cellA, "Mạc Văn Ba Mươi", thirtyOne.plusDays(1), null);
        admit(tw, cellA, "Mạc Thị Tám Mươi", today.minusYears(81).plusDays(1), "TC");
        long removed = admit(tw, cellB, "Mạc Văn Xóa Tên", LocalDate.of(1990, 1, 1), null);
        long died = admit(tw, cellB, "Mạc Văn Từ Trần", LocalDate.of(1950, 6, 30), "CC");
        long moving = admit(tw, cellB, "Mạc Văn Chuyển Vào Nam", LocalDate.of(1975, 12, 31), null);
        assertSameFigures(watched);

        // Self-declared fields change through the approval chain (M-3), which ends in an update of the
        // member row like this one: the trigger sees every writer the same way.
        jdbc.sql("UPDATE member.member SET political_theory = 'CC', ethnicity = '02' WHERE id = :id")
                .param("id", older)
                .update();
        assertSameFigures(watched);
        // A confirmation as official member.
        Reply member = tw.get("/api/v1/members/" + younger);
        Reply confirmed = tw.send("PUT", "/api/v1/members/" + younger, """
                {"version": %d, "status": "OFFICIAL", "fields": {"officialDate": "%s"},
                 "basis": "Quyết định công nhận đảng viên chính thức"}""".formatted(
                        member.<Integer>json("$.version"), today.minusMonths(1)));
        assertThat(confirmed.status()).as("%s", confirmed).isEqualTo(200);
        assertSameFigures(watched);

        // A transfer to Hồ Chí Minh City: issued (still counted in Hà Nội), then accepted.
        Reply issued = tw.post(
                "/api/v1/members/" + moving + "/transfers",
                "{\"toCellId\": %d, \"decision\": %s}".formatted(hcmCell, decision("12-GGT/BTCTU")));
        assertThat(issued.status()).as("%s", issued).isEqualTo(201);
        assertSameFigures(watched);
        Reply accepted = tw.post(
                "/api/v1/members/transfers/" + issued.id() + "/accept",
                "{\"version\": %d}".formatted(issued.<Integer>json("$.version")));
        assertThat(accepted.status()).as("%s", accepted).isEqualTo(200);
        assertSameFigures(watched);

        // Death and removal end the membership.
        assertThat(tw.post("/api/v1/members/" + died + "/events", event("DEATH", today.minusDays(3)))
                        .status())
                .isEqualTo(201);
        assertThat(tw.post("/api/v1/members/" + removed + "/events", event("REMOVAL", today))
                        .status())
                .isEqualTo(201);
        assertSameFigures(watched);

        // Restructuring: a cell with members moves to Hồ Chí Minh City, then the whole ward does.
        Reply cellMoved = tw.post(
                "/api/v1/orgs/" + cellB + "/transfer",
                "{\"newParentId\": %d, %s}".formatted(hcmWard, DemoOrgs.decision("31-QĐ/TW", today)));
        assertThat(cellMoved.status()).as("%s", cellMoved).isEqualTo(200);
        assertSameFigures(watched);
        Reply wardMoved = tw.post(
                "/api/v1/orgs/" + ward + "/transfer",
                "{\"newParentId\": %d, %s}".formatted(hcm, DemoOrgs.decision("32-QĐ/TW", today)));
        assertThat(wardMoved.status()).as("%s", wardMoved).isEqualTo(200);
        assertSameFigures(watched);
        assertThat(orgs.path(ward)).startsWith(orgs.path(hcm) + ".");

        // Cells merged into a new one: the members follow after the restructuring commits.
        long cellC = DemoOrgs.establish(tw, hcmWard, OrgKind.CELL, "Chi bộ Tổng Hợp C");
        long cellD = DemoOrgs.establish(tw, hcmWard, OrgKind.CELL, "Chi bộ Tổng Hợp D");
        admit(tw, cellC, "Mạc Thị Hợp Nhất", LocalDate.of(1985, 3, 15), null);
        admit(tw, cellD, "Mạc Văn Hợp Nhất", LocalDate.of(1979, 8, 20), "CC");
        Reply merged = tw.post("/api/v1/orgs/merge", """
                {"sourceIds": [%d, %d], "parentId": %d, "code": "%s", "name": "Chi bộ Tổng Hợp CD",
                 "kind": "CELL", %s}""".formatted(
                        cellC, cellD, hcmWard, DemoOrgs.uniqueCode("CD"), DemoOrgs.decision("33-QĐ/ĐU", today)));
        assertThat(merged.status()).as("%s", merged).isEqualTo(200);
        await().until(() -> jdbc.sql("SELECT count(*) FROM member.member WHERE cell_id IN (:cells)")
                        .param("cells", List.of(cellC, cellD))
                        .query(Long.class)
                        .single()
                == 0);
        assertSameFigures(watched);
    }

    /** The fast path and the direct query agree for every organisation named, today. */
    private void assertSameFigures(String... paths) {
        LocalDate today = LocalDate.now(clock);
        for (String path : paths) {
            assertThat(queries.counts(path, today, today))
                    .as("statistics of %s", path)
                    .isEqualTo(queries.directCounts(path, today, today));
        }
    }

    private void assertSameFigures(Supplier<String[]> paths) {
        assertSameFigures(paths.get());
    }

    private long admit(ApiClient api, long cell, String name, LocalDate birth, String theory) {
        LocalDate admission = LocalDate.now(clock).minusMonths(14);
        String body =
                MemberTestData.body(cell, name, MemberTestData.citizenId(birth.getYear()), birth, admission, null);
        if (theory != null) {
            body = body.replace(
                    "\"religion\": \"00\"", "\"religion\": \"00\", \"politicalTheory\": \"" + theory + "\"");
        }
        Reply reply = api.post("/api/v1/members", body);
        assertThat(reply.status()).as("admit %s: %s", name, reply).isEqualTo(201);
        return reply.id();
    }

    private static String decision(String number) {
        return """
                {"number": "%s", "date": "%s", "issuer": "Ban Tổ chức Trung ương"}""".formatted(number, DemoOrgs.today().minusDays(5));
    }

    private static String event(String kind, LocalDate effective) {
        return """
                {"kind": "%s", "decision": %s, "effectiveOn": "%s"}""".formatted(kind, decision("7-QĐ/" + kind), effective);
    }
}
