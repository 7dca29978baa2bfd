package vn.partywork.member.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.partywork.PartyworkTest;
import vn.partywork.member.MemberTestData;
import vn.partywork.web.ApiClient;
import vn.partywork.web.DemoOrgs;
import vn.partywork.web.PageSession;
import vn.partywork.web.PageSession.Page;

/** The member pages through real logins: search, record, forms, the member's own page and its proposal. */
@PartyworkTest
class MemberPagesTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void staffSearchAndReadRecordsInSectionsWithTheirSources() {
        PageSession staff = PageSession.login(port, "hn.tochuc");
        Page list = staff.get("/members?q=nguyen%20van%20an");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("Tra cứu đảng viên", "Nguyễn Văn An", "Chi bộ Tổ dân phố Hàng Đào");
        assertThat(list.body()).contains("href=\"/members\"").contains(">Đảng viên</a>");

        long an = new MemberTestData(jdbc).idByName("Nguyễn Văn An");
        Page record = staff.get("/members/" + an);
        assertThat(record.status()).isEqualTo(200);
        assertThat(record.body())
                .contains("Thông tin cá nhân", "Trình độ, nghề nghiệp, công tác", "Thông tin về Đảng")
                .contains("Số hóa từ hồ sơ giấy")
                .contains("001078001945", "02/09/1978", "Kinh")
                .contains("Quá trình sinh hoạt đảng", "Công nhận đảng viên chính thức")
                .contains("Cập nhật thông tin về Đảng");

        Page outside = PageSession.login(port, "hcm.tochuc").get("/members/" + an);
        assertThat(outside.status()).isEqualTo(404);
    }

    @Test
    void staffWhoKeepTheRecordSeeItsAuditHistoryAndTheMemberDoesNot() {
        ApiClient staff = ApiClient.as(port, "hn.tochuc");
        long cell = new DemoOrgs(jdbc).id("Chi bộ Tổ dân phố Hàng Đào");
        long id = MemberTestData.create(staff, cell, "Đinh Văn Nhật Ký");

        Page record = PageSession.login(port, "hn.tochuc").get("/members/" + id);

        // P-AU-1: who created it, with the values, on the record's own page; reads stay in the viewer.
        assertThat(record.body())
                .contains("Nhật ký thay đổi")
                .contains("hn.tochuc")
                .contains("<ins>Đinh Văn Nhật Ký</ins>")
                // P-AU-2: the values as a person reads them, not the codes the log keeps.
                .contains("<ins>Nam</ins>", "<ins>Kinh</ins>", "<ins>05/05/1980</ins>")
                .contains("<ins>Chi bộ Tổ dân phố Hàng Đào</ins>")
                .doesNotContain("<ins>MALE</ins>", "<ins>01</ins>", "<ins>1980-05-05</ins>");
        assertThat(PageSession.login(port, "dangvien.demo").get("/me/record").body())
                .doesNotContain("Nhật ký thay đổi");
    }

    @Test
    void aBadFormShowsItsMessageAndSavesNothing() {
        PageSession staff = PageSession.login(port, "hn.tochuc");
        assertThat(staff.get("/members/new").body()).contains("Nhập hồ sơ đảng viên", "Chi bộ Tổ dân phố Hàng Đào");
        long before = new MemberTestData(jdbc).memberCount();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("cellId", String.valueOf(new DemoOrgs(jdbc).id("Chi bộ Tổ dân phố Hàng Đào")));
        form.put("status", "OFFICIAL");
        form.put("fullName", "Hoàng Văn Thiếu");
        form.put("gender", "MALE");
        form.put("birthDate", "1980-01-01");
        form.put("ethnicity", "01");
        form.put("religion", "00");
        form.put("citizenId", "0010800");
        form.put("admissionDate", "2005-01-01");
        form.put("officialDate", "2006-01-01");
        Page refused = staff.post("/members/new", form);
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body())
                .contains("Số căn cước công dân phải gồm 12 chữ số")
                .contains("Hoàng Văn Thiếu");
        assertThat(new MemberTestData(jdbc).memberCount()).isEqualTo(before);

        form.put("citizenId", MemberTestData.citizenId(1980));
        Page saved = staff.post("/members/new", form);
        assertThat(saved.status()).as("%s", saved).isEqualTo(302);
        assertThat(saved.location()).matches(".*/members/\\d+");
        assertThat(staff.get(saved.location().replaceFirst("^https?://[^/]+", ""))
                        .body())
                .contains("Hoàng Văn Thiếu", "Đã lưu hồ sơ đảng viên.");
    }

    @Test
    void aMemberSeesTheirOwnPageAndProposesAChange() {
        PageSession member = PageSession.login(port, "dangvien.demo");
        Page own = member.get("/me/record");
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.body())
                .contains(
                        "Hồ sơ đảng viên của tôi",
                        "Vũ Văn Nam",
                        "Đề nghị cập nhật thông tin",
                        "Đề nghị cập nhật của tôi")
                .contains(">Hồ sơ của tôi</a>")
                .doesNotContain("Cập nhật thông tin về Đảng")
                .doesNotContain(">Đảng viên</a>");
        // The demo's pending request shows with its progress.
        assertThat(own.body()).contains("Vũ Văn Nam: cập nhật số điện thoại và nơi ở hiện nay");

        long id = new MemberTestData(jdbc).idByName("Vũ Văn Nam");
        Page form = member.get("/members/" + id + "/propose");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("Đề nghị cập nhật thông tin").doesNotContain("Số thẻ đảng viên");
        Page sent = member.post("/members/" + id + "/propose", Map.of("occupation", "Chuyên viên"));
        assertThat(sent.status()).as("%s", sent).isEqualTo(302);
        assertThat(sent.location()).matches(".*/approvals/\\d+");

        long comrade = jdbc.sql("SELECT id FROM member.member WHERE cell_id = :cell AND id <> :me ORDER BY id LIMIT 1")
                .param("cell", new DemoOrgs(jdbc).id("Chi bộ Tổ dân phố Hàng Bạc"))
                .param("me", id)
                .query(Long.class)
                .single();
        assertThat(member.get("/members/" + comrade).status()).isEqualTo(404);
        assertThat(member.get("/members").body())
                .doesNotContain("Nguyễn Văn An")
                .doesNotContain("Nhập hồ sơ đảng viên");
    }
}
