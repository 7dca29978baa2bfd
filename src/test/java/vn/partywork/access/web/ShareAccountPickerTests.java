package vn.partywork.access.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.partywork.PartyworkTest;
import vn.partywork.web.PageSession;

/**
 * P-AZ-2: the account picker of the share forms offers active business accounts by name or login,
 * never system administrators nor the caller, and only to those who create records (WRITE).
 */
@PartyworkTest
class ShareAccountPickerTests {

    @LocalServerPort
    int port;

    @Test
    void staffFindColleaguesWithoutDiacriticsButNeitherAdministratorsNorThemselves() {
        PageSession staff = PageSession.login(port, "hn.tochuc");
        PageSession.Page matches = staff.get("/shares/accounts/pick?q=tochuc");
        assertThat(matches.status()).isEqualTo(200);
        assertThat(matches.body()).contains("hcm.tochuc").contains("tw.tochuc").doesNotContain(">hn.tochuc<");
        assertThat(staff.get("/shares/accounts/pick?q=admin").body()).doesNotContain(">admin<");
        assertThat(staff.get("/shares/accounts/pick?q=h").body()).contains("ít nhất 2 ký tự");
        PageSession.Page chosen = staff.get("/shares/accounts/choose?identifier=hcm.tochuc");
        assertThat(chosen.body()).contains("value=\"hcm.tochuc\"").contains("Hồ Chí Minh");
    }

    @Test
    void aMemberWithoutWriteRightsCannotBrowseAccounts() {
        PageSession member = PageSession.login(port, "dangvien.demo");
        assertThat(member.get("/shares/accounts/pick?q=tochuc").status()).isEqualTo(403);
        assertThat(member.get("/shares/accounts/choose?identifier=hcm.tochuc").status())
                .isEqualTo(403);
        assertThat(member.get("/shares/received").status()).isEqualTo(200);
    }
}
