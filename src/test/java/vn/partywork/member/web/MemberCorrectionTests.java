package vn.partywork.member.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.partywork.PartyworkTest;
import vn.partywork.document.SampleFiles;
import vn.partywork.member.MemberTestData;
import vn.partywork.web.ApiClient;
import vn.partywork.web.ApiClient.Reply;
import vn.partywork.web.DemoOrgs;
import vn.partywork.web.Multipart;

/**
 * P-WF-3 for member records: the staff who keep a record ask to correct a recorded error with a
 * reason and evidence, the record's rules check the new value, the head of the unit (hn.lanhdao,
 * APPROVE) approves, and the record changes with the request as its audit basis.
 */
@PartyworkTest
class MemberCorrectionTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    static Multipart correction(long id, String field, String oldValue, String newValue) {
        return new Multipart()
                .json("correction", """
                        {"recordType": "member", "recordId": "%d", "reason": "Nhập sai so với hồ sơ giấy",
                         "changes": [{"field": "%s", "oldValue": "%s", "newValue": "%s"}]}""".formatted(id, field, oldValue, newValue))
                .file("evidence", "ho-so-giay.pdf", "application/pdf", SampleFiles.pdf("hồ sơ " + id));
    }

    @Test
    void aRecordedErrorIsCorrectedWithEvidenceAfterTheHeadOfTheUnitApproves() {
        long hangDao = new DemoOrgs(jdbc).id("Chi bộ Tổ dân phố Hàng Đào");
        ApiClient staff = ApiClient.as(port, "hn.tochuc");
        long id = MemberTestData.create(staff, hangDao, "Châu Minh Khải");

        Reply underAge =
                staff.postMultipart("/api/v1/corrections", correction(id, "admissionDate", "2005-05-05", "1990-01-01"));
        assertThat(underAge.status()).isEqualTo(400);
        assertThat(underAge.code()).isEqualTo("member.admission.underAge");
        Reply outsider = ApiClient.as(port, "hcm.tochuc")
                .postMultipart("/api/v1/corrections", correction(id, "birthPlace", "", "Hà Nội"));
        assertThat(outsider.status()).isEqualTo(404);

        Reply submitted =
                staff.postMultipart("/api/v1/corrections", correction(id, "admissionDate", "2005-05-05", "2005-03-03"));
        assertThat(submitted.status()).as("%s", submitted).isEqualTo(201);
        long request = submitted.<Number>json("$.summary.id").longValue();
        assertThat(staff.get("/api/v1/members/" + id).<String>json("$.fields.admissionDate"))
                .isEqualTo("2005-05-05");

        ApiClient head = ApiClient.as(port, "hn.lanhdao");
        Reply approved = head.post(
                "/api/v1/approvals/" + request + "/act",
                "{\"action\": \"APPROVE\", \"version\": %d}".formatted(submitted.<Integer>json("$.summary.version")));
        assertThat(approved.status()).as("%s", approved).isEqualTo(200);
        assertThat(approved.<String>json("$.summary.status")).isEqualTo("COMPLETED");
        assertThat(staff.get("/api/v1/members/" + id).<String>json("$.fields.admissionDate"))
                .isEqualTo("2005-03-03");
        String changes = jdbc.sql("""
                SELECT changes::text FROM audit.event
                 WHERE target_type = 'member' AND target_id = :id AND basis = :basis
                """)
                .param("id", String.valueOf(id))
                .param("basis", "Phiếu yêu cầu chỉnh sửa số " + request)
                .query(String.class)
                .single();
        assertThat(changes).contains("2005-05-05", "2005-03-03");
    }
}
