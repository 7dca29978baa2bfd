package vn.partywork.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static vn.partywork.identity.Fixtures.PASSWORD;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.context.WebApplicationContext;
import vn.partywork.PartyworkTest;
import vn.partywork.identity.AccountAdministration;
import vn.partywork.identity.AccountType;
import vn.partywork.identity.AccountView;
import vn.partywork.identity.Fixtures;
import vn.partywork.org.OrgKind;
import vn.partywork.shared.Classification;
import vn.partywork.shared.Database;

/**
 * P-ID-5 (issue 6 item 7): when an account's holder changes position or unit, its grants are listed
 * for review on the organisation administrator's review page ("Đổi chức vụ — cần rà soát quyền")
 * until the administrator keeps or revokes each; every step is audited.
 */
@PartyworkTest
class PositionChangeReviewTests {

    @Autowired
    WebApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccountAdministration administration;

    @Autowired
    Grants grants;

    MockMvc mvc;
    Fixtures fixtures;

    @BeforeEach
    void setUp() {
        mvc = Fixtures.mvc(context);
        fixtures = new Fixtures(jdbc, administration);
    }

    @Test
    void aNewPositionPutsTheGrantsUpForReviewUntilTheAdministratorKeepsOrRevokesEach() throws Exception {
        long province = fixtures.province("Tỉnh đổi chức vụ");
        long districtA = fixtures.org(province, OrgKind.UPPER_GRASSROOTS, "Huyện đổi chức vụ A");
        long districtB = fixtures.org(province, OrgKind.UPPER_GRASSROOTS, "Huyện đổi chức vụ B");
        AccountView orgAdmin = fixtures.account(AccountType.ORG_ADMIN, province);
        AccountView holder = fixtures.account(AccountType.USER, districtA);
        AccountView bystander = fixtures.account(AccountType.USER, districtA);
        GrantView staff = grants.grantForSeeding(grant(holder.id(), Role.ORG_STAFF, districtA));
        GrantView viewer = grants.grantForSeeding(grant(holder.id(), Role.VIEWER, province));
        GrantView untouched = grants.grantForSeeding(grant(bystander.id(), Role.VIEWER, districtA));
        String token = Fixtures.token(mvc, orgAdmin.identifier(), PASSWORD);

        MvcResult unchanged = mvc.perform(post("/api/v1/admin/accounts/{id}/position", holder.id())
                        .header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"homeOrgId\": %d}".formatted(districtA)))
                .andReturn();
        assertThat(unchanged.getResponse().getStatus()).isEqualTo(400);
        assertThat(Fixtures.code(unchanged)).isEqualTo("identity.account.positionUnchanged");
        assertThat(pending(holder.id())).isZero();

