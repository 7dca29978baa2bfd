package vn.partywork.approval.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.partywork.PartyworkTest;
import vn.partywork.web.ApiClient;
import vn.partywork.web.ApiClient.Reply;
import vn.partywork.web.DemoOrgs;

/**
 * P-WF-1 over the real JSON API with demo accounts signed in through the token endpoint: the member
 * submits, the cell secretary confirms, the Hà Nội organisation staff sign and approve; outsiders
 * and stale versions are refused with stable codes.
 */
@PartyworkTest
class ApprovalApiTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    static int version(Reply reply) {
        return reply.<Integer>json("$.summary.version");
    }

    Reply submit(ApiClient member) {
        long cell = new DemoOrgs(jdbc).id("Chi bộ Tổ dân phố Hàng Bạc");
        return member.post("/api/v1/approvals", """
                {"chainCode": "MEMBER_UPDATE", "subjectOrgId": %d, "subjectType": "demo-member-update",
                 "subjectId": "dangvien.demo", "title": "Vũ Văn Nam: đổi nơi ở",
                 "changes": [{"field": "address", "label": "Nơi ở hiện nay",
                              "oldValue": "Số 12 phố Hàng Bạc", "newValue": "Số 8 phố Hàng Đào"}]}""".formatted(cell));
    }

    @Test
    void aRequestPassesTheChainThroughTheApi() {
        ApiClient member = ApiClient.as(port, "dangvien.demo");
        Reply created = submit(member);
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        long id = created.<Number>json("$.summary.id").longValue();
        assertThat(created.<String>json("$.summary.status")).isEqualTo("IN_PROGRESS");
        assertThat(created.<String>json("$.summary.due.dueOn")).isNotBlank();
        assertThat(member.get("/api/v1/approvals/sent").<List<Integer>>json("$[*].id"))
                .contains((int) id);

        ApiClient secretary = ApiClient.as(port, "bithu.demo");
        assertThat(secretary.get("/api/v1/approvals/inbox").<List<Integer>>json("$[*].id"))
                .contains((int) id);
        Reply detail = secretary.get("/api/v1/approvals/" + id);
        assertThat(detail.<Boolean>json("$.canAct")).isTrue();
        assertThat(detail.<String>json("$.changes[0].newValue")).isEqualTo("Số 8 phố Hàng Đào");

        Reply noReason = secretary.post(
                "/api/v1/approvals/" + id + "/act",
                "{\"action\": \"RETURN\", \"version\": %d}".formatted(version(detail)));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.code()).isEqualTo("approval.comment.required");
        assertThat(noReason.message()).isEqualTo("Phải nêu lý do khi trả lại hoặc từ chối.");

        Reply confirmed = secretary.post(
                "/api/v1/approvals/" + id + "/act",
                "{\"action\": \"APPROVE\", \"comment\": \"Chi bộ xác nhận\", \"version\": %d}"
                        .formatted(version(detail)));
        assertThat(confirmed.status()).as("%s", confirmed).isEqualTo(200);
        assertThat(confirmed.<String>json("$.summary.actingOrgName")).isEqualTo("Đảng bộ phường Hoàn Kiếm");
        Reply stale = secretary.post(
                "/api/v1/approvals/" + id + "/act",
                "{\"action\": \"APPROVE\", \"version\": %d}".formatted(version(detail)));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.code()).isEqualTo("approval.step.alreadyActed");

        ApiClient staff = ApiClient.as(port, "hn.tochuc");
        Reply signed = staff.post(
                "/api/v1/approvals/" + id + "/act",
                "{\"action\": \"APPROVE\", \"version\": %d}".formatted(version(confirmed)));
        Reply approved = staff.post(
                "/api/v1/approvals/" + id + "/act",
                "{\"action\": \"APPROVE\", \"version\": %d}".formatted(version(signed)));
        assertThat(approved.status()).as("%s", approved).isEqualTo(200);
        assertThat(approved.<String>json("$.summary.status")).isEqualTo("COMPLETED");
        assertThat(approved.<List<String>>json("$.trail[*].actor"))
                .containsExactly("dangvien.demo", "bithu.demo", "hn.tochuc", "hn.tochuc");
    }

    @Test
    void outsidersAndTheMemberCannotAct() {
        Reply created = submit(ApiClient.as(port, "dangvien.demo"));
        long id = created.<Number>json("$.summary.id").longValue();
        String approve = "{\"action\": \"APPROVE\", \"version\": %d}".formatted(version(created));

        Reply hcm = ApiClient.as(port, "hcm.tochuc").post("/api/v1/approvals/" + id + "/act", approve);
        assertThat(hcm.status()).isEqualTo(404);
        assertThat(hcm.code()).isEqualTo("approval.request.notFound");
        assertThat(ApiClient.as(port, "hcm.tochuc")
                        .get("/api/v1/approvals/" + id)
                        .status())
                .isEqualTo(404);

        Reply member = ApiClient.as(port, "dangvien.demo").post("/api/v1/approvals/" + id + "/act", approve);
        assertThat(member.status()).isEqualTo(403);
        assertThat(member.code()).isEqualTo("approval.step.notYours");

        // P-ID-2: the system administrator never reaches business endpoints.
        assertThat(ApiClient.as(port, "admin")
                        .post("/api/v1/approvals/" + id + "/act", approve)
                        .status())
                .isEqualTo(403);

        Reply unknownChain = ApiClient.as(port, "bithu.demo").post("/api/v1/approvals", """
                {"chainCode": "NO_SUCH", "subjectOrgId": 1, "subjectType": "x", "subjectId": "y", "title": "t",
                 "changes": [{"field": "a", "newValue": "b"}]}""");
        assertThat(unknownChain.status()).isEqualTo(400);
        assertThat(unknownChain.code()).isEqualTo("approval.chain.unknown");
        assertThat(ApiClient.as(port, "bithu.demo")
                        .get("/api/v1/approvals/" + id)
                        .<String>json("$.summary.status"))
                .isEqualTo("IN_PROGRESS");
    }
}
