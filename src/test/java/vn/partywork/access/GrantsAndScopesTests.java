package vn.partywork.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static vn.partywork.identity.Fixtures.PASSWORD;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
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
import vn.partywork.shared.AccessScope;
import vn.partywork.shared.Classification;
import vn.partywork.shared.Database;
import vn.partywork.shared.DomainException;
import vn.partywork.shared.Permission;

/** P-AZ-1: grants, who may give them, and the scope they add up to. */
@PartyworkTest
class GrantsAndScopesTests {

    @Autowired
    WebApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccountAdministration administration;

    @Autowired
    Grants grants;

    @Autowired
    AccessScopes scopes;

    @Autowired
    vn.partywork.identity.MutableClock clock;

    MockMvc mvc;
    Fixtures fixtures;
    AccountView admin;
    LocalDate today;

    @BeforeEach
    void setUp() {
        mvc = Fixtures.mvc(context);
        fixtures = new Fixtures(jdbc, administration);
        admin = fixtures.account(AccountType.SYSTEM_ADMIN, null);
        today = LocalDate.now(clock);
    }

    private NewGrant grant(long accountId, Role role, long orgId, LocalDate from, LocalDate to) {
        return new NewGrant(
                accountId,
                role,
                orgId,
                Set.of(Database.ORGANISATION_MEMBER),
                Classification.CONFIDENTIAL,
                from,
                to,
                "15/QĐ-TU",
                null);
    }

    @Test
    void aGrantGivesItsSubtreeAndStopsWhenItExpires() {
        long province = fixtures.province("Tỉnh phân quyền");
        long district = fixtures.org(province, OrgKind.UPPER_GRASSROOTS, "Huyện phân quyền");
        AccountView user = fixtures.account(AccountType.USER, province);
        GrantView granted =
                grants.grant(admin.principal(), grant(user.id(), Role.ORG_STAFF, province, today, today.plusDays(10)));
        assertThat(granted.status()).isEqualTo(GrantStatus.ACTIVE);

        AccessScope scope = scopes.forAccount(user.id(), today);
        String provincePath = pathOf(province);
        String districtPath = pathOf(district);
        assertThat(scope.canWrite(Database.ORGANISATION_MEMBER, districtPath)).isTrue();
        assertThat(scope.canRead(Database.CADRE, districtPath)).isFalse();
        assertThat(scope.ceiling(Database.ORGANISATION_MEMBER)).isEqualTo(Classification.CONFIDENTIAL);
        assertThat(scope.readablePaths(Database.ORGANISATION_MEMBER)).containsExactly(provincePath);

        assertThat(scopes.forAccount(user.id(), today.plusDays(10)).isEmpty())
                .as("last day still valid")
                .isFalse();
        assertThat(scopes.forAccount(user.id(), today.plusDays(11)).isEmpty())
                .as("expired")
                .isTrue();
        assertThat(scopes.forAccount(user.id(), today.minusDays(1)).isEmpty())
                .as("not yet valid")
                .isTrue();
    }

    @Test
    void anExpiredGrantGivesNoScopeToTheSignedInUser() throws Exception {
        long province = fixtures.province("Tỉnh hết hạn");
        AccountView user = fixtures.account(AccountType.USER, province);
        grants.grant(
                admin.principal(), grant(user.id(), Role.VIEWER, province, today.minusDays(30), today.minusDays(1)));
        String token = Fixtures.token(mvc, user.identifier(), PASSWORD);
        MvcResult me = mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
                .andReturn();
        assertThat((java.util.List<?>) JsonPath.read(me.getResponse().getContentAsString(), "$.scope.entries"))
                .isEmpty();
    }

    @Test
    void revokedGrantsAndDissolvedOrganisationsGiveNothing() {
        long province = fixtures.province("Tỉnh thu hồi");
        long cell = fixtures.org(province, OrgKind.GRASSROOTS_CELL, "Chi bộ sẽ giải thể");
        AccountView user = fixtures.account(AccountType.USER, province);
        GrantView revocable = grants.grant(admin.principal(), grant(user.id(), Role.VIEWER, province, today, null));
        grants.grant(admin.principal(), grant(user.id(), Role.CELL_SECRETARY, cell, today, null));
        assertThat(scopes.forAccount(user.id(), today).entries()).hasSize(2);

        grants.revoke(admin.principal(), revocable.id(), revocable.version());
        assertThat(scopes.forAccount(user.id(), today).entries()).hasSize(1);
        assertThatThrownBy(() -> grants.revoke(admin.principal(), revocable.id(), null))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo("access.grant.alreadyRevoked"));

