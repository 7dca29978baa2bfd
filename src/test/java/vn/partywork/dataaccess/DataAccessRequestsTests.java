package vn.partywork.dataaccess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.partywork.PartyworkTest;
import vn.partywork.access.AccessScopes;
import vn.partywork.approval.ApprovalStatus;
import vn.partywork.identity.Accounts;
import vn.partywork.identity.MutableClock;
import vn.partywork.shared.AccessScope;
import vn.partywork.shared.Classification;
import vn.partywork.shared.Database;
import vn.partywork.shared.DomainException;
import vn.partywork.web.ApiClient;
import vn.partywork.web.DemoOrgs;
import vn.partywork.web.PageSession;

/**
 * P-AZ-4 (seed 002 Đ17.2, PL2) and P-DG-1: a data access request from the form to a grant that ends
 * by itself. Demo accounts: {@code hn.tochuc} (Hà Nội's organisation staff) asks for Nghệ An's
 * member data; {@code tw.tochuc} (staff of the central organisation board, which owns the database
 * in the register) decides.
 */
@PartyworkTest
class DataAccessRequestsTests {

    @LocalServerPort
    int port;

    @Autowired
    DataAccessRequests requests;

    @Autowired
    DatabaseRegister register;

    @Autowired
    AccessScopes scopes;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theRegisterNamesOwnerBusinessUnitStewardAndTechnicalContactOfEachDatabase() {
        assertThat(register.owners())
                .extracting(DataOwner::database)
                .containsExactly(
                        Database.ORGANISATION_MEMBER,
                        Database.CADRE,
                        Database.POLITICAL_PROTECTION,
                        Database.HEALTH,
                        Database.TRAINING,
                        Database.RESEARCH);
        DataOwner members = register.owner(Database.ORGANISATION_MEMBER).orElseThrow();
        assertThat(members.businessUnit()).isEqualTo("Vụ Cơ sở đảng, đảng viên");
        assertThat(members.ownerName()).isEqualTo("Ban Tổ chức Trung ương");
        assertThat(members.technicalContact()).contains("Cục Chuyển đổi số");
        assertThat(ApiClient.as(port, "hn.tochuc")
                        .get("/api/v1/data-access/register")
                        .body())
                .contains("Cục Bảo vệ chính trị nội bộ");
    }