        MvcResult moved = mvc.perform(post("/api/v1/admin/accounts/{id}/position", holder.id())
                        .header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"position": "Phó Trưởng ban Tổ chức", "homeOrgId": %d,
                                 "documentNumber": "25-QĐ/TU", "version": %d}
                                """.formatted(districtB, holder.version())))
                .andReturn();
        assertThat(moved.getResponse().getStatus())
                .as(moved.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .isEqualTo(200);
        assertThat((Integer) JsonPath.read(moved.getResponse().getContentAsString(), "$.homeOrgId"))
                .isEqualTo((int) districtB);
        assertThat(pending(holder.id())).isEqualTo(2);
        assertThat(pending(bystander.id())).isZero();
        assertThat(audits("account", holder.id(), "25-QĐ/TU")).isEqualTo(1);
        assertThat(audits("grant", staff.id(), "25-QĐ/TU")).isEqualTo(1);

        MockHttpSession session = Fixtures.login(mvc, orgAdmin.identifier(), PASSWORD);
        String page = reviewPage(session, province);
        assertThat(page).contains("Đổi chức vụ — cần rà soát quyền");
        String table = page.substring(page.indexOf("id=\"review-position\""), page.indexOf("id=\"review-grants\""));
        assertThat(table)
                .contains(holder.identifier())
                .contains("data-grant-id=\"" + staff.id() + "\"")
                .contains("data-grant-id=\"" + viewer.id() + "\"")
                .doesNotContain("data-grant-id=\"" + untouched.id() + "\"");
        assertThat(page).containsPattern("id=\"review-pending-count\">2<");

        // Keep one on the page …
        int staffVersion = version(staff.id());
        MvcResult kept = mvc.perform(post("/admin/review/grants/{id}/confirm", staff.id())
                        .session(session)
                        .with(SecurityMockMvcRequestPostProcessors.csrf())
                        .param("version", String.valueOf(staffVersion))
                        .param("orgId", String.valueOf(province)))
                .andReturn();
        assertThat(kept.getResponse().getRedirectedUrl()).isEqualTo("/admin/review?orgId=" + province);
        // … revoke the other through the API.
        MvcResult revoked = mvc.perform(post("/api/v1/admin/grants/{id}/revoke", viewer.id())
                        .header("Authorization", "Bearer " + token))
                .andReturn();
        assertThat(revoked.getResponse().getStatus()).isEqualTo(200);
        MvcResult again = mvc.perform(post("/api/v1/admin/grants/{id}/confirm-review", staff.id())
                        .header("Authorization", "Bearer " + token))
                .andReturn();
        assertThat(again.getResponse().getStatus()).isEqualTo(409);
        assertThat(Fixtures.code(again)).isEqualTo("access.grant.noReviewPending");

        assertThat(pending(holder.id())).isZero();
        assertThat(jdbc.sql("SELECT revoked_at IS NULL FROM access.account_grant WHERE id = :id")
                        .param("id", staff.id())
                        .query(Boolean.class)
                        .single())
                .as("kept")
                .isTrue();
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM audit.event
                         WHERE target_type = 'grant' AND target_id = :id AND details::text LIKE '%CONFIRMED%'
                        """)
                        .param("id", String.valueOf(staff.id()))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        String after = reviewPage(session, province);
        assertThat(after.substring(after.indexOf("id=\"review-position\""), after.indexOf("id=\"review-grants\"")))
                .doesNotContain("data-grant-id=");
        String accountPage = mvc.perform(
                        get("/admin/accounts/{id}", holder.id()).session(session))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(accountPage).contains("Phó Trưởng ban Tổ chức").contains("Đổi chức vụ, đơn vị công tác");
    }

    @Test
    void theAccountPageFormRecordsTheChange() throws Exception {
        long province = fixtures.province("Tỉnh trang chức vụ");
        AccountView orgAdmin = fixtures.account(AccountType.ORG_ADMIN, province);
        AccountView holder = fixtures.account(AccountType.USER, province);
        grants.grantForSeeding(grant(holder.id(), Role.VIEWER, province));
        MockHttpSession session = Fixtures.login(mvc, orgAdmin.identifier(), PASSWORD);
        MvcResult posted = mvc.perform(post("/admin/accounts/{id}/position", holder.id())
                        .session(session)
                        .with(SecurityMockMvcRequestPostProcessors.csrf())
                        .param("version", String.valueOf(holder.version()))
                        .param("position", "Chánh Văn phòng")
                        .param("homeOrgId", String.valueOf(province))
                        .param("documentNumber", "7-QĐ/TU"))
                .andReturn();
        assertThat(posted.getResponse().getRedirectedUrl()).isEqualTo("/admin/accounts/" + holder.id());
        assertThat(pending(holder.id())).isEqualTo(1);
    }

    private String reviewPage(MockHttpSession session, long orgId) throws Exception {
        return mvc.perform(get("/admin/review")
                        .param("orgId", String.valueOf(orgId))
                        .session(session))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private static NewGrant grant(long accountId, Role role, long orgId) {
        return new NewGrant(
                accountId,
                role,
                orgId,
                Set.of(Database.ORGANISATION_MEMBER),
                Classification.UNCLASSIFIED,
                null,
                null,
                "3-QĐ/TU",
                null);
    }

    private long pending(long accountId) {
        return jdbc.sql("""
                SELECT count(*) FROM access.account_grant
                 WHERE account_id = :id AND review_since IS NOT NULL AND revoked_at IS NULL
                """).param("id", accountId).query(Long.class).single();
    }

    private int version(long grantId) {
        return jdbc.sql("SELECT version FROM access.account_grant WHERE id = :id")
                .param("id", grantId)
                .query(Integer.class)
                .single();
    }

    private long audits(String target, long id, String basis) {
        return jdbc.sql("""
                SELECT count(*) FROM audit.event
                 WHERE target_type = :target AND target_id = :id AND action = 'UPDATE' AND basis = :basis
                """)
                .param("target", target)
                .param("id", String.valueOf(id))
                .param("basis", basis)
                .query(Long.class)
                .single();
    }
}
