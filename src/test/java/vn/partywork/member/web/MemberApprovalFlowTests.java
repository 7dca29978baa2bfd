package vn.partywork.member.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.partywork.PartyworkTest;
import vn.partywork.identity.AccountAdministration;
import vn.partywork.identity.AccountType;
import vn.partywork.identity.AccountView;
import vn.partywork.identity.Fixtures;
import vn.partywork.member.MemberTestData;
import vn.partywork.web.ApiClient;
import vn.partywork.web.ApiClient.Reply;
import vn.partywork.web.DemoOrgs;

/**
 * M-2, M-3, M-6 through the real API: a member's self-declared change passes cell → grassroots →
 * upper level and is then applied with old → new in the audit log; party data is the organisation's
 * and self-declared data the member's; an admission form enters the database only when its chain
 * completes.
 */
@PartyworkTest
class MemberApprovalFlowTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccountAdministration administration;

    static int version(Reply reply) {
        return reply.<Integer>json("$.summary.version");
    }

    /** The three steps of MEMBER_UPDATE / MEMBER_ADMISSION at Hàng Bạc: the secretary, then Hà Nội staff twice. */
    Reply approveThroughTheChain(long requestId, int version) {
        ApiClient secretary = ApiClient.as(port, "bithu.demo");
        ApiClient staff = ApiClient.as(port, "hn.tochuc");
        Reply confirmed = secretary.post(
                "/api/v1/approvals/" + requestId + "/act",
                "{\"action\": \"APPROVE\", \"comment\": \"Chi bộ xác nhận\", \"version\": %d}".formatted(version));
        assertThat(confirmed.status()).as("%s", confirmed).isEqualTo(200);
        Reply signed = staff.post(
                "/api/v1/approvals/" + requestId + "/act",
                "{\"action\": \"APPROVE\", \"version\": %d}".formatted(version(confirmed)));
        assertThat(signed.status()).as("%s", signed).isEqualTo(200);
        Reply approved = staff.post(
                "/api/v1/approvals/" + requestId + "/act",
                "{\"action\": \"APPROVE\", \"version\": %d}".formatted(version(signed)));
        assertThat(approved.<String>json("$.summary.status")).isEqualTo("COMPLETED");
        return approved;
    }

    @Test
    void aMembersProposedChangeGoesThroughTheThreeStepsAndIsAppliedWithOldAndNewInTheAuditLog() {
        ApiClient member = ApiClient.as(port, "dangvien.demo");
        Reply before = member.get("/api/v1/members/me");
        long id = before.id();
        String oldAddress = before.json("$.fields.currentAddress");
        String newAddress = "Số " + (System.nanoTime() % 900 + 10) + " phố Hàng Mã, phường Hoàn Kiếm, Hà Nội";

        Reply proposed = member.post("/api/v1/members/" + id + "/proposals", """
                {"fields": {"currentAddress": "%s", "religion": "Phật giáo"}}""".formatted(newAddress));
        assertThat(proposed.status()).as("%s", proposed).isEqualTo(201);
        assertThat(proposed.<String>json("$.summary.chainCode")).isEqualTo("MEMBER_UPDATE");
        assertThat(proposed.<List<String>>json("$.changes[*].newValue")).containsExactly(newAddress, "Phật giáo");
        long request = proposed.<Number>json("$.summary.id").longValue();
        // Nothing changes before the chain completes.
        assertThat(member.get("/api/v1/members/me").<String>json("$.fields.currentAddress"))
                .isEqualTo(oldAddress);

        approveThroughTheChain(request, version(proposed));

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () -> assertThat(member.get("/api/v1/members/me").<String>json("$.fields.currentAddress"))
                                .isEqualTo(newAddress));
        Reply after = member.get("/api/v1/members/me");
        assertThat(after.<String>json("$.fields.religion")).isEqualTo("01");
        assertThat(after.<String>json("$.catalogueNames.religion")).isEqualTo("Phật giáo");
        assertThat(after.<String>json("$.sources.IDENTITY")).isEqualTo("SELF_DECLARED");
        String changes = jdbc.sql("""
                SELECT changes::text FROM audit.event
                 WHERE target_type = 'member' AND target_id = :id AND action = 'UPDATE'
                   AND basis = :basis
                """)
                .param("id", String.valueOf(id))
                .param("basis", "Yêu cầu phê duyệt số " + request + " (MEMBER_UPDATE)")
                .query(String.class)
                .single();
        assertThat(com.jayway.jsonpath.JsonPath.<String>read(changes, "$.currentAddress.old"))
                .isEqualTo(oldAddress);
        assertThat(com.jayway.jsonpath.JsonPath.<String>read(changes, "$.currentAddress.new"))
                .isEqualTo(newAddress);
        assertThat(com.jayway.jsonpath.JsonPath.<String>read(changes, "$.religion.new"))
                .isEqualTo("01");
    }

    @Test
    void aMemberCannotChangeOrganisationOwnedFieldsNorStaffSelfDeclaredOnes() {
        ApiClient member = ApiClient.as(port, "dangvien.demo");
        Reply me = member.get("/api/v1/members/me");
        long id = me.id();

        Reply card = member.post(
                "/api/v1/members/" + id + "/proposals", "{\"fields\": {\"partyCardNumber\": \"12345678\"}}");
        assertThat(card.status()).isEqualTo(403);
        assertThat(card.code()).isEqualTo("member.field.organisationOwned");
        assertThat(card.message()).startsWith("Số thẻ đảng viên do tổ chức đảng có thẩm quyền quyết định");
        Reply direct = member.send(
                "PUT",
                "/api/v1/members/" + id,
                "{\"version\": %d, \"fields\": {\"awards\": \"Tự khen\"}}".formatted(me.<Integer>json("$.version")));
        assertThat(direct.status()).isEqualTo(403);
        assertThat(direct.code()).isEqualTo("member.forbidden");

        // The cell secretary enters party data directly, but not the member's declared data.
        ApiClient secretary = ApiClient.as(port, "bithu.demo");
        int version = secretary.get("/api/v1/members/" + id).json("$.version");
        Reply phone = secretary.send(
                "PUT",
                "/api/v1/members/" + id,
                "{\"version\": %d, \"fields\": {\"phone\": \"0900 000 000\"}}".formatted(version));
        assertThat(phone.status()).isEqualTo(403);
        assertThat(phone.code()).isEqualTo("member.field.selfDeclared");
        String award = "Giấy khen năm " + (2000 + System.nanoTime() % 26);
        Reply awards = secretary.send(
                "PUT",
                "/api/v1/members/" + id,
                "{\"version\": %d, \"fields\": {\"awards\": \"%s\"}, \"basis\": \"Quyết định 12-QĐ/ĐU\"}"
                        .formatted(version, award));
        assertThat(awards.status()).as("%s", awards).isEqualTo(200);
        assertThat(awards.<String>json("$.fields.awards")).isEqualTo(award);
        assertThat(awards.<String>json("$.sources.PARTY")).isEqualTo("OPERATIONAL_SOFTWARE");
        Reply stale = secretary.send(
                "PUT",
                "/api/v1/members/" + id,
                "{\"version\": %d, \"fields\": {\"awards\": \"Khác\"}}".formatted(version));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.code()).isEqualTo("member.version.stale");

        // Hồ Chí Minh staff cannot even see the record to propose anything.
        Reply outsider = ApiClient.as(port, "hcm.tochuc")
                .post("/api/v1/members/" + id + "/proposals", "{\"fields\": {\"phone\": \"0900 000 001\"}}");
        assertThat(outsider.status()).isEqualTo(404);
    }

    @Test
    void anAdmissionFormEntersTheDatabaseWhenItsChainCompletes() {
        ApiClient secretary = ApiClient.as(port, "bithu.demo");
        long cell = new DemoOrgs(jdbc).id("Chi bộ Tổ dân phố Hàng Bạc");
        LocalDate admission = LocalDate.now().minusMonths(2);
        String body = MemberTestData.body(
                        cell,
                        "Phạm Thị Kết Nạp",
                        MemberTestData.citizenId(1999).substring(0, 3) + "1" + "99"
                                + MemberTestData.citizenId(1999).substring(6),
                        LocalDate.of(1999, 8, 8),
                        admission,
                        null)
                .replace("\"gender\": \"MALE\"", "\"gender\": \"FEMALE\"")
                .replace("\"cellId\"", "\"admission\": true, \"cellId\"");
        // Entered from the paper form by the central organisation staff: the cell, which did not
        // enter it, confirms it (P-WF-1 separation of duties: nobody confirms their own entry).
        Reply created = ApiClient.as(port, "tw.tochuc").post("/api/v1/members", body);
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        assertThat(created.<String>json("$.status")).isEqualTo("PENDING_ADMISSION");
        long id = created.id();
        long request = created.<Number>json("$.admissionRequestId").longValue();
        assertThat(secretary.get("/api/v1/members/" + id + "/history").body()).isEqualTo("[]");

        Reply details = secretary.get("/api/v1/approvals/" + request);
        assertThat(details.<String>json("$.summary.chainCode")).isEqualTo("MEMBER_ADMISSION");
        approveThroughTheChain(request, version(details));

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () -> assertThat(secretary.get("/api/v1/members/" + id).<String>json("$.status"))
                                .isEqualTo("PROBATIONARY"));
        assertThat(secretary.get("/api/v1/members/" + id + "/history").<List<String>>json("$[*].validFrom"))
                .containsExactly(admission.toString());
    }

    @Test
    void aNewMemberDeclaresTheirOwnFormForTheirCellOnly() {
        long hangBac = new DemoOrgs(jdbc).id("Chi bộ Tổ dân phố Hàng Bạc");
        AccountView account = new Fixtures(jdbc, administration).account(AccountType.MEMBER, hangBac);
        Reply token = ApiClient.anonymous(port)
                .post("/api/v1/auth/token", """
                {"username": "%s", "password": "%s"}""".formatted(account.identifier(), Fixtures.PASSWORD));
        ApiClient member = ApiClient.anonymous(port).withToken(token.json("$.token"));
        assertThat(member.get("/api/v1/members/me").code()).isEqualTo("member.record.none");

        String citizenId = femaleBornIn2000();
        String form = MemberTestData.body(
                        hangBac,
                        "Lò Thị Tự Khai",
                        citizenId,
                        LocalDate.of(2000, 2, 2),
                        LocalDate.now().minusMonths(1),
                        null)
                .replace("\"gender\": \"MALE\"", "\"gender\": \"FEMALE\"")
                .replace("\"cellId\"", "\"admission\": true, \"cellId\"");
        // Only for their own cell.
        Reply elsewhere = member.post(
                "/api/v1/members",
                form.replace(
                        "\"cellId\": " + hangBac,
                        "\"cellId\": " + new DemoOrgs(jdbc).id("Chi bộ Tổ dân phố Hàng Đào")));
        assertThat(elsewhere.status()).isEqualTo(404);
        Reply declared = member.post("/api/v1/members", form);
        assertThat(declared.status()).as("%s", declared).isEqualTo(201);
        assertThat(declared.<String>json("$.sources.IDENTITY")).isEqualTo("SELF_DECLARED");
        assertThat(declared.<Number>json("$.accountId").longValue()).isEqualTo(account.id());
        Reply twice = member.post("/api/v1/members", form.replace(citizenId, femaleBornIn2000()));
        assertThat(twice.code()).isEqualTo("member.account.duplicate");

        long request = declared.<Number>json("$.admissionRequestId").longValue();
        approveThroughTheChain(request, version(ApiClient.as(port, "bithu.demo").get("/api/v1/approvals/" + request)));
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(member.get("/api/v1/members/me").<String>json("$.status"))
                        .isEqualTo("PROBATIONARY"));
    }

    private static String femaleBornIn2000() {
        String male = MemberTestData.citizenId(2000);
        return male.substring(0, 3) + "3" + male.substring(4);
    }
}
