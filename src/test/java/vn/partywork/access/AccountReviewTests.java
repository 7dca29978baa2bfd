package vn.partywork.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static vn.partywork.identity.Fixtures.PASSWORD;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.context.WebApplicationContext;
import vn.partywork.PartyworkTest;
import vn.partywork.identity.AccountAdministration;
import vn.partywork.identity.AccountReview;
import vn.partywork.identity.AccountType;
import vn.partywork.identity.AccountView;
import vn.partywork.identity.Fixtures;
import vn.partywork.org.OrgKind;
import vn.partywork.shared.Classification;
import vn.partywork.shared.Database;
import vn.partywork.shared.DomainException;

/** P-ID-5: the account review of an organisation's subtree and the automatic suspension of dormant accounts. */
@PartyworkTest
class AccountReviewTests {

    @Autowired
    WebApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccountAdministration administration;

    @Autowired
    AccountReview accountReview;

    @Autowired
    AccountReviews reviews;

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
    void anAccountWithoutASignInForNinetyDaysIsSuspendedWithItsReasonAndAnAdministratorReactivatesIt()
            throws Exception {
        long province = fixtures.province("Tỉnh tài khoản không dùng");
        AccountView admin = fixtures.account(AccountType.SYSTEM_ADMIN, null);
        AccountView quiet = fixtures.account(AccountType.USER, province);
        AccountView recent = fixtures.account(AccountType.USER, province);
        AccountView reactivatedLately = fixtures.account(AccountType.USER, province);
        AccountView quietAdmin = fixtures.account(AccountType.SYSTEM_ADMIN, null);
        String token = Fixtures.token(mvc, quiet.identifier(), PASSWORD);
        quietSince(quiet, 91, null);
        quietSince(recent, 89, null);
        quietSince(reactivatedLately, 200, 3);
        quietSince(quietAdmin, 365, null);

        assertThat(accountReview.suspendDormantAccounts()).isEqualTo(1);

        assertThat(status(quiet)).isEqualTo("DEACTIVATED/DORMANT");
        assertThat(status(recent)).isEqualTo("ACTIVE/-");
        assertThat(status(reactivatedLately)).isEqualTo("ACTIVE/-");
        assertThat(status(quietAdmin)).isEqualTo("ACTIVE/-");
        assertThat(Fixtures.code(Fixtures.requestToken(mvc, quiet.identifier(), PASSWORD)))
                .isEqualTo("auth.disabled");
        assertThat(mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(401);
        assertThat(jdbc.sql("""
                SELECT count(*) FROM audit.event
                 WHERE action = 'UPDATE' AND target_type = 'account' AND target_id = :id
                   AND details ->> 'reason' = 'dormant' AND actor_identifier = 'system'
                """)
                        .param("id", String.valueOf(quiet.id()))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        // The administrator reactivates it: the count starts again, so the next check leaves it alone.
        administration.reactivate(admin.principal(), quiet.id(), null);
        assertThat(accountReview.suspendDormantAccounts()).isZero();
        assertThat(status(quiet)).isEqualTo("ACTIVE/-");
        assertThat(Fixtures.requestToken(mvc, quiet.identifier(), PASSWORD)
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
    }

    @Test
    void theReviewPageListsTheSubtreesAccountsDormantFirstWithLastSignInAndGrantsEndingSoon() throws Exception {
        long province = fixtures.province("Tỉnh rà soát");
        long district = fixtures.org(province, OrgKind.UPPER_GRASSROOTS, "Huyện rà soát");
        long elsewhere = fixtures.province("Tỉnh khác rà soát");
        AccountView orgAdmin = fixtures.account(AccountType.ORG_ADMIN, province);
        AccountView active = fixtures.account(AccountType.USER, district);
        AccountView dormant = fixtures.account(AccountType.USER, province);
        AccountView outsider = fixtures.account(AccountType.USER, elsewhere);
        Fixtures.token(mvc, active.identifier(), PASSWORD);
        quietSince(dormant, 120, null);
        LocalDate today = LocalDate.now();
        grant(active, district, today.plusDays(10));
        GrantView later = grant(active, district, today.plusDays(60));
        grant(outsider, elsewhere, today.plusDays(5));

        MockHttpSession session = Fixtures.login(mvc, orgAdmin.identifier(), PASSWORD);
        MvcResult result = mvc.perform(get("/admin/review").session(session)).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(result.getResponse().getHeader("Cache-Control")).contains("no-store");
        String page = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        String accounts = page.substring(page.indexOf("id=\"review-accounts\""), page.indexOf("id=\"review-grants\""));
        String grantsTable =
                page.substring(page.indexOf("id=\"review-grants\""), page.indexOf("id=\"review-history\""));
        assertThat(accounts)
                .contains(active.identifier(), dormant.identifier(), orgAdmin.identifier())
                .doesNotContain(outsider.identifier())
                .contains("Không hoạt động")
                .contains("Chưa đăng nhập");
        assertThat(accounts.indexOf(dormant.identifier())).isLessThan(accounts.indexOf(active.identifier()));
        assertThat(page).containsPattern("id=\"dormant-count\">1<");
        assertThat(grantsTable)
                .contains(active.identifier())
                .contains(today.plusDays(10).format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")))
                .doesNotContain(later.validTo().format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")))
                .doesNotContain(outsider.identifier());

        // Another province's review is not this administrator's.
        assertThat(mvc.perform(get("/admin/review")
                                .param("orgId", String.valueOf(elsewhere))
                                .session(session))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
        assertThatThrownBy(() -> reviews.markDone(orgAdmin.principal(), elsewhere, null))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo("identity.review.orgOutsideScope"));

        MvcResult done = mvc.perform(post("/admin/review/done")
                        .session(session)
                        .with(csrf())
                        .param("orgId", String.valueOf(province))
                        .param("note", "Đã đề nghị thu hồi tài khoản không dùng"))
                .andReturn();
        assertThat(done.getResponse().getRedirectedUrl()).isEqualTo("/admin/review?orgId=" + province);
        String after = mvc.perform(get("/admin/review")
                        .param("orgId", String.valueOf(province))
                        .session(session))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        String history = after.substring(after.indexOf("id=\"review-history\""));
        assertThat(history).contains("Đã đề nghị thu hồi tài khoản không dùng").contains(orgAdmin.identifier());
        assertThat(jdbc.sql("""
                SELECT accounts || '/' || dormant || '/' || grants_near_expiry FROM access.account_review
                 WHERE org_id = :org
                """).param("org", province).query(String.class).single())
                .isEqualTo("3/1/1");
        assertThat(jdbc.sql("""
                SELECT count(*) FROM audit.event WHERE action = 'CREATE' AND target_type = 'accountReview'
                   AND actor_identifier = :actor
                """)
                        .param("actor", orgAdmin.identifier())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    private GrantView grant(AccountView account, long org, LocalDate validTo) {
        return grants.grantForSeeding(new NewGrant(
                account.id(),
                Role.VIEWER,
                org,
                Set.of(Database.ORGANISATION_MEMBER),
                Classification.UNCLASSIFIED,
                LocalDate.now().minusDays(1),
                validTo,
                null,
                null));
    }

    /** Moves the account's creation and last sign-in back; optionally a (re)activation {@code reactivatedDaysAgo}. */
    private void quietSince(AccountView account, int days, Integer reactivatedDaysAgo) {
        jdbc.sql("""
                UPDATE identity.account
                   SET created_at = now() - make_interval(days => :days),
                       last_login_at = CASE WHEN last_login_at IS NULL THEN NULL ELSE now() - make_interval(days => :days) END,
                       status_changed_at = CASE WHEN CAST(:reactivated AS integer) IS NULL THEN NULL
                                                ELSE now() - make_interval(days => CAST(:reactivated AS integer)) END
                 WHERE id = :id
                """)
                .param("days", days)
                .param("reactivated", reactivatedDaysAgo)
                .param("id", account.id())
                .update();
    }

    private String status(AccountView account) {
        return jdbc.sql("SELECT status || '/' || coalesce(status_reason, '-') FROM identity.account WHERE id = :id")
                .param("id", account.id())
                .query(String.class)
                .single();
    }
}
