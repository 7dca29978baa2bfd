package vn.partywork.org.web;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.partywork.web.DemoOrgs.establish;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.partywork.PartyworkTest;
import vn.partywork.org.OrgKind;
import vn.partywork.web.ApiClient;
import vn.partywork.web.DemoOrgs;
import vn.partywork.web.PageSession;

/**
 * The rename form through the real login, session and CSRF token: bad input shows the Vietnamese
 * message on the page with the form, and changes nothing.
 */
@PartyworkTest
class OrgFormBadInputTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    DemoOrgs orgs;
    PageSession page;
    long cell;
    String digest;

    @BeforeEach
    void setUp() {
        orgs = new DemoOrgs(jdbc);
        ApiClient hn = ApiClient.as(port, "hn.tochuc");
        long ward = establish(hn, orgs.id(DemoOrgs.HANOI), OrgKind.GRASSROOTS_COMMITTEE, "Đảng bộ phường Biểu Mẫu");
        establish(hn, ward, OrgKind.CELL, "Chi bộ Biểu Mẫu Một", "CB-MOT", DemoOrgs.FIXTURE_DAY);
        cell = establish(hn, ward, OrgKind.CELL, "Chi bộ Biểu Mẫu Hai", "CB-HAI", DemoOrgs.FIXTURE_DAY);
        page = PageSession.login(port, "hn.tochuc");
        digest = orgs.digest();
    }

    @Test
    void anEmptyNameShowsTheMessageNextToTheFormAndChangesNothing() {
        PageSession.Page reply = page.post("/orgs/" + cell + "/rename", rename("", null));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).contains("Phải nhập thông tin này.", "Chi bộ Biểu Mẫu Hai", "is-invalid");
        assertThat(orgs.digest()).isEqualTo(digest);
    }

    @Test
    void aDuplicateSiblingCodeShowsTheMessageNextToTheFormAndChangesNothing() {
        PageSession.Page reply = page.post("/orgs/" + cell + "/rename", rename("Chi bộ Biểu Mẫu Mới", "cb-mot"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body())
                .contains("Mã cb-mot đã được dùng cho một tổ chức đảng khác cùng cấp trên trực tiếp "
                        + "(không phân biệt chữ hoa, chữ thường).");
        assertThat(reply.body()).as("the form keeps what was typed").contains("value=\"Chi bộ Biểu Mẫu Mới\"");
        assertThat(orgs.digest()).isEqualTo(digest);
    }

    @Test
    void aFormPostWithoutTheCsrfTokenIsRefused() {
        Map<String, String> form = rename("Chi bộ Không Token", null);
        form.put("_csrf", "khong-hop-le");

        assertThat(page.post("/orgs/" + cell + "/rename", form).status()).isEqualTo(403);
        assertThat(orgs.digest()).isEqualTo(digest);
    }

    private static Map<String, String> rename(String name, @Nullable String code) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", name);
        if (code != null) {
            form.put("code", code);
        }
        String today = DemoOrgs.today().toString();
        form.put("decisionNumber", "30-QĐ/ĐU");
        form.put("decisionDate", today);
        form.put("decisionIssuer", "Ban Thường vụ Đảng ủy");
        form.put("effectiveOn", today);
        return form;
    }
}
