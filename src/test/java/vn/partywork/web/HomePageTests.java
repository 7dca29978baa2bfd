package vn.partywork.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.partywork.PartyworkTest;

/** The home page is fitted to who signs in: what waits for them, not a scope over zeros. */
@PartyworkTest
class HomePageTests {

    @LocalServerPort
    int port;

    @Test
    void theCellSecretarySeesTheRequestWaitingForHerWithItsDueDate() {
        String home = PageSession.login(port, "bithu.demo").get("/").body();
        assertThat(home).contains("Việc chờ đồng chí xử lý");
        // The demo's MEMBER_UPDATE of dangvien.demo waits for the cell's confirmation.
        assertThat(home)
                .containsPattern("Vũ Văn Nam")
                .containsPattern("(còn \\d+ ngày làm việc|đến hạn hôm nay|quá hạn)");
        assertThat(home).containsPattern("href=\"/approvals/\\d+\"");
    }

    @Test
    void theAccountAdministratorSeesAccountsAndReviewsNotAnEmptyScopeOverZeros() {
        String home = PageSession.login(port, "hn.quantri").get("/").body();
        assertThat(home)
                .contains("Quản trị tài khoản")
                .contains("Đảng bộ Thành phố Hà Nội")
                .contains("tài khoản trong tổ chức và các tổ chức trực thuộc")
                .contains("Rà soát tài khoản và quyền")
                .doesNotContain("chưa được phân quyền")
                .doesNotContain("Tổ chức đảng trong phạm vi");
    }
}
