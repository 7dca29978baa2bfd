package vn.partywork.org.web;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.partywork.web.DemoOrgs.decision;
import static vn.partywork.web.DemoOrgs.establish;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.partywork.PartyworkTest;
import vn.partywork.org.OrgKind;
import vn.partywork.web.ApiClient;
import vn.partywork.web.ApiClient.Reply;
import vn.partywork.web.DemoOrgs;

/**
 * P-ORG-2 through the real API as the demo organisation staff: each restructuring on a subtree the
 * test establishes itself (on 01/01/2020, so that a change effective today leaves yesterday's tree
 * intact), then the tree as of yesterday and as of today, and the history entry with its decision.
 */
@PartyworkTest
class OrgRestructuringApiTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    DemoOrgs orgs;
    ApiClient hn;
    long hanoi;
    LocalDate today;
    LocalDate yesterday;

    @BeforeEach
    void setUp() {
        orgs = new DemoOrgs(jdbc);
        hn = ApiClient.as(port, "hn.tochuc");
        hanoi = orgs.id(DemoOrgs.HANOI);
        today = DemoOrgs.today();
        yesterday = today.minusDays(1);
    }

    @Test
    void establishAddsTheOrganisationFromItsEffectiveDate() {
        long ward = establish(hn, hanoi, OrgKind.GRASSROOTS_COMMITTEE, "Đảng bộ phường Thành Lập");

        Reply created = hn.post("/api/v1/orgs", """
                {"parentId": %d, "code": "CB-MOI", "name": "Chi bộ Tổ dân phố Mới", "kind": "CELL", %s}
                """.formatted(ward, decision("120-QĐ/ĐU", today)));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.<String>json("$.name")).isEqualTo("Chi bộ Tổ dân phố Mới");
        assertThat(created.<Integer>json("$.parentId")).isEqualTo((int) ward);
        assertThat(names(ward, yesterday)).isEmpty();
        assertThat(names(ward, today)).containsExactly("Chi bộ Tổ dân phố Mới");
        assertHistory(created.id(), "ESTABLISH", "120-QĐ/ĐU");
    }

    @Test
    void renameKeepsTheOldNameInYesterdaysTree() {
        long ward = establish(hn, hanoi, OrgKind.GRASSROOTS_COMMITTEE, "Đảng bộ phường Đổi Tên");
        long cell = establish(hn, ward, OrgKind.CELL, "Chi bộ Khu dân cư Cũ");

        Reply renamed = hn.post("/api/v1/orgs/" + cell + "/rename", """
                {"name": "Chi bộ Khu dân cư Mới", "code": "CB-MOI", %s}""".formatted(decision("121-QĐ/ĐU", today)));

        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        assertThat(renamed.<String>json("$.code")).isEqualTo("CB-MOI");
        assertThat(names(ward, yesterday)).containsExactly("Chi bộ Khu dân cư Cũ");
        assertThat(names(ward, today)).containsExactly("Chi bộ Khu dân cư Mới");
        assertHistory(cell, "RENAME", "121-QĐ/ĐU");
        assertThat(hn.get("/api/v1/orgs/" + cell + "/history").<List<String>>json("$[0].participants[*].previousName"))
                .containsExactly("Chi bộ Khu dân cư Cũ");
    }

    @Test
    void transferMovesTheCellToItsNewParentFromTheEffectiveDate() {
        ApiClient tw = ApiClient.as(port, "tw.tochuc");
        long from = establish(tw, hanoi, OrgKind.GRASSROOTS_COMMITTEE, "Đảng bộ phường Chuyển Đi");
        long to = establish(tw, hanoi, OrgKind.GRASSROOTS_COMMITTEE, "Đảng bộ phường Chuyển Đến");
        long cell = establish(tw, from, OrgKind.CELL, "Chi bộ Chuyển Giao");

        Reply moved = tw.post("/api/v1/orgs/" + cell + "/transfer", """
                {"newParentId": %d, %s}""".formatted(to, decision("122-QĐ/TU", today)));

        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(moved.<Integer>json("$.parentId")).isEqualTo((int) to);
        assertThat(names(from, yesterday)).containsExactly("Chi bộ Chuyển Giao");
        assertThat(names(to, yesterday)).isEmpty();
        assertThat(names(from, today)).isEmpty();
        assertThat(names(to, today)).containsExactly("Chi bộ Chuyển Giao");
        assertThat(hn.get("/api/v1/orgs/" + cell + "?asOf=" + yesterday).<Integer>json("$.ancestors[-1].id"))
                .isEqualTo((int) from);
        assertHistory(cell, "TRANSFER", "122-QĐ/TU");
    }

    @Test
    void splitReplacesTheOrganisationWithItsSuccessors() {
        long ward = establish(hn, hanoi, OrgKind.GRASSROOTS_COMMITTEE, "Đảng bộ phường Chia Tách");
        long c1 = establish(hn, ward, OrgKind.CELL, "Chi bộ Tách 1");
        long c2 = establish(hn, ward, OrgKind.CELL, "Chi bộ Tách 2");

        Reply split = hn.post("/api/v1/orgs/" + ward + "/split", """
                {"successors": [{"code": "%s", "name": "Đảng bộ phường Tách A", "childIds": [%d]},
                                {"code": "%s", "name": "Đảng bộ phường Tách B", "childIds": [%d]}], %s}
                """.formatted(
                        DemoOrgs.uniqueCode("A"), c1, DemoOrgs.uniqueCode("B"), c2, decision("123-QĐ/TU", today)));

        assertThat(split.status()).as(split.toString()).isEqualTo(200);
        List<Number> successors = split.json("$[*].id");
        assertThat(successors).hasSize(2);
        assertThat(names(hanoi, yesterday))
                .contains("Đảng bộ phường Chia Tách")
                .doesNotContain("Đảng bộ phường Tách A", "Đảng bộ phường Tách B");
        assertThat(names(hanoi, today))
                .doesNotContain("Đảng bộ phường Chia Tách")
                .contains("Đảng bộ phường Tách A", "Đảng bộ phường Tách B");
        assertThat(names(successors.get(0).longValue(), today)).containsExactly("Chi bộ Tách 1");
        assertThat(names(successors.get(1).longValue(), today)).containsExactly("Chi bộ Tách 2");
        assertThat(names(ward, yesterday)).containsExactly("Chi bộ Tách 1", "Chi bộ Tách 2");
        assertHistory(ward, "SPLIT", "123-QĐ/TU");
    }

    @Test
    void mergeReplacesTheSourcesWithOneNewOrganisation() {
        long w1 = establish(hn, hanoi, OrgKind.GRASSROOTS_COMMITTEE, "Đảng bộ phường Hợp Nhất 1");
        long w2 = establish(hn, hanoi, OrgKind.GRASSROOTS_COMMITTEE, "Đảng bộ phường Hợp Nhất 2");
        establish(hn, w1, OrgKind.CELL, "Chi bộ Hợp Nhất 1");
        establish(hn, w2, OrgKind.CELL, "Chi bộ Hợp Nhất 2");

        Reply merged = hn.post("/api/v1/orgs/merge", """
                {"sourceIds": [%d, %d], "parentId": %d, "code": "%s", "name": "Đảng bộ phường Hợp Nhất",
                 "kind": "GRASSROOTS_COMMITTEE", %s}
                """.formatted(
                        w1, w2, hanoi, DemoOrgs.uniqueCode("HN"), decision("124-QĐ/TU", today)));

        assertThat(merged.status()).as(merged.toString()).isEqualTo(200);
        assertThat(names(hanoi, yesterday))
                .contains("Đảng bộ phường Hợp Nhất 1", "Đảng bộ phường Hợp Nhất 2")
                .doesNotContain("Đảng bộ phường Hợp Nhất");
        assertThat(names(hanoi, today))
                .contains("Đảng bộ phường Hợp Nhất")
                .doesNotContain("Đảng bộ phường Hợp Nhất 1", "Đảng bộ phường Hợp Nhất 2");
        assertThat(names(merged.id(), today)).containsExactlyInAnyOrder("Chi bộ Hợp Nhất 1", "Chi bộ Hợp Nhất 2");
        assertHistory(w1, "MERGE", "124-QĐ/TU");
        assertHistory(merged.id(), "MERGE", "124-QĐ/TU");
    }

    @Test
    void absorbClosesTheOrganisationAndMovesItsChildrenToTheTarget() {
        long absorbed = establish(hn, hanoi, OrgKind.GRASSROOTS_COMMITTEE, "Đảng bộ phường Sáp Nhập Vào");
        long target = establish(hn, hanoi, OrgKind.GRASSROOTS_COMMITTEE, "Đảng bộ phường Tiếp Nhận");
        establish(hn, absorbed, OrgKind.CELL, "Chi bộ Được Sáp Nhập");

        Reply reply =
                hn.post("/api/v1/orgs/" + absorbed + "/absorb", """
                {"targetId": %d, %s}""".formatted(target, decision("125-QĐ/TU", today)));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.id()).isEqualTo(target);
        assertThat(names(hanoi, yesterday)).contains("Đảng bộ phường Sáp Nhập Vào");
        assertThat(names(hanoi, today))
                .doesNotContain("Đảng bộ phường Sáp Nhập Vào")
                .contains("Đảng bộ phường Tiếp Nhận");
        assertThat(names(target, yesterday)).isEmpty();
        assertThat(names(target, today)).containsExactly("Chi bộ Được Sáp Nhập");
        assertHistory(target, "ABSORB", "125-QĐ/TU");
    }

    @Test
    void dissolveEndsTheOrganisationOnTheEffectiveDate() {
        long ward = establish(hn, hanoi, OrgKind.GRASSROOTS_COMMITTEE, "Đảng bộ phường Giải Thể");
        long cell = establish(hn, ward, OrgKind.CELL, "Chi bộ Giải Thể");

        Reply dissolved = hn.post("/api/v1/orgs/" + cell + "/dissolve", "{" + decision("126-QĐ/ĐU", today) + "}");

        assertThat(dissolved.status()).as(dissolved.toString()).isEqualTo(200);
        assertThat(names(ward, yesterday)).containsExactly("Chi bộ Giải Thể");
        assertThat(names(ward, today)).isEmpty();
        assertThat(hn.get("/api/v1/orgs/" + cell + "?asOf=" + yesterday).status())
                .isEqualTo(200);
        assertThat(hn.get("/api/v1/orgs/" + cell).status()).isEqualTo(404);
        assertHistory(cell, "DISSOLVE", "126-QĐ/ĐU");
    }

    private List<String> names(long parent, LocalDate asOf) {
        Reply children = hn.get("/api/v1/orgs/" + parent + "/children?asOf=" + asOf);
        assertThat(children.status()).as(children.toString()).isEqualTo(200);
        return children.json("$[*].org.name");
    }

    /** The one history entry of that kind: effective today, with its decision. */
    private void assertHistory(long org, String kind, String decisionNumber) {
        Reply history = hn.get("/api/v1/orgs/" + org + "/history");
        assertThat(history.status()).as(history.toString()).isEqualTo(200);
        List<Map<String, Object>> entries = history.json("$[?(@.kind == '" + kind + "')]");
        assertThat(entries).as(history.toString()).hasSize(1);
        Map<String, Object> entry = entries.get(0);
        assertThat(entry.get("effectiveOn")).isEqualTo(today.toString());
        assertThat(((Map<?, ?>) entry.get("decision")).get("number")).isEqualTo(decisionNumber);
        assertThat(((Map<?, ?>) entry.get("decision")).get("issuer")).isEqualTo("Ban Thường vụ (kiểm thử)");
    }
}
