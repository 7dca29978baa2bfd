package vn.partywork.member.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.partywork.PartyworkTest;
import vn.partywork.web.ApiClient;
import vn.partywork.web.ApiClient.Reply;
import vn.partywork.web.DemoOrgs;
import vn.partywork.web.PageSession;
import vn.partywork.web.PageSession.Page;

/**
 * The search criteria bound once ({@link MemberSearchForm}) for the page, the API and the export:
 * the same names, the same refusals, and the organisation filter as a search-as-you-type picker
 * over the caller's scope (no list of the first 200 organisations, no inline script handlers).
 */
@PartyworkTest
class MemberSearchFormTests {

    private static final Pattern INLINE_HANDLER = Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aTenThousandCharacterSearchStringGetsAClearAnswerOnThePageAndInTheApi() {
        String huge = "nguyen%20van%20an%20".repeat(500); // 10,000 characters once decoded
        Reply api = ApiClient.as(port, "hn.tochuc").get("/api/v1/members?q=" + huge);
        assertThat(api.status()).isEqualTo(400);
        assertThat(api.code()).isEqualTo("member.search.tooLong");
        assertThat(api.message()).contains("không được dài quá 200 ký tự");

        Page page = PageSession.login(port, "hn.tochuc").get("/members?q=" + huge);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Chuỗi tìm kiếm không được dài quá 200 ký tự.");
    }

    @Test
    void criteriaThatAreNoNumbersAreRefusedWithACode() {
        Reply api = ApiClient.as(port, "hn.tochuc").get("/api/v1/members?ageFrom=abc");
        assertThat(api.status()).isEqualTo(400);
        assertThat(api.code()).isEqualTo("request.invalid");

        Page page = PageSession.login(port, "hn.tochuc").get("/members?ageFrom=abc&status=NOPE");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Điều kiện tìm kiếm không hợp lệ");
    }

    @Test
    void theApiAndThePageReadTheSameCriteria() {
        long ward = new DemoOrgs(jdbc).id("Đảng bộ phường Hoàn Kiếm");
        String criteria = "org=" + ward + "&gender=MALE&admissionYear=2004&status=OFFICIAL";
        List<String> names = ApiClient.as(port, "hn.tochuc")
                .get("/api/v1/members?" + criteria + "&size=100")
                .json("$.items[*].fullName");
        assertThat(names).contains("Nguyễn Văn An");
        Page page = PageSession.login(port, "hn.tochuc").get("/members?" + criteria);
        names.forEach(name -> assertThat(page.body()).contains(name));
        // The page shows the chosen organisation in the picker, with its parent, and links the export.
        assertThat(page.body())
                .contains("Đảng bộ phường Hoàn Kiếm", "Trực thuộc: ", "Đảng bộ Thành phố Hà Nội")
                .contains("/members/export?");
    }

    @Test
    void theOrganisationPickerOffersOnlyTheCallersScopeAndThePageHasNoInlineHandlers() {
        PageSession hn = PageSession.login(port, "hn.tochuc");
        Page list = hn.get("/members");
        assertThat(list.body()).contains("id=\"org-picker\"", "/js/members.js");
        assertThat(INLINE_HANDLER.matcher(list.body()).find())
                .as("inline on*= handlers on /members")
                .isFalse();
        assertThat(hn.get("/members/orgs/pick?orgQ=hoan%20kiem").body()).contains("Đảng bộ phường Hoàn Kiếm");
        assertThat(hn.get("/members/orgs/pick?orgQ=ben%20thanh").body())
                .doesNotContain("Đảng bộ phường Bến Thành")
                .contains("Không tìm thấy tổ chức đảng phù hợp");

        PageSession hcm = PageSession.login(port, "hcm.tochuc");
        assertThat(hcm.get("/members/orgs/pick?orgQ=ben%20thanh").body()).contains("Đảng bộ phường Bến Thành");
        long hoanKiem = new DemoOrgs(jdbc).id("Đảng bộ phường Hoàn Kiếm");
        // Choosing an organisation outside the scope chooses nothing.
        assertThat(hcm.get("/members/orgs/choose?org=" + hoanKiem).body())
                .doesNotContain("Hoàn Kiếm")
                .contains("Toàn bộ phạm vi được xem.");
    }
}