    @Test
    void anIncompleteFormIsRefusedWithItsReasonAndNothingIsKept() {
        long before = count();
        Map<String, UnaryOperator<NewDataAccessRequest>> breaks = Map.of(
                "dataaccess.position.required", f -> with(f, "position", " "),
                "dataaccess.phone.invalid", f -> with(f, "phone", "12ab"),
                "dataaccess.database.unknown", f -> with(f, "database", null),
                "dataaccess.purpose.required", f -> with(f, "purpose", null),
                "dataaccess.scope.required", f -> with(f, "scopeDescription", ""),
                "dataaccess.form.required", f -> with(f, "form", null),
                "dataaccess.period.invalid", f -> with(f, "periodTo", today().minusDays(1)),
                "dataaccess.period.tooLong", f -> with(f, "periodTo", today().plusDays(400)),
                "dataaccess.commitment.required", f -> with(f, "commitment", false));
        breaks.forEach((code, broken) -> assertThatThrownBy(
                        () -> requests.submit(scope("hn.tochuc"), broken.apply(complete())))
                .as(code)
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo(code);
                    assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID);
                }));
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void theOwnerNarrowsScopeAndPeriodAndTheGrantExpiresByItself() {
        long ngheAn = new DemoOrgs(jdbc).id(DemoOrgs.NGHE_AN);
        long child = jdbc.sql(
                        "SELECT org_id FROM org.current_organisation WHERE parent_id = :p ORDER BY org_id LIMIT 1")
                .param("p", ngheAn)
                .query(Long.class)
                .single();
        String childPath = new DemoOrgs(jdbc).path(child);
        String ngheAnPath = new DemoOrgs(jdbc).path(ngheAn);
        assertThat(scope("hn.tochuc").canRead(Database.ORGANISATION_MEMBER, childPath))
                .isFalse();

        DataAccessRequestView submitted = requests.submit(scope("hn.tochuc"), complete());
        assertThat(submitted.status()).isEqualTo(ApprovalStatus.IN_PROGRESS);
        assertThat(submitted.canDecide()).as("the requester never decides").isFalse();
        assertThat(submitted.requesterName()).isEqualTo("Nguyễn Thị Thu Hà");

        // The data owner sees it waiting; outsiders do not see it at all.
        assertThat(requests.waitingFor(scope("tw.tochuc")))
                .extracting(DataAccessRequestView::id)
                .contains(submitted.id());
        assertThatThrownBy(() -> requests.details(scope("hcm.tochuc"), submitted.id()))
                .hasFieldOrPropertyWithValue("code", "dataaccess.request.notFound");
        assertThatThrownBy(() -> requests.approve(
                        scope("hn.tochuc"),
                        submitted.id(),
                        new ApprovedScope(null, null, null, null, null),
                        submitted.approvalVersion()))
                .isInstanceOf(DomainException.class);

        // Approval may only narrow.
        long root = new DemoOrgs(jdbc).id("Ban Chấp hành Trung ương");
        for (var wider : Map.of(
                        "dataaccess.approve.scopeWider", new ApprovedScope(root, null, null, null, null),
                        "dataaccess.approve.periodWider",
                                new ApprovedScope(null, null, null, today().plusDays(60), null),
                        "dataaccess.approve.ceilingHigher",
                                new ApprovedScope(null, Classification.CONFIDENTIAL, null, null, null))
                .entrySet()) {
            assertThatThrownBy(() -> requests.approve(
                            scope("tw.tochuc"), submitted.id(), wider.getValue(), submitted.approvalVersion()))
                    .as(wider.getKey())
                    .hasFieldOrPropertyWithValue("code", wider.getKey());
        }

        DataAccessRequestView approved = requests.approve(
                scope("tw.tochuc"),
                submitted.id(),
                new ApprovedScope(child, null, null, today().plusDays(10), "Chỉ phạm vi một đảng bộ trực thuộc"),
                submitted.approvalVersion());
        assertThat(approved.status()).isEqualTo(ApprovalStatus.COMPLETED);
        assertThat(approved.grantId()).isNotNull();
        assertThat(approved.approvedOrgId()).isEqualTo(child);
        assertThat(approved.approvedTo()).isEqualTo(today().plusDays(10));

        AccessScope now = scope("hn.tochuc");
        assertThat(now.canRead(Database.ORGANISATION_MEMBER, childPath)).isTrue();
        assertThat(now.canRead(Database.ORGANISATION_MEMBER, ngheAnPath))
                .as("narrowed to the child")
                .isFalse();
        assertThat(now.canWrite(Database.ORGANISATION_MEMBER, childPath)).isFalse();
        assertThat(jdbc.sql("""
                SELECT count(*) FROM audit.event WHERE action = 'GRANT' AND target_type = 'grant' AND target_id = :id
                   AND basis = :basis""")
                        .param("id", String.valueOf(approved.grantId()))
                        .param("basis", "Phiếu yêu cầu khai thác số " + submitted.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        clock.advance(Duration.ofDays(10));
        assertThat(scope("hn.tochuc").canRead(Database.ORGANISATION_MEMBER, childPath))
                .as("the last approved day")
                .isTrue();
        clock.advance(Duration.ofDays(1));
        assertThat(scope("hn.tochuc").canRead(Database.ORGANISATION_MEMBER, childPath))
                .as("expired by itself")
                .isFalse();
    }

    @Test
    void anUnfoundedRequestIsRejectedWithAReasonAndGivesNoGrant() {
        DataAccessRequestView submitted = requests.submit(scope("hn.tochuc"), complete());
        assertThatThrownBy(() -> requests.reject(scope("tw.tochuc"), submitted.id(), " ", submitted.approvalVersion()))
                .hasFieldOrPropertyWithValue("code", "approval.comment.required");
        DataAccessRequestView rejected = requests.reject(
                scope("tw.tochuc"),
                submitted.id(),
                "Mục đích không đủ căn cứ để cung cấp dữ liệu",
                submitted.approvalVersion());
        assertThat(rejected.status()).isEqualTo(ApprovalStatus.REJECTED);
        assertThat(rejected.grantId()).isNull();
        assertThat(requests.details(scope("hn.tochuc"), submitted.id()).status())
                .isEqualTo(ApprovalStatus.REJECTED);
    }

    @Test
    void theRequesterAndTheOwnerWorkThroughThePagesAndTheApi() {
        long ngheAn = new DemoOrgs(jdbc).id(DemoOrgs.NGHE_AN);
        PageSession requester = PageSession.login(port, "hn.tochuc");
        PageSession.Page form = requester.get("/data-access/new");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body())
                .contains("Tôi cam kết sử dụng dữ liệu đúng mục đích")
                .contains("Trích xuất báo cáo");

        Map<String, String> fields = new java.util.HashMap<>(Map.of(
                "position", "Chuyên viên",
                "unit", "Ban Tổ chức Thành ủy Hà Nội",
                "phone", "024 3825 1234",
                "database", "ORGANISATION_MEMBER",
                "purpose", "Đối chiếu danh sách đảng viên chuyển sinh hoạt",
                "scopeOrgId", String.valueOf(new DemoOrgs(jdbc).id(DemoOrgs.HANOI)),
                "scopeDescription", "Danh sách đảng viên",
                "form", "REPORT_EXTRACT",
                "periodFrom", today().toString(),
                "periodTo", today().plusDays(20).toString()));
        PageSession.Page refused = requester.post("/data-access", fields);
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("Người đề nghị phải xác nhận cam kết");

        fields.put("commitment", "true");
        PageSession.Page sent = requester.post("/data-access", fields);
        assertThat(sent.status()).isEqualTo(302);
        String page = sent.location().substring(sent.location().indexOf("/data-access/"));
        assertThat(requester.get(page).body()).contains("Chuyên viên").contains("Trích xuất báo cáo");

        PageSession owner = PageSession.login(port, "tw.tochuc");
        assertThat(owner.get("/data-access").body()).contains("Phiếu chờ đồng chí phê duyệt");
        String ownerPage = owner.get(page).body();
        assertThat(ownerPage).contains("Phê duyệt").contains("Từ chối");
        java.util.regex.Matcher version = java.util.regex.Pattern.compile("name=\"version\" value=\"(\\d+)\"")
                .matcher(ownerPage);
        assertThat(version.find()).isTrue();
        PageSession.Page decided = owner.post(
                page + "/approve",
                Map.of(
                        "version",
                        version.group(1),
                        "opinion",
                        "Đồng ý",
                        "to",
                        today().plusDays(5).toString()));
        assertThat(decided.status()).isEqualTo(302);
        assertThat(requester.get(page).body()).contains("Phạm vi được phép khai thác");

        ApiClient api = ApiClient.as(port, "hn.tochuc");
        ApiClient.Reply created =
                api.post("/api/v1/data-access/requests", """
                {"position":"Chuyên viên","unit":"Ban Tổ chức Thành ủy Hà Nội","phone":"0912345678",
                 "database":"ORGANISATION_MEMBER","purpose":"Thống kê","scopeOrgId":%d,
                 "scopeDescription":"Số liệu tổng hợp","form":"INDIRECT","periodFrom":"%s","periodTo":"%s",
                 "commitment":true}""".formatted(ngheAn, today(), today().plusDays(3)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        ApiClient.Reply incomplete = api.post("/api/v1/data-access/requests", "{\"position\":\"Chuyên viên\"}");
        assertThat(incomplete.status()).isEqualTo(400);
        assertThat(incomplete.code()).isEqualTo("dataaccess.unit.required");
        assertThat(ApiClient.as(port, "hcm.tochuc")
                        .get("/api/v1/data-access/requests/" + created.id())
                        .status())
                .isEqualTo(404);
    }

    private NewDataAccessRequest complete() {
        return new NewDataAccessRequest(
                "Chuyên viên",
                "Ban Tổ chức Thành ủy Hà Nội",
                "0243 825 1234",
                Database.ORGANISATION_MEMBER,
                "Đối chiếu hồ sơ đảng viên chuyển đến từ Nghệ An",
                new DemoOrgs(jdbc).id(DemoOrgs.NGHE_AN),
                "Hồ sơ đảng viên của các chi bộ trực thuộc",
                Classification.UNCLASSIFIED,
                DataAccessForm.DIRECT,
                today(),
                today().plusDays(30),
                true);
    }

    private static NewDataAccessRequest with(NewDataAccessRequest f, String field, Object value) {
        return new NewDataAccessRequest(
                field.equals("position") ? (String) value : f.position(),
                f.unit(),
                field.equals("phone") ? (String) value : f.phone(),
                field.equals("database") ? (Database) value : f.database(),
                field.equals("purpose") ? (String) value : f.purpose(),
                f.scopeOrgId(),
                field.equals("scopeDescription") ? (String) value : f.scopeDescription(),
                f.ceiling(),
                field.equals("form") ? (DataAccessForm) value : f.form(),
                f.periodFrom(),
                field.equals("periodTo") ? (LocalDate) value : f.periodTo(),
                field.equals("commitment") ? (Boolean) value : f.commitment());
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private long count() {
        return jdbc.sql("SELECT count(*) FROM dataaccess.request")
                .query(Long.class)
                .single();
    }

    private AccessScope scope(String identifier) {
        return scopes.forAccount(accounts.byIdentifier(identifier).orElseThrow().id(), today());
    }
}
