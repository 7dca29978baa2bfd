package vn.partywork.org.web;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.partywork.web.DemoOrgs.decision;
import static vn.partywork.web.DemoOrgs.establish;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.partywork.PartyworkTest;
import vn.partywork.org.OrgKind;
import vn.partywork.web.ApiClient;
import vn.partywork.web.ApiClient.Reply;
import vn.partywork.web.DemoOrgs;

/**
 * ARCHITECTURE rule 7 through the real API: every bad request gets its stable code and a
 * Vietnamese message, and leaves the organisation tables exactly as they were.
 */
@PartyworkTest
class OrgApiBadInputTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    DemoOrgs orgs;
    ApiClient hn;
    LocalDate today;
    long ward;
    long cell;
    /** The organisation tables after the fixtures were made: a refusal must leave them so. */
    String digest;

    @BeforeEach
    void setUp() {
        orgs = new DemoOrgs(jdbc);
        hn = ApiClient.as(port, "hn.tochuc");
        today = DemoOrgs.today();
        ward = establish(hn, orgs.id(DemoOrgs.HANOI), OrgKind.GRASSROOTS_COMMITTEE, "Đảng bộ phường Kiểm Thử Lỗi");
        cell = establish(hn, ward, OrgKind.CELL, "Chi bộ Kiểm Thử Lỗi");
        digest = orgs.digest();
    }

    @Test
    void anOrganisationCannotMoveUnderItsOwnDescendant() {
        long upper = establish(hn, orgs.id(DemoOrgs.HANOI), OrgKind.UPPER_GRASSROOTS, "Đảng bộ Khối Kiểm Thử");
        long inside = establish(hn, upper, OrgKind.GRASSROOTS_COMMITTEE, "Đảng bộ cơ sở trong Khối");
        digest = orgs.digest();

        refused(
                hn.post("/api/v1/orgs/" + upper + "/transfer", "{\"newParentId\": " + inside + ", " + dated() + "}"),
                400,
                "org.transfer.intoOwnSubtree",
                "Không thể chuyển giao tổ chức đảng vào chính nó hoặc vào một tổ chức trực thuộc nó.");
        refused(
                hn.post("/api/v1/orgs/" + upper + "/transfer", "{\"newParentId\": " + upper + ", " + dated() + "}"),
                400,
                "org.transfer.intoOwnSubtree",
                null);
    }

    @Test
    void anOrganisationWithActiveChildrenCannotBeDissolved() {
        refused(
                hn.post("/api/v1/orgs/" + ward + "/dissolve", "{" + dated() + "}"),
                409,
                "org.dissolve.hasChildren",
                "Không thể giải thể tổ chức đảng còn tổ chức trực thuộc. Hãy chuyển giao, sáp nhập hoặc giải thể "
                        + "các tổ chức trực thuộc trước.");
    }

    @Test
    void theHomeOrganisationOfAnActiveAccountCannotBeDissolved() {
        ApiClient quantri = ApiClient.as(port, "hn.quantri");
        Reply account = quantri.post("/api/v1/admin/accounts", """
                {"identifier": "%s", "displayName": "Nguyễn Văn Kiểm", "type": "USER", "homeOrgId": %d,
                 "issuedTo": "Nguyễn Văn Kiểm"}""".formatted(
                        DemoOrgs.uniqueCode("kt").toLowerCase(), cell));
        assertThat(account.status()).as(account.toString()).isEqualTo(201);

        refused(
                hn.post("/api/v1/orgs/" + cell + "/dissolve", "{" + dated() + "}"),
                409,
                "org.dissolve.hasAccounts",
                "Tổ chức đảng vẫn là đơn vị của các tài khoản đang hoạt động; cần chuyển hoặc vô hiệu hóa các tài "
                        + "khoản đó trước khi giải thể.");
    }

    @Test
    void anEffectiveDateBeforeTheParentExistedIsRefused() {
        refused(
                hn.post("/api/v1/orgs", """
                {"parentId": %d, "code": "CB-SOM", "name": "Chi bộ Quá Sớm", "kind": "CELL", %s}
                """.formatted(ward, decision("7-QĐ/KT", LocalDate.of(2019, 6, 1)))),
                400,
                "org.effectiveDate.beforeParent",
                "Ngày có hiệu lực không được trước ngày 01/01/2020 – ngày tổ chức "
                        + "cấp trên (hoặc tổ chức tiếp nhận) bắt đầu tình trạng hiện tại.");
    }

    @Test
    void aFarFutureEffectiveDateIsRefused() {
        LocalDate future = LocalDate.of(2099, 1, 1);
        refused(
                hn.post("/api/v1/orgs/" + cell + "/rename", """
                {"name": "Chi bộ Tương Lai", "decision": {"number": "8", "date": "%s", "issuer": "Kiểm thử"},
                 "effectiveOn": "%s"}""".formatted(today, future)),
                400,
                "org.effectiveDate.inFuture",
                "Ngày có hiệu lực không được sau ngày hôm nay.");
        refused(
                hn.post("/api/v1/orgs", """
                {"parentId": %d, "code": "CB-TL", "name": "Chi bộ Tương Lai", "kind": "CELL", %s}
                """.formatted(ward, decision("9", future))),
                400,
                "org.effectiveDate.inFuture",
                null);
    }

    @Test
    void siblingCodesAreUniqueIgnoringCase() {
        establish(hn, ward, OrgKind.CELL, "Chi bộ Mã Trùng", "CB-TRUNG", DemoOrgs.FIXTURE_DAY);
        digest = orgs.digest();
        refused(
                hn.post("/api/v1/orgs", """
                {"parentId": %d, "code": "cb-trung", "name": "Chi bộ Mã Trùng Khác", "kind": "CELL", %s}
                """.formatted(ward, dated())),
                409,
                "org.code.duplicate",
                "Mã cb-trung đã được dùng cho một tổ chức "
                        + "đảng khác cùng cấp trên trực tiếp (không phân biệt chữ hoa, chữ thường).");
        refused(
                hn.post(
                        "/api/v1/orgs/" + cell + "/rename",
                        "{\"name\": \"Chi bộ Kiểm Thử Lỗi\", \"code\": \"Cb-Trung\", " + dated() + "}"),
                409,
                "org.code.duplicate",
                null);
    }

    @Test
    void aRestructureOutsideTheCallersScopeIsNotFound() {
        ApiClient hcm = ApiClient.as(port, "hcm.tochuc");
        refused(
                hcm.post("/api/v1/orgs/" + cell + "/rename", "{\"name\": \"Chi bộ Khác\", " + dated() + "}"),
                404,
                "org.notFound",
                "Không tìm thấy tổ chức đảng (hoặc tổ chức này nằm ngoài phạm vi được phân quyền " + "của đồng chí).");
        refused(hcm.post("/api/v1/orgs/" + cell + "/dissolve", "{" + dated() + "}"), 404, "org.notFound", null);
    }

    @Test
    void malformedJsonIsRefusedWithACode() {
        refused(
                hn.post("/api/v1/orgs/" + cell + "/rename", "{\"name\": \"Chi bộ\", "),
                400,
                "request.malformed",
                "Nội dung yêu cầu không đọc được (JSON sai cú pháp hoặc sai kiểu dữ liệu).");
    }

    @Test
    void aWrongTypedFieldIsRefusedWithACode() {
        refused(hn.post("/api/v1/orgs", """
                {"parentId": "abc", "code": "CB-X", "name": "Chi bộ X", "kind": "CELL", %s}""".formatted(dated())), 400, "request.malformed", null);
        refused(hn.post("/api/v1/orgs", """
                {"parentId": %d, "code": "CB-X", "name": "Chi bộ X", "kind": "KHONG_CO", %s}""".formatted(ward, dated())), 400, "request.malformed", null);
        refused(hn.get("/api/v1/orgs/abc"), 400, "request.badParameter", "Tham số của yêu cầu không hợp lệ.");
        refused(hn.get("/api/v1/orgs/" + ward + "/children?asOf=hom-qua"), 400, "request.badParameter", null);
    }

    @Test
    void oversizedFieldsAreRefusedWithTheFieldMessage() {
        Reply reply = refused(
                hn.post("/api/v1/orgs/" + cell + "/rename", "{\"name\": \"" + "x".repeat(301) + "\", " + dated() + "}"),
                400,
                "request.invalid",
                "Dữ liệu gửi lên không hợp lệ. Vui lòng kiểm tra các trường được đánh dấu.");
        assertThat(reply.<String>json("$.fields.name")).isEqualTo("Không được dài quá 300 ký tự.");
        Reply decisionTooLong = refused(
                hn.post("/api/v1/orgs/" + cell + "/rename", """
                {"name": "Chi bộ Mới", "decision": {"number": "%s", "date": "%s", "issuer": "Kiểm thử"},
                 "effectiveOn": "%s"}""".formatted("9".repeat(301), today, today)),
                400,
                "request.invalid",
                null);
        assertThat(decisionTooLong.<String>json("$.fields['decision.number']")).isNotBlank();
    }

    @Test
    void aTwoMegabyteBodyIsRefusedWithACode() {
        String body = "{\"name\": \"" + "Đ".repeat(1024 * 1024) + "\", " + dated() + "}";
        assertThat(body.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(2 * 1024 * 1024);

        Reply reply = refused(hn.post("/api/v1/orgs/" + cell + "/rename", body), -1, null, null);
        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.code()).isEqualTo("request.tooLarge");
    }

    @Test
    void anUnknownOrganisationIsNotFound() {
        long missing = orgs.missingId();
        refused(
                hn.post("/api/v1/orgs/" + missing + "/rename", "{\"name\": \"Chi bộ Ma\", " + dated() + "}"),
                404,
                "org.notFound",
                null);
        refused(hn.post("/api/v1/orgs", """
                {"parentId": %d, "code": "CB-MA", "name": "Chi bộ Ma", "kind": "CELL", %s}""".formatted(missing, dated())), 404, "org.notFound", null);
        refused(
                hn.post("/api/v1/orgs/" + cell + "/transfer", "{\"newParentId\": " + missing + ", " + dated() + "}"),
                404,
                "org.notFound",
                null);
        refused(hn.get("/api/v1/orgs/" + missing + "/history"), 404, "org.notFound", null);
    }

    private String dated() {
        return decision("10-QĐ/KT", today);
    }

    /**
     * Checks a reply that should be a refusal, and that the organisation tables are as they were
     * before the call.
     */
    private Reply refused(Reply reply, int status, @Nullable String code, @Nullable String message) {
        if (status > 0) {
            assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        }
        if (code != null) {
            assertThat(reply.code()).as(reply.toString()).isEqualTo(code);
        }
        if (message != null) {
            assertThat(reply.message()).isEqualTo(message);
        } else {
            assertThat(reply.message()).as("a Vietnamese message").isNotBlank().matches(".*[^\\x00-\\x7F].*");
        }
        assertThat(orgs.digest()).as("nothing half-applied").isEqualTo(digest);
        return reply;
    }
}
