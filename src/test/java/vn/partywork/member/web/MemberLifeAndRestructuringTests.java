package vn.partywork.member.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.LocalDate;
import java.util.List;
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
 * Members and the organisation tree: restructuring moves members with their cell (they point to
 * the cell, which keeps its id), a cell with members is not dissolved, and the confirmation as
 * official member (chuyển đảng chính thức) is valid-time history dated by the official date.
 */
@PartyworkTest
class MemberLifeAndRestructuringTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aTransferredCellTakesItsMembersAlongAndACellWithMembersIsNotDissolved() {
        ApiClient tw = ApiClient.as(port, "tw.tochuc");
        DemoOrgs orgs = new DemoOrgs(jdbc);
        long hanoi = orgs.id(DemoOrgs.HANOI);
        long from = DemoOrgs.establish(tw, hanoi, OrgKind.GRASSROOTS_COMMITTEE, "Đảng bộ phường Đi Trước");
        long to = DemoOrgs.establish(tw, hanoi, OrgKind.GRASSROOTS_COMMITTEE, "Đảng bộ phường Đến Sau");
        long cell = DemoOrgs.establish(tw, from, OrgKind.CELL, "Chi bộ Mang Theo");
        long member = MemberTestData.create(tw, cell, "Kiều Văn Theo Chi Bộ");
        assertThat(tw.get("/api/v1/members?org=" + from).<List<Integer>>json("$.items[*].id"))
                .containsExactly((int) member);

        LocalDate today = DemoOrgs.today();
        Reply moved =
                tw.post("/api/v1/orgs/" + cell + "/transfer", """
                {"newParentId": %d, %s}""".formatted(to, DemoOrgs.decision("77-QĐ/TU", today)));
        assertThat(moved.status()).as("%s", moved).isEqualTo(200);
        assertThat(tw.get("/api/v1/members?org=" + to).<List<Integer>>json("$.items[*].id"))
                .containsExactly((int) member);
        assertThat(tw.get("/api/v1/members?org=" + from).<Integer>json("$.total"))
                .isZero();

        Reply dissolve =
                tw.post("/api/v1/orgs/" + cell + "/dissolve", "{" + DemoOrgs.decision("78-QĐ/TU", today) + "}");
        assertThat(dissolve.status()).isEqualTo(409);
        assertThat(dissolve.code()).isEqualTo("member.cell.hasMembers");
        assertThat(dissolve.message()).startsWith("Chi bộ còn đảng viên sinh hoạt");
    }

    @Test
    void membersFollowTheirCellIntoAMergedCellAndACellWithMembersIsNotAbsorbedIntoACommittee() {
        ApiClient tw = ApiClient.as(port, "tw.tochuc");
        long hanoi = new DemoOrgs(jdbc).id(DemoOrgs.HANOI);
        long ward = DemoOrgs.establish(tw, hanoi, OrgKind.GRASSROOTS_COMMITTEE, "Đảng bộ phường Hợp Nhất Chi Bộ");
        long cellA = DemoOrgs.establish(tw, ward, OrgKind.CELL, "Chi bộ Hợp Nhất A");
        long cellB = DemoOrgs.establish(tw, ward, OrgKind.CELL, "Chi bộ Hợp Nhất B");
        long memberA = MemberTestData.create(tw, cellA, "Lò Văn Theo A");
        long memberB = MemberTestData.create(tw, cellB, "Lò Thị Theo B");
        LocalDate today = DemoOrgs.today();

        Reply absorbed =
                tw.post("/api/v1/orgs/" + cellA + "/absorb", """
                {"targetId": %d, %s}""".formatted(ward, DemoOrgs.decision("90-QĐ/ĐU", today)));
        assertThat(absorbed.status()).as("%s", absorbed).isEqualTo(409);
        assertThat(absorbed.code()).isEqualTo("member.cell.hasMembers");

        Reply merged = tw.post("/api/v1/orgs/merge", """
                {"sourceIds": [%d, %d], "parentId": %d, "code": "%s", "name": "Chi bộ Hợp Nhất AB",
                 "kind": "CELL", %s}""".formatted(
                        cellA, cellB, ward, DemoOrgs.uniqueCode("AB"), DemoOrgs.decision("91-QĐ/ĐU", today)));
        assertThat(merged.status()).as("%s", merged).isEqualTo(200);
        long cellAB = merged.id();

        // The members follow after the restructuring commits (a module listener).
        await().until(() -> tw.get("/api/v1/members?org=" + cellAB).<Integer>json("$.total") == 2);
        assertThat(tw.get("/api/v1/members?org=" + cellAB).<List<Integer>>json("$.items[*].id"))
                .containsExactlyInAnyOrder((int) memberA, (int) memberB);
        Reply history = tw.get("/api/v1/members/" + memberA + "/history");
        assertThat(history.<List<Integer>>json("$[*].cellId")).containsExactly((int) cellAB, (int) cellA, (int) cellA);
        assertThat(history.<String>json("$[0].basis")).contains("hợp nhất");
        assertThat(history.<String>json("$[0].validFrom")).isEqualTo(today.toString());
    }

    @Test
    void confirmationAsOfficialIsDatedByTheOfficialDateAndNeedsTheProbationYear() {
        ApiClient staff = ApiClient.as(port, "hn.tochuc");
        long cell = new DemoOrgs(jdbc).id("Chi bộ Tổ dân phố Hàng Đào");
        LocalDate admission = DemoOrgs.today().minusMonths(15);
        Reply created = staff.post(
                "/api/v1/members",
                MemberTestData.body(
                        cell,
                        "Tạ Văn Dự Bị",
                        MemberTestData.citizenId(1995),
                        LocalDate.of(1995, 5, 5),
                        admission,
                        null));
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        assertThat(created.<String>json("$.status")).isEqualTo("PROBATIONARY");
        long id = created.id();
        int version = created.json("$.version");

        Reply early = staff.send("PUT", "/api/v1/members/" + id, """
                {"version": %d, "status": "OFFICIAL", "fields": {"officialDate": "%s"}}""".formatted(version, admission.plusMonths(11)));
        assertThat(early.status()).isEqualTo(400);
        assertThat(early.code()).isEqualTo("member.official.beforeProbationEnd");

        LocalDate official = admission.plusMonths(12);
        Reply confirmed = staff.send("PUT", "/api/v1/members/" + id, """
                {"version": %d, "status": "OFFICIAL", "fields": {"officialDate": "%s"},
                 "basis": "Quyết định số 45-QĐ/ĐU công nhận đảng viên chính thức"}""".formatted(version, official));
        assertThat(confirmed.status()).as("%s", confirmed).isEqualTo(200);
        assertThat(confirmed.<String>json("$.status")).isEqualTo("OFFICIAL");
        Reply history = staff.get("/api/v1/members/" + id + "/history");
        assertThat(history.<List<String>>json("$[*].status")).containsExactly("OFFICIAL", "PROBATIONARY");
        assertThat(history.<List<String>>json("$[*].validFrom"))
                .containsExactly(official.toString(), admission.toString());
        assertThat(history.<String>json("$[0].basis")).startsWith("Quyết định số 45-QĐ/ĐU");

        Reply backwards =
                staff.send("PUT", "/api/v1/members/" + id, """
                {"version": %d, "status": "PROBATIONARY", "fields": {"officialDate": ""}}""".formatted(confirmed.<Integer>json("$.version")));
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.code()).isEqualTo("member.status.invalid");
    }
}
