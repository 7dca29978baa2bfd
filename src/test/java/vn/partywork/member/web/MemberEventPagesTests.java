package vn.partywork.member.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.partywork.PartyworkTest;
import vn.partywork.document.SampleFiles;
import vn.partywork.member.MemberTestData;
import vn.partywork.web.ApiClient;
import vn.partywork.web.DemoOrgs;
import vn.partywork.web.Multipart;
import vn.partywork.web.PageSession;
import vn.partywork.web.PageSession.Page;

/**
 * The life-event pages through real logins: the record offers the events its reader decides, the
 * event form records one with its decision scan or shows a Vietnamese refusal, the transfer form and
 * the list of transfers let both sides act, files attach to the dossier, and the audit history names
 * member fields in Vietnamese.
 */
@PartyworkTest
class MemberEventPagesTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theRecordOffersTheEventsItsReaderDecidesAndTheFormRecordsOneWithItsDecisionScan() {
        DemoOrgs orgs = new DemoOrgs(jdbc);
        long hangBac = orgs.id("Chi bộ Tổ dân phố Hàng Bạc");
        long id = MemberTestData.create(ApiClient.as(port, "hn.tochuc"), hangBac, "Mai Văn Trang Biến Động");
        PageSession secretary = PageSession.login(port, "bithu.demo");

        Page record = secretary.get("/members/" + id);
        assertThat(record.body())
                .contains("Ghi biến động", "Từ trần", "Miễn công tác và sinh hoạt đảng", "Tài liệu đính kèm")
                .doesNotContain("Xóa tên trong danh sách đảng viên")
                .contains("Họ và tên khai sinh")
                .doesNotContain(">fullName<");
        assertThat(secretary.get("/members/" + id + "/events/new?kind=REMOVAL").status())
                .isEqualTo(403);

        Page form = secretary.get("/members/" + id + "/events/new?kind=DEATH");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("Ngày từ trần", "Số giấy báo tử / quyết định");
        Page refused = secretary.postMultipart(
                "/members/" + id + "/events",
                new Multipart()
                        .field("kind", "DEATH")
                        .field("number", "12/GBT")
                        .field("date", DemoOrgs.today().toString())
                        .field("issuer", "UBND phường Hoàn Kiếm")
                        .field("effectiveOn", DemoOrgs.today().plusDays(2).toString()));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("Ngày hiệu lực không được sau ngày hôm nay.");

        Page recorded = secretary.postMultipart(
                "/members/" + id + "/events",
                new Multipart()
                        .field("kind", "DEATH")
                        .field("number", "12/GBT")
                        .field("date", DemoOrgs.today().toString())
                        .field("issuer", "UBND phường Hoàn Kiếm")
                        .field("effectiveOn", DemoOrgs.today().minusDays(1).toString())
                        .file("file", "giay-bao-tu.pdf", "application/pdf", SampleFiles.pdf("báo tử " + id)));
        assertThat(recorded.status()).as("%s", recorded).isEqualTo(302);
        Page after = secretary.get("/members/" + id);
        assertThat(after.body())
                .contains("Đã từ trần", "12/GBT", "UBND phường Hoàn Kiếm", "(bản quét)", "giay-bao-tu.pdf")
                .doesNotContain("Ghi biến động")
                .contains("Ngày thôi sinh hoạt đảng");
    }

    @Test
    void aTransferIsIssuedOnItsFormListedForBothSidesAndAcceptedOnTheList() {
        DemoOrgs orgs = new DemoOrgs(jdbc);
        long hangDao = orgs.id("Chi bộ Tổ dân phố Hàng Đào");
        long hangBac = orgs.id("Chi bộ Tổ dân phố Hàng Bạc");
        long id = MemberTestData.create(ApiClient.as(port, "hn.tochuc"), hangDao, "Lý Văn Chuyển Trang");
        PageSession staff = PageSession.login(port, "hn.tochuc");

        Page form = staff.get("/members/" + id + "/transfer");
        assertThat(form.status()).isEqualTo(200);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("temporary", "false");
        fields.put("destination", "Đảng bộ phường Hoàn Kiếm");
        fields.put("number", "21-GGT/ĐU");
        fields.put("date", DemoOrgs.today().toString());
        fields.put("issuer", "Đảng ủy phường Hoàn Kiếm");
        Page notACell = staff.post("/members/" + id + "/transfer", fields);
        assertThat(notACell.body()).contains("Không tìm thấy chi bộ nơi chuyển đến");
        fields.remove("destination");
        fields.put("toCellId", String.valueOf(hangBac));
        Page issued = staff.post("/members/" + id + "/transfer", fields);
        assertThat(issued.status()).as("%s", issued).isEqualTo(302);

        assertThat(staff.get("/members/transfers").body()).contains("Lý Văn Chuyển Trang", "Chuyển đi từ các chi bộ");
        PageSession secretary = PageSession.login(port, "bithu.demo");
        Page list = secretary.get("/members/transfers");
        assertThat(list.body()).contains("Lý Văn Chuyển Trang", "Đang chuyển, chờ tiếp nhận", "Tiếp nhận");
        long transfer = jdbc.sql("SELECT id FROM member.transfer WHERE member_id = :id")
                .param("id", id)
                .query(Long.class)
                .single();
        Page accepted = secretary.post(
                "/members/transfers/" + transfer + "/accept",
                Map.of("version", "0", "day", DemoOrgs.today().toString()));
        assertThat(accepted.status()).isEqualTo(302);
        assertThat(secretary.get("/members/transfers").body()).contains("Đã tiếp nhận đảng viên Lý Văn Chuyển Trang.");
        Page twice = secretary.post(
                "/members/transfers/" + transfer + "/accept",
                Map.of("version", "0", "day", DemoOrgs.today().toString()));
        assertThat(twice.status()).isEqualTo(302);
        assertThat(secretary.get("/members/transfers").body()).contains("Giấy chuyển sinh hoạt đảng đã được tiếp nhận");
        assertThat(secretary.get("/members/" + id).body()).contains("Đã tiếp nhận", "21-GGT/ĐU");
    }

    @Test
    void staffAttachAFileOnTheRecordPageAndAWrongFileGetsAMessage() {
        long hangBac = new DemoOrgs(jdbc).id("Chi bộ Tổ dân phố Hàng Bạc");
        long id = MemberTestData.create(ApiClient.as(port, "hn.tochuc"), hangBac, "Tạ Quang Hưng");
        PageSession secretary = PageSession.login(port, "bithu.demo");
        Page record = secretary.get("/members/" + id);
        Page wrong = secretary.postMultipart(
                "/members/" + id + "/documents",
                new Multipart().file("file", "ghi-chu.pdf", "application/pdf", "chỉ là chữ".getBytes()));
        assertThat(wrong.status()).isEqualTo(302);
        assertThat(secretary.get("/members/" + id).body())
                .contains("ghi-chu.pdf")
                .contains("alert-danger");
        Page stored = secretary.postMultipart(
                "/members/" + id + "/documents",
                new Multipart().file("file", "ly-lich.png", "image/png", SampleFiles.png()));
        assertThat(stored.status()).isEqualTo(302);
        assertThat(secretary.get("/members/" + id).body()).contains("Đã đính kèm tệp ly-lich.png.", "ly-lich.png");
    }
}
