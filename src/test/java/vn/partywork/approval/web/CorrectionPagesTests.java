package vn.partywork.approval.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.partywork.PartyworkTest;
import vn.partywork.document.SampleFiles;
import vn.partywork.org.OrgKind;
import vn.partywork.web.ApiClient;
import vn.partywork.web.ApiClient.Reply;
import vn.partywork.web.DemoOrgs;
import vn.partywork.web.Multipart;
import vn.partywork.web.PageSession;
import vn.partywork.web.PageSession.Page;

/**
 * P-WF-3 through real logins: the Hà Nội organisation staff open "Đề nghị đính chính" on an
 * organisation page, fill the form with the corrected name, a reason and evidence, and see the
 * request; the Hà Nội committee leader downloads the evidence and approves; the organisation page
 * shows the corrected name. Also over the JSON API with multipart uploads.
 */
@PartyworkTest
class CorrectionPagesTests {

    private static final Pattern DOCUMENT_LINK = Pattern.compile("href=\"/documents/(\\d+)\"");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    long fixtureCell(String name) {
        DemoOrgs orgs = new DemoOrgs(jdbc);
        return DemoOrgs.establish(
                ApiClient.as(port, "hn.tochuc"), orgs.id(DemoOrgs.HANOI), OrgKind.GRASSROOTS_CELL, name);
    }

    @Test
    void staffRequestTheCorrectionOnThePageAndTheLeaderApprovesIt() {
        String suffix = DemoOrgs.uniqueCode("P");
        String typo = "Chi bộ Phường Hàng Bac " + suffix;
        String fixed = "Chi bộ Phường Hàng Bạc " + suffix;
        long cell = fixtureCell(typo);
        String code = jdbc.sql("SELECT code FROM org.current_organisation WHERE org_id = :id")
                .param("id", cell)
                .query(String.class)
                .single();

        PageSession staff = PageSession.login(port, "hn.tochuc");
        assertThat(staff.get("/orgs/" + cell).body())
                .contains("Đề nghị đính chính", "/corrections/new?type=organisation");
        assertThat(PageSession.login(port, "hn.lanhdao").get("/orgs/" + cell).body())
                .as("a leader who does not keep the data is not offered the form")
                .doesNotContain("Đề nghị đính chính");

        Page form = staff.get("/corrections/new?type=organisation&record=" + cell);
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body())
                .contains("Phiếu yêu cầu chỉnh sửa dữ liệu", "Tên tổ chức đảng", "Mã tổ chức đảng", typo);

        Page noEvidence = staff.postMultipart("/corrections", fields(cell, typo, fixed, code, "Lỗi gõ dấu"));
        assertThat(noEvidence.status()).isEqualTo(200);
        assertThat(noEvidence.body()).contains("Phải đính kèm ít nhất một tài liệu chứng minh.", fixed);

        Page wrongType = staff.postMultipart(
                "/corrections",
                fields(cell, typo, fixed, code, "Lỗi gõ dấu")
                        .file("evidence", "ghi-chu.txt", "text/plain", "ghi chú".getBytes()));
        assertThat(wrongType.body()).contains("không đúng định dạng cho phép");

        byte[] pdf = SampleFiles.pdf("Quyết định thành lập " + suffix);
        Page sent = staff.postMultipart(
                "/corrections",
                fields(cell, typo, fixed, code, "Lỗi gõ dấu khi nhập liệu")
                        .file("evidence", "quyet-dinh.pdf", "application/pdf", pdf));
        assertThat(sent.status()).as("%s", sent).isEqualTo(302);
        String requestPath = sent.location().replaceFirst("^https?://[^/]+", "");
        assertThat(requestPath).matches("/approvals/\\d+");

        Page mine = staff.get(requestPath);
        assertThat(mine.body())
                .contains(
                        "Đã gửi phiếu yêu cầu chỉnh sửa",
                        "Lý do đính chính",
                        "Lỗi gõ dấu khi nhập liệu",
                        "quyet-dinh.pdf",
                        typo,
                        fixed,
                        "Người đứng đầu đơn vị",
                        "không xử lý bước nào")
                .doesNotContain("name=\"action\"");
        Matcher link = DOCUMENT_LINK.matcher(mine.body());
        assertThat(link.find()).isTrue();
        String document = "/documents/" + link.group(1);

