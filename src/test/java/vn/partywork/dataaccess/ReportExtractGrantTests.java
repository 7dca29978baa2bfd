package vn.partywork.dataaccess;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
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
import vn.partywork.web.ApiClient;
import vn.partywork.web.DemoOrgs;

/**
 * P-AZ-4 with P-AZ-3: approving a request whose form is "trích xuất báo cáo" gives the requester an
 * aggregate-only grant (the statistics of the approved scope, small counts hidden, no record); a
 * direct request still gives a reading grant.
 */
@PartyworkTest
class ReportExtractGrantTests {

    @LocalServerPort
    int port;

    @Autowired
    DataAccessRequests requests;

    @Autowired
    AccessScopes scopes;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    Long extractGrant;
    Long directGrant;

    @AfterEach
    void revokeWhatThisTestGave() {
        // hn.tochuc is a demo account other tests rely on: take back the grants given here.
        jdbc.sql("UPDATE access.account_grant SET revoked_at = now() WHERE id = ANY(:ids) AND revoked_at IS NULL")
                .param(
                        "ids",
                        new Long[] {extractGrant == null ? -1 : extractGrant, directGrant == null ? -1 : directGrant})
                .update();
    }

    @Test
    void approvingAReportExtractGivesAnAggregateOnlyGrant() {
        long ngheAn = new DemoOrgs(jdbc).id(DemoOrgs.NGHE_AN);
        String ngheAnPath = new DemoOrgs(jdbc).path(ngheAn);
        DataAccessRequestView submitted = requests.submit(scope("hn.tochuc"), form(DataAccessForm.REPORT_EXTRACT));
        DataAccessRequestView approved = requests.approve(
                scope("tw.tochuc"),
                submitted.id(),
                new ApprovedScope(null, null, null, null, "Chỉ số liệu tổng hợp cho báo cáo"),
                submitted.approvalVersion());
        assertThat(approved.status()).isEqualTo(ApprovalStatus.COMPLETED);
        extractGrant = approved.grantId();
        assertThat(aggregateOnly(extractGrant)).isTrue();

        AccessScope scope = scope("hn.tochuc");
        assertThat(scope.canRead(Database.ORGANISATION_MEMBER, ngheAnPath)).isFalse();
        assertThat(scope.statisticsPaths(Database.ORGANISATION_MEMBER)).contains(ngheAnPath);

        ApiClient requester = ApiClient.as(port, "hn.tochuc");
        ApiClient.Reply stats = requester.get("/api/v1/members/stats?org=" + ngheAn);
        assertThat(stats.status()).as("%s", stats).isEqualTo(200);
        assertThat(stats.<Integer>json("$.minCell")).isEqualTo(3);
        long someone = jdbc.sql("""
                SELECT m.member_id FROM member.membership m JOIN org.current_organisation o ON o.org_id = m.cell_id
                 WHERE o.path <@ CAST(:path AS ltree) AND m.valid_to = 'infinity' LIMIT 1
                """)
                .param("path", ngheAnPath)
                .query(Long.class)
                .optional()
                .orElse(-1L);
        assertThat(requester.get("/api/v1/members/" + someone).status()).isEqualTo(404);

        DataAccessRequestView direct = requests.submit(scope("hn.tochuc"), form(DataAccessForm.DIRECT));
        directGrant = requests.approve(
                        scope("tw.tochuc"),
                        direct.id(),
                        new ApprovedScope(null, null, null, null, null),
                        direct.approvalVersion())
                .grantId();
        assertThat(aggregateOnly(directGrant)).isFalse();
    }

    private boolean aggregateOnly(Long grantId) {
        return jdbc.sql("SELECT aggregate_only FROM access.account_grant WHERE id = :id")
                .param("id", grantId)
                .query(Boolean.class)
                .single();
    }

    private NewDataAccessRequest form(DataAccessForm form) {
        return new NewDataAccessRequest(
                "Chuyên viên",
                "Ban Tổ chức Thành ủy Hà Nội",
                "0243 825 1234",
                Database.ORGANISATION_MEMBER,
                "Báo cáo tổng hợp số lượng đảng viên theo độ tuổi",
                new DemoOrgs(jdbc).id(DemoOrgs.NGHE_AN),
                "Số liệu thống kê đảng viên toàn tỉnh",
                Classification.UNCLASSIFIED,
                form,
                today(),
                today().plusDays(30),
                true);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private AccessScope scope(String identifier) {
        return scopes.forAccount(accounts.byIdentifier(identifier).orElseThrow().id(), today());
    }
}
