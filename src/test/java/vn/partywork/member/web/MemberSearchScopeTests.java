package vn.partywork.member.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.partywork.PartyworkTest;
import vn.partywork.member.MemberQuery;
import vn.partywork.member.MemberStatus;
import vn.partywork.member.MemberSummary;
import vn.partywork.member.MemberTestData;
import vn.partywork.member.internal.Members;
import vn.partywork.org.OrgKind;
import vn.partywork.web.ApiClient;
import vn.partywork.web.ApiClient.Reply;
import vn.partywork.web.DemoOrgs;

/**
 * Issue 5 item 10a: the search filters on a copy of each member's cell path (member.cell_path), so
 * that copy must follow every change of the tree and of the member's cell in the same transaction:
 * a subtree moved to another province, committees merged (their cells carried along), a transfer
 * of party activity between provinces. And the search keeps its behaviour: unaccented text first,
 * near names (typos) only when the text finds next to nothing, scope never crossed.
 */
@PartyworkTest
class MemberSearchScopeTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Members members;

    @Autowired
    PlatformTransactionManager transactions;

    static String q(String name) {
        return "/api/v1/members?size=100&q=" + name.replace(" ", "%20");
    }

    static List<Integer> ids(Reply reply) {
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        return reply.json("$.items[*].id");
    }

    /** The copy on the member equals the cell's current path in the org tree. */
    void assertPathFollowsTheCell(long member) {
        String copy = jdbc.sql("""
                SELECT m.cell_path::text || ' = ' || c.path::text
                  FROM member.member m JOIN org.current_organisation c ON c.org_id = m.cell_id
                 WHERE m.id = :id
                """).param("id", member).query(String.class).single();
        String[] sides = copy.split(" = ");
        assertThat(sides[0]).as("member %d", member).isEqualTo(sides[1]);
    }

    @Test
    void aSubtreeMovedToAnotherProvinceTakesItsMembersOutOfTheOldProvincesSearch() {
        ApiClient tw = ApiClient.as(port, "tw.tochuc");
        ApiClient hanoi = ApiClient.as(port, "hn.tochuc");
        ApiClient hcm = ApiClient.as(port, "hcm.tochuc");
        DemoOrgs orgs = new DemoOrgs(jdbc);
        long ward = DemoOrgs.establish(
                tw, orgs.id(DemoOrgs.HANOI), OrgKind.GRASSROOTS_COMMITTEE, "Đảng bộ phường Chuyển Vào Nam");
        long cell = DemoOrgs.establish(tw, ward, OrgKind.CELL, "Chi bộ Chuyển Vào Nam");
        long member = MemberTestData.create(tw, cell, "Khổng Văn Theo Phường");
        // (Fewer than twenty text matches: near names follow, the member first.)
        assertThat(ids(hanoi.get(q("khong van theo phuong")))).startsWith((int) member);
        assertThat(ids(hcm.get(q("khong van theo phuong")))).doesNotContain((int) member);

        // The ward (not the cell) moves: the cell keeps its id, its path changes under it.
        Reply moved = tw.post("/api/v1/orgs/" + ward + "/transfer", """
                {"newParentId": %d, %s}""".formatted(
                        orgs.id(DemoOrgs.HCM), DemoOrgs.decision("80-QĐ/TW", DemoOrgs.today())));
        assertThat(moved.status()).as("%s", moved).isEqualTo(200);

        assertPathFollowsTheCell(member);
        assertThat(ids(hanoi.get(q("khong van theo phuong")))).doesNotContain((int) member);
        assertThat(hanoi.get("/api/v1/members/" + member).status()).isEqualTo(404);
        assertThat(ids(hcm.get(q("khong van theo phuong")))).startsWith((int) member);
        // With a typo, and by the moved ward as the organisation filter.
        assertThat(ids(hcm.get(q("khong van theo phuogn")))).contains((int) member);
        assertThat(ids(hanoi.get(q("khong van theo phuogn")))).doesNotContain((int) member);
        assertThat(ids(hcm.get("/api/v1/members?org=" + ward))).containsExactly((int) member);
    }

    @Test
    void mergedCommitteesCarryTheirCellsAndMembersInTheSameTransaction() {
        ApiClient tw = ApiClient.as(port, "tw.tochuc");
        long hanoi = new DemoOrgs(jdbc).id(DemoOrgs.HANOI);
        long wardA = DemoOrgs.establish(tw, hanoi, OrgKind.GRASSROOTS_COMMITTEE, "Đảng bộ phường Nhập Một");
        long wardB = DemoOrgs.establish(tw, hanoi, OrgKind.GRASSROOTS_COMMITTEE, "Đảng bộ phường Nhập Hai");
        long cellA = DemoOrgs.establish(tw, wardA, OrgKind.CELL, "Chi bộ Nhập Một");
        long cellB = DemoOrgs.establish(tw, wardB, OrgKind.CELL, "Chi bộ Nhập Hai");
        long memberA = MemberTestData.create(tw, cellA, "Giáp Văn Nhập Một");
        long memberB = MemberTestData.create(tw, cellB, "Giáp Thị Nhập Hai");

        Reply merged = tw.post("/api/v1/orgs/merge", """
                {"sourceIds": [%d, %d], "parentId": %d, "code": "%s", "name": "Đảng bộ phường Nhập Chung",
                 "kind": "GRASSROOTS_COMMITTEE", %s}""".formatted(
                wardA, wardB, hanoi, DemoOrgs.uniqueCode("NC"), DemoOrgs.decision("92-QĐ/TU", DemoOrgs.today())));
        assertThat(merged.status()).as("%s", merged).isEqualTo(200);

        // No waiting: the cells moved under the merged committee inside the merge itself.
        assertPathFollowsTheCell(memberA);
        assertPathFollowsTheCell(memberB);
        assertThat(ids(tw.get("/api/v1/members?org=" + merged.id())))
                .containsExactlyInAnyOrder((int) memberA, (int) memberB);
        assertThat(ids(tw.get(q("giap van nhap mot") + "&org=" + merged.id()))).startsWith((int) memberA);
        assertThat(tw.get("/api/v1/members?org=" + wardA).code()).isEqualTo("member.org.notFound");
    }

    @Test
    void aTransferOfPartyActivityToAnotherProvinceMovesTheMemberBetweenTheProvincesSearches() {
        DemoOrgs orgs = new DemoOrgs(jdbc);
        long hangDao = orgs.id("Chi bộ Tổ dân phố Hàng Đào");
        long khuPho1 = orgs.id("Chi bộ Khu phố 1");
        ApiClient hanoi = ApiClient.as(port, "hn.tochuc");
        ApiClient hcm = ApiClient.as(port, "hcm.tochuc");
        long id = MemberTestData.create(hanoi, hangDao, "Âu Văn Đi Xa");
        assertThat(ids(hcm.get(q("au van di xa")))).doesNotContain((int) id);

        Reply issued = hanoi.post("/api/v1/members/" + id + "/transfers", """
                {"toCellId": %d, "decision": {"number": "89-GGT/BTCTU", "date": "%s", "issuer": "Ban Tổ chức Thành ủy"}}""".formatted(khuPho1, DemoOrgs.today()));
        assertThat(issued.status()).as("%s", issued).isEqualTo(201);
        // M-4: in transit both provinces find the member, the receiving one through the transfer.
        assertThat(ids(hanoi.get(q("au van di xa")))).startsWith((int) id);
        assertThat(ids(hcm.get(q("au van di xa")))).startsWith((int) id);
        assertThat(ids(hcm.get("/api/v1/members?size=100&gender=MALE&status=OFFICIAL&q=au%20van")))
                .contains((int) id);

        Reply accepted = hcm.post(
                "/api/v1/members/transfers/" + issued.id() + "/accept",
                "{\"version\": %d}".formatted(issued.<Integer>json("$.version")));
        assertThat(accepted.status()).as("%s", accepted).isEqualTo(200);
        assertPathFollowsTheCell(id);
        assertThat(ids(hanoi.get(q("au van di xa")))).doesNotContain((int) id);
        assertThat(ids(hcm.get(q("au van di xa")))).startsWith((int) id);
        assertThat(ids(hcm.get("/api/v1/members?org=" + khuPho1 + "&size=100"))).contains((int) id);
    }

    @Test
    void textMatchesComeFirstAndNearNamesOnlyWhenTheTextFindsNextToNothing() {
        ApiClient hanoi = ApiClient.as(port, "hn.tochuc");
        long cell = new DemoOrgs(jdbc).id("Chi bộ Tổ dân phố Hàng Đào");
        long triet = MemberTestData.create(hanoi, cell, "Khương Minh Triết");
        // Unaccented, accented, and one wrong, missing or doubled letter: found, and first.
        for (String query : List.of(
                "khuong minh triet",
                "Khương Minh Triết",
                "khuong minh triel",
                "khuong mnh triet",
                "khuongg minh triet")) {
            Reply reply = hanoi.get(q(query));
            assertThat(ids(reply)).as(query).isNotEmpty();
            assertThat(reply.<String>json("$.items[0].fullName")).as(query).isEqualTo("Khương Minh Triết");
        }
        assertThat(ids(hanoi.get(q("minh triet")))).startsWith((int) triet);

        // A text that many names contain lists only those (no near names mixed in), counted.
        Reply many = hanoi.get("/api/v1/members?size=100&q=nguyen");
        assertThat(many.<Integer>json("$.total")).isGreaterThanOrEqualTo(20);
        assertThat(many.<List<String>>json("$.items[*].fullName"))
                .allSatisfy(name -> assertThat(name).startsWith("Nguyễn"));
        // A member sees only their own record, whatever the text.
        ApiClient member = ApiClient.as(port, "dangvien.demo");
        assertThat(member.get("/api/v1/members?q=nguyen").<Integer>json("$.total"))
                .isZero();
        assertThat(member.get("/api/v1/members?q=vu%20van%20nma").<List<String>>json("$.items[*].fullName"))
                .containsExactly("Vũ Văn Nam");
    }

    @Test
    void theCountStopsAtItsCapAndSaysSo() {
        DemoOrgs orgs = new DemoOrgs(jdbc);
        String hanoi = orgs.path(orgs.id(DemoOrgs.HANOI));
        long all = new TransactionTemplate(transactions)
                .execute(tx -> members.search(
                                MemberQuery.byName("nguyen"),
                                "nguyen",
                                List.of(hanoi),
                                -1,
                                null,
                                DemoOrgs.today(),
                                20,
                                0,
                                10_000)
                        .total());
        assertThat(all).isGreaterThan(30);
        Members.Found capped = new TransactionTemplate(transactions)
                .execute(tx -> members.search(
                        MemberQuery.byName("nguyen"), "nguyen", List.of(hanoi), -1, null, DemoOrgs.today(), 20, 0, 30));
        // "hơn 30 kết quả": the count read 31 rows and stopped; the page is still a whole page.
        assertThat(capped.total()).isEqualTo(30);
        assertThat(capped.capped()).isTrue();
        assertThat(capped.items()).hasSize(20);
    }

    /**
     * A list without a name over several provinces or the whole country is read one province at a
     * time in name order and merged (issue 5 item 10a): the pages are exactly those of one ordered
     * list of every matching member in the scope, and nobody outside the scope comes in.
     */
    @Test
    void listsOverSeveralProvincesOrTheCountryAreOneNameOrderedList() {
        DemoOrgs orgs = new DemoOrgs(jdbc);
        String hanoi = orgs.path(orgs.id(DemoOrgs.HANOI));
        String hcm = orgs.path(orgs.id(DemoOrgs.HCM));
        String root = hanoi.substring(0, hanoi.indexOf('.'));
        for (List<String> scope : List.of(List.of(root), List.of(hanoi, hcm))) {
            for (MemberStatus status : new MemberStatus[] {MemberStatus.PROBATIONARY, null}) {
                List<Long> expected = jdbc.sql("""
                        SELECT id FROM member.member
                         WHERE cell_path <@ ANY(CAST(:paths AS ltree[]))
                           AND status IN (:statuses)
                         ORDER BY search_name, id
                        """)
                        .param("paths", scope.toArray(String[]::new))
                        .param(
                                "statuses",
                                status == null
                                        ? List.of("PENDING_ADMISSION", "PROBATIONARY", "OFFICIAL")
                                        : List.of(status.name()))
                        .query(Long.class)
                        .list();
                assertThat(expected).as("%s %s", scope, status).hasSizeGreaterThan(14);
                MemberQuery query = new MemberQuery(
                        null,
                        null,
                        null,
                        null,
                        status,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        MemberQuery.Sort.NAME);
                for (int page = 0; page < 3; page++) {
                    int offset = page * 7;
                    Members.Found found = new TransactionTemplate(transactions)
                            .execute(tx ->
                                    members.search(query, null, scope, -1, null, DemoOrgs.today(), 7, offset, 10_000));
                    assertThat(found.items().stream().map(MemberSummary::id).toList())
                            .as("%s %s page %d", scope, status, offset)
                            .isEqualTo(expected.subList(offset, offset + 7));
                    assertThat(found.total()).isEqualTo(Math.min(expected.size(), 10_000));
                }
            }
        }
    }
}
