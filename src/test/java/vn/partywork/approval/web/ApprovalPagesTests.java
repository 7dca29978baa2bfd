package vn.partywork.approval.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.partywork.PartyworkTest;
import vn.partywork.web.ApiClient;
import vn.partywork.web.DemoOrgs;
import vn.partywork.web.PageSession;
import vn.partywork.web.PageSession.Page;

/** The approval pages through a real login: inbox with due badges, the diff table, the act form. */
@PartyworkTest
class ApprovalPagesTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theCellSecretaryFindsTheRequestInTheInboxAndConfirmsIt() {
        long cell = new DemoOrgs(jdbc).id("Chi bộ Tổ dân phố Hàng Bạc");
        ApiClient.Reply created = ApiClient.as(port, "dangvien.demo").post("/api/v1/approvals", """
                {"chainCode": "MEMBER_UPDATE", "subjectOrgId": %d, "subjectType": "demo-member-update",
                 "subjectId": "dangvien.demo", "title": "Vũ Văn Nam: đổi số điện thoại (trang)",
                 "changes": [{"field": "phone", "label": "Số điện thoại",
                              "oldValue": "0912 000 111", "newValue": "0987 000 222"}]}""".formatted(cell));
        long id = created.<Number>json("$.summary.id").longValue();
        int version = created.<Integer>json("$.summary.version");

        PageSession secretary = PageSession.login(port, "bithu.demo");
        Page inbox = secretary.get("/approvals");
        assertThat(inbox.status()).isEqualTo(200);
        assertThat(inbox.body())
                .contains("Việc cần xử lý", "Vũ Văn Nam: đổi số điện thoại (trang)", "còn 5 ngày làm việc");
        // The demo's own request waits at the cell step too.
        assertThat(inbox.body()).contains("Vũ Văn Nam: cập nhật số điện thoại và nơi ở hiện nay");

        Page detail = secretary.get("/approvals/" + id);
        assertThat(detail.body())
                .contains(
                        "Trường",
                        "Giá trị cũ",
                        "Giá trị mới",
                        "Số điện thoại",
                        "0912 000 111",
                        "0987 000 222",
                        "Đồng ý",
                        "Trả lại để chỉnh sửa");

        Page noReason = secretary.post(
                "/approvals/" + id + "/act",
                Map.of("action", "RETURN", "comment", "", "version", String.valueOf(version)));
        assertThat(noReason.status()).isEqualTo(200);
        assertThat(noReason.body()).contains("Phải nêu lý do khi trả lại hoặc từ chối.");

        Page approved = secretary.post(
                "/approvals/" + id + "/act",
                Map.of("action", "APPROVE", "comment", "Chi bộ xác nhận", "version", String.valueOf(version)));
        assertThat(approved.status()).isEqualTo(302);
        Page after = secretary.get(approved.location().replaceFirst("^https?://[^/]+", ""));
        assertThat(after.body())
                .contains(
                        "Đã đồng ý; yêu cầu được chuyển tiếp.",
                        "Chi bộ xác nhận",
                        "Đảng bộ phường Hoàn Kiếm",
                        "Đỗ Thị Lan");
        assertThat(secretary.get("/approvals").body()).doesNotContain("Vũ Văn Nam: đổi số điện thoại (trang)");

        Page outsider = PageSession.login(port, "hcm.tochuc").get("/approvals/" + id);
        assertThat(outsider.status()).isEqualTo(404);
    }
}