        fixtures.dissolve(cell);
        assertThat(scopes.forAccount(user.id(), today).isEmpty()).isTrue();
        assertThat(jdbc.sql(
                                "SELECT count(*) FROM audit.event WHERE target_type = 'grant' AND action IN ('GRANT', 'REVOKE') AND target_id = :id")
                        .param("id", String.valueOf(revocable.id()))
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void aCellSecretaryGrantNeedsACell() {
        long province = fixtures.province("Tỉnh bí thư");
        long committee = fixtures.org(province, OrgKind.GRASSROOTS_COMMITTEE, "Đảng bộ cơ sở thử");
        long cell = fixtures.org(committee, OrgKind.CELL, "Chi bộ thử");
        AccountView user = fixtures.account(AccountType.USER, cell);
        assertThatThrownBy(() ->
                        grants.grant(admin.principal(), grant(user.id(), Role.CELL_SECRETARY, committee, today, null)))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo("access.grant.cellSecretaryNeedsCell");
                    assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID);
                });
        assertThat(grants.grant(admin.principal(), grant(user.id(), Role.CELL_SECRETARY, cell, today, null))
                        .role())
                .isEqualTo(Role.CELL_SECRETARY);
    }

    @Test
    void aUserManagerHoldsTheUnionOfItsUsersGrants() {
        long province = fixtures.province("Tỉnh quản lý người dùng");
        long a = fixtures.org(province, OrgKind.UPPER_GRASSROOTS, "Huyện A");
        long b = fixtures.org(province, OrgKind.UPPER_GRASSROOTS, "Huyện B");
        long c = fixtures.org(province, OrgKind.UPPER_GRASSROOTS, "Huyện C");
        AccountView manager = fixtures.account(AccountType.USER_MANAGER, province);
        AccountView first = fixtures.account(AccountType.USER, a, manager.id());
        AccountView second = fixtures.account(AccountType.USER, b, manager.id());
        AccountView stranger = fixtures.account(AccountType.USER, c);
        grants.grant(admin.principal(), grant(first.id(), Role.ORG_STAFF, a, today, null));
        grants.grant(admin.principal(), grant(second.id(), Role.VIEWER, b, today, null));
        grants.grant(admin.principal(), grant(stranger.id(), Role.VIEWER, c, today, null));
        grants.grant(admin.principal(), grant(manager.id(), Role.COMMITTEE_LEADER, province, today, null));

        AccessScope scope = scopes.forAccount(manager.id(), today);
        assertThat(scope.entries()).hasSize(3);
        assertThat(scope.canWrite(Database.ORGANISATION_MEMBER, pathOf(a))).isTrue();
        assertThat(scope.canWrite(Database.ORGANISATION_MEMBER, pathOf(b))).isFalse();
        assertThat(scope.permits(Permission.APPROVE, Database.ORGANISATION_MEMBER, pathOf(c)))
                .isTrue();
        assertThat(scopes.forAccount(first.id(), today).entries()).hasSize(1);

        administration.deactivate(admin.principal(), first.id(), null);
        assertThat(scopes.forAccount(manager.id(), today).canWrite(Database.ORGANISATION_MEMBER, pathOf(a)))
                .isFalse();
    }

    @Test
    void aMemberReadsItsOwnCellAndTheSystemAdministratorNothing() {
        long province = fixtures.province("Tỉnh đảng viên");
        long cell = fixtures.org(province, OrgKind.GRASSROOTS_CELL, "Chi bộ của đảng viên");
        AccountView member = fixtures.account(AccountType.MEMBER, cell);
        AccessScope scope = scopes.forAccount(member.id(), today);
        assertThat(scope.canRead(Database.HANDBOOK, pathOf(cell))).isTrue();
        assertThat(scope.canRead(Database.ORGANISATION_MEMBER, pathOf(cell))).isTrue();
        assertThat(scope.canWrite(Database.ORGANISATION_MEMBER, pathOf(cell))).isFalse();
        assertThat(scope.canRead(Database.HANDBOOK, pathOf(province))).isFalse();
        assertThat(scope.ceiling(Database.HANDBOOK)).isEqualTo(Classification.UNCLASSIFIED);

        assertThatThrownBy(() -> grants.grant(admin.principal(), grant(admin.id(), Role.VIEWER, province, today, null)))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo("access.grant.systemAdmin"));
        assertThat(scopes.forAccount(admin.id(), today).isEmpty()).isTrue();
    }

    @Test
    void anOrgAdminGrantsOnlyInsideItsSubtreeToAccountsItManages() throws Exception {
        long hanoi = fixtures.province("Hà Nội thử quyền");
        long district = fixtures.org(hanoi, OrgKind.UPPER_GRASSROOTS, "Huyện thử quyền");
        long elsewhere = fixtures.province("Nghệ An thử quyền");
        AccountView orgAdmin = fixtures.account(AccountType.ORG_ADMIN, hanoi);
        AccountView inside = fixtures.account(AccountType.USER, district);
        AccountView outside = fixtures.account(AccountType.USER, elsewhere);
        String token = Fixtures.token(mvc, orgAdmin.identifier(), PASSWORD);

        MvcResult ok = postGrant(token, inside.id(), district, "ORG_STAFF");
        assertThat(ok.getResponse().getStatus()).isEqualTo(201);
        MvcResult wrongOrg = postGrant(token, inside.id(), elsewhere, "VIEWER");
        assertThat(wrongOrg.getResponse().getStatus()).isEqualTo(403);
        assertThat(Fixtures.code(wrongOrg)).isEqualTo("access.grant.orgOutsideScope");
        MvcResult wrongAccount = postGrant(token, outside.id(), district, "VIEWER");
        assertThat(wrongAccount.getResponse().getStatus()).isEqualTo(404);

        String list = mvc.perform(get("/api/v1/admin/grants").header("Authorization", "Bearer " + token))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(list).contains(inside.identifier()).doesNotContain(outside.identifier());

        int id = JsonPath.read(ok.getResponse().getContentAsString(), "$.id");
        MvcResult revoked = mvc.perform(
                        post("/api/v1/admin/grants/{id}/revoke", id).header("Authorization", "Bearer " + token))
                .andReturn();
        assertThat(revoked.getResponse().getStatus()).isEqualTo(200);
        assertThat((String) JsonPath.read(revoked.getResponse().getContentAsString(), "$.status"))
                .isEqualTo("REVOKED");
    }

    @Test
    void theGrantsPageListsAndGrants() throws Exception {
        long province = fixtures.province("Tỉnh trang phân quyền");
        AccountView user = fixtures.account(AccountType.USER, province);
        MockHttpSession session = Fixtures.login(mvc, admin.identifier(), PASSWORD);
        MvcResult posted = mvc.perform(post("/admin/grants")
                        .session(session)
                        .with(SecurityMockMvcRequestPostProcessors.csrf())
                        .param("accountIdentifier", user.identifier())
                        .param("role", "VIEWER")
                        .param("orgId", String.valueOf(province))
                        .param("databases", "ORGANISATION_MEMBER", "HANDBOOK")
                        .param("ceiling", "UNCLASSIFIED")
                        .param("validFrom", today.toString()))
                .andReturn();
        assertThat(posted.getResponse().getRedirectedUrl()).startsWith("/admin/grants");
        String page = mvc.perform(get("/admin/grants")
                        .param("accountId", String.valueOf(user.id()))
                        .session(session))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Tỉnh trang phân quyền").contains("Người xem").contains("Đang hiệu lực");

        MvcResult refused = mvc.perform(post("/admin/grants")
                        .session(session)
                        .with(SecurityMockMvcRequestPostProcessors.csrf())
                        .param("accountIdentifier", user.identifier())
                        .param("role", "CELL_SECRETARY")
                        .param("orgId", String.valueOf(province))
                        .param("databases", "ORGANISATION_MEMBER")
                        .param("ceiling", "UNCLASSIFIED"))
                .andReturn();
        assertThat(refused.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("chỉ được cấp trên một chi bộ");
    }

    private MvcResult postGrant(String token, long accountId, long orgId, String role) throws Exception {
        return mvc.perform(post("/api/v1/admin/grants")
                        .header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                        {"accountId":%d,"role":"%s","orgId":%d,"databases":["ORGANISATION_MEMBER"],"ceiling":"UNCLASSIFIED"}
                        """.formatted(accountId, role, orgId)))
                .andReturn();
    }

    private String pathOf(long orgId) {
        return jdbc.sql("SELECT path::text FROM org.organisation_version WHERE org_id = :id AND valid_to = 'infinity'")
                .param("id", orgId)
                .query(String.class)
                .single();
    }
}