        PageSession leader = PageSession.login(port, "hn.lanhdao");
        assertThat(leader.get("/approvals").body()).contains("Đính chính tổ chức đảng: " + typo);
        HttpResponse<byte[]> download = leader.download(document);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(pdf);
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment")
                .contains("quyet-dinh.pdf");
        assertThat(PageSession.login(port, "hcm.tochuc").download(document).statusCode())
                .isEqualTo(404);

        Page detail = leader.get(requestPath);
        assertThat(detail.body()).contains("name=\"action\"", "value=\"APPROVE\"");
        String version = detail.body().replaceAll("(?s).*name=\"version\" value=\"(\\d+)\".*", "$1");
        Page approved = leader.post(requestPath + "/act", java.util.Map.of("action", "APPROVE", "version", version));
        assertThat(approved.status()).as("%s", approved).isEqualTo(302);
        assertThat(staff.get("/orgs/" + cell).body()).contains(fixed);
        assertThat(new DemoOrgs(jdbc).currentName(cell)).isEqualTo(fixed);
    }

    @Test
    void overTheApiACorrectionIsAMultipartRequestWithItsEvidence() {
        String typo = "Chi bộ Api Kiem Thu " + DemoOrgs.uniqueCode("A");
        long cell = fixtureCell(typo);
        ApiClient staff = ApiClient.as(port, "hn.tochuc");
        Reply form = staff.get("/api/v1/corrections/form?type=organisation&record=" + cell);
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.<List<String>>json("$.fields[*].field")).containsExactly("name", "code");
        assertThat(form.<String>json("$.record.values.name")).isEqualTo(typo);

        String correction = """
                {"recordType": "organisation", "recordId": "%d", "reason": "Lỗi gõ dấu",
                 "changes": [{"field": "name", "oldValue": "%s", "newValue": "%s"}]}""".formatted(cell, typo, typo.replace("Kiem Thu", "Kiểm Thử"));
        Reply noEvidence = staff.postMultipart("/api/v1/corrections", new Multipart().json("correction", correction));
        assertThat(noEvidence.status()).isEqualTo(400);
        assertThat(noEvidence.code()).isEqualTo("approval.correction.evidence.required");

        // 2 MB of evidence passes the request size filter on this endpoint (1 MB elsewhere).
        byte[] scan = new byte[2 * 1024 * 1024];
        byte[] pdf = SampleFiles.pdf("scan");
        System.arraycopy(pdf, 0, scan, 0, pdf.length);
        Reply created = staff.postMultipart(
                "/api/v1/corrections",
                new Multipart()
                        .json("correction", correction)
                        .file("evidence", "ban-chup.pdf", "application/pdf", scan));
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        long id = created.<Number>json("$.summary.id").longValue();
        assertThat(created.<String>json("$.summary.chainCode")).isEqualTo("DATA_CORRECTION");

        Reply details = staff.get("/api/v1/corrections/" + id);
        assertThat(details.<String>json("$.reason")).isEqualTo("Lỗi gõ dấu");
        assertThat(details.<Integer>json("$.evidence[0].size")).isEqualTo(scan.length);
        long document = details.<Number>json("$.evidence[0].id").longValue();
        assertThat(staff.get("/api/v1/documents/" + document).status()).isEqualTo(200);
        Reply outsider = ApiClient.as(port, "hcm.tochuc").get("/api/v1/documents/" + document);
        assertThat(outsider.status()).isEqualTo(404);
        assertThat(outsider.code()).isEqualTo("document.notFound");

        Reply own = staff.post(
                "/api/v1/approvals/" + id + "/act",
                "{\"action\": \"APPROVE\", \"version\": %d}".formatted(created.<Integer>json("$.summary.version")));
        assertThat(own.status()).isEqualTo(403);
        assertThat(own.code()).isEqualTo("approval.step.notYours");
    }

    private static Multipart fields(long cell, String oldName, String newName, String code, String reason) {
        return new Multipart()
                .field("type", "organisation")
                .field("record", String.valueOf(cell))
                .field("old_name", oldName)
                .field("new_name", newName)
                .field("old_code", code)
                .field("new_code", code)
                .field("reason", reason);
    }
}
