package vn.partywork.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static vn.partywork.identity.Fixtures.PASSWORD;
import static vn.partywork.identity.Fixtures.code;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.context.WebApplicationContext;
import vn.partywork.PartyworkTest;
import vn.partywork.org.DissolutionCheck;
import vn.partywork.org.OrgKind;
import vn.partywork.org.OrgRestructuring;
import vn.partywork.org.OrgSeeding;
import vn.partywork.org.OrgStructure;
import vn.partywork.org.TransferOrganisation;
import vn.partywork.shared.Decision;
import vn.partywork.shared.DomainException;

/** P-ID-2: who manages which accounts; P-ID-1: identifiers. */
@PartyworkTest
class AccountAdministrationTests {

    @Autowired
    WebApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccountAdministration administration;

    @Autowired
    java.util.List<DissolutionCheck> dissolutionChecks;

    @Autowired
    OrgStructure structure;

    @Autowired
    OrgRestructuring restructuring;

    @Autowired
    OrgSeeding seeding;

    MockMvc mvc;
    Fixtures fixtures;

    @BeforeEach
    void setUp() {
        mvc = Fixtures.mvc(context);
        fixtures = new Fixtures(jdbc, administration);
    }

    @Test
    void anOrgAdminManagesOnlyItsOwnSubtree() throws Exception {
        long hanoi = fixtures.province("Đảng bộ thử Hà Nội");
        long district = fixtures.org(hanoi, OrgKind.UPPER_GRASSROOTS, "Quận thử Ba Đình");
        long hcm = fixtures.province("Đảng bộ thử TP. Hồ Chí Minh");
        AccountView orgAdmin = fixtures.account(AccountType.ORG_ADMIN, hanoi);
        AccountView inside = fixtures.account(AccountType.USER, district);
        AccountView outside = fixtures.account(AccountType.USER, hcm);
        String token = Fixtures.token(mvc, orgAdmin.identifier(), PASSWORD);

        assertThat(status(get("/api/v1/admin/accounts/{id}", inside.id()), token))
                .isEqualTo(200);
        MvcResult hidden = mvc.perform(
                        get("/api/v1/admin/accounts/{id}", outside.id()).header("Authorization", "Bearer " + token))
                .andReturn();
        assertThat(hidden.getResponse().getStatus()).isEqualTo(404);
        assertThat(code(hidden)).isEqualTo("identity.account.notFound");
        assertThat(status(post("/api/v1/admin/accounts/{id}/reset-password", outside.id()), token))
                .isEqualTo(404);

        MvcResult list = mvc.perform(
                        get("/api/v1/admin/accounts").param("size", "100").header("Authorization", "Bearer " + token))
                .andReturn();
        String body = list.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(body)
                .contains(inside.identifier())
                .contains(orgAdmin.identifier())
                .doesNotContain(outside.identifier());

        MvcResult elsewhere = create(token, """
                {"identifier":"%s","displayName":"Người ngoài","type":"USER","homeOrgId":%d}
                """.formatted(Fixtures.unique("ngoai"), hcm));
        assertThat(elsewhere.getResponse().getStatus()).isEqualTo(403);
        assertThat(code(elsewhere)).isEqualTo("identity.account.orgOutsideScope");

        MvcResult sysadmin = create(token, """
                {"identifier":"%s","displayName":"Quản trị","type":"SYSTEM_ADMIN"}
                """.formatted(Fixtures.unique("qtht")));
        assertThat(code(sysadmin)).isEqualTo("identity.account.typeNotAllowed");

        MvcResult created = create(token, """
                {"identifier":"%s","displayName":"Phạm Thị Trong","type":"USER","homeOrgId":%d,"documentNumber":"7/QĐ"}
                """.formatted(Fixtures.unique("trong"), district));
        assertThat(created.getResponse().getStatus()).isEqualTo(201);
        assertThat(created.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("defaultPassword");
    }

    @Test
    void anOrgAdminsListFollowsTheCurrentTreeAfterATransfer() {
        long hanoi = fixtures.province("Đảng bộ thử chuyển đến");
        long hue = fixtures.province("Đảng bộ thử chuyển đi");
        long district = fixtures.org(hue, OrgKind.UPPER_GRASSROOTS, "Huyện thử chuyển giao");
        long cell = fixtures.org(district, OrgKind.GRASSROOTS_CELL, "Chi bộ thử chuyển giao");
        AccountPrincipal orgAdmin =
                fixtures.account(AccountType.ORG_ADMIN, hanoi).principal();
        AccountView moving = fixtures.account(AccountType.USER, cell);
        AccountQuery everyone = new AccountQuery(null, null, null, 0, 100);
        assertThat(administration.search(orgAdmin, everyone).items())
                .extracting(AccountView::id)
                .doesNotContain(moving.id());
        long before = administration.search(orgAdmin, everyone).total();

        LocalDate today = structure.today();
        restructuring.transfer(
                seeding.seedingScope(String.valueOf(fixtures.root())),
                new TransferOrganisation(district, hanoi, new Decision("9-QĐ/KT", today, "Kiểm thử"), today, null));

        AccountPage after = administration.search(orgAdmin, everyone);
        assertThat(after.items()).extracting(AccountView::id).contains(moving.id());
        assertThat(after.total()).isEqualTo(before + 1);
        assertThat(administration
                        .search(orgAdmin, new AccountQuery(moving.identifier(), null, null, 0, 20))
                        .total())
                .isOne();
    }

    @Test
    void identifiersAreValidatedAndNeverReused() {
        AccountView admin = fixtures.account(AccountType.SYSTEM_ADMIN, null);
        long org = fixtures.province("Tỉnh định danh");
        assertThatThrownBy(() -> administration.create(
                        admin.principal(), new NewAccount("Có Dấu", "Tên", AccountType.USER, org, null, null, null)))
                .isInstanceOfSatisfying(
                        DomainException.class,
                        e -> assertThat(e.code()).isEqualTo("identity.account.identifierInvalid"));
        assertThatThrownBy(() -> administration.create(
                        admin.principal(),
                        new NewAccount(
                                Fixtures.unique("khong.to.chuc"), "Tên", AccountType.USER, null, null, null, null)))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo("identity.account.homeOrgRequired"));
        String identifier = Fixtures.unique("trung");
        administration.create(
                admin.principal(), new NewAccount(identifier, "Một", AccountType.USER, org, null, null, null));
        assertThatThrownBy(() -> administration.create(
                        admin.principal(), new NewAccount(identifier, "Hai", AccountType.USER, org, null, null, null)))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo("identity.account.identifierTaken"));
        assertThatThrownBy(() -> jdbc.sql("UPDATE identity.account SET identifier = 'doi.ten' WHERE identifier = :id")
                        .param("id", identifier)
                        .update())
                .hasMessageContaining("immutable");
    }

    @Test
    void anOrganisationWithActiveAccountsCannotBeDissolved() {
        long org = fixtures.province("Tỉnh giải thể");
        long empty = fixtures.province("Tỉnh trống");
        fixtures.account(AccountType.USER, org);
        assertThat(dissolutionChecks).anySatisfy(check -> {
            assertThat(check.blockingReason(org)).contains("org.dissolve.hasAccounts");
            assertThat(check.blockingReason(empty)).isEmpty();
        });
    }

    @Test
    void theAdminPagesCreateAnAccountAndShowItsDefaultPasswordOnce() throws Exception {
        AccountView admin = fixtures.account(AccountType.SYSTEM_ADMIN, null);
        long org = fixtures.province("Tỉnh trang tạo");
        MockHttpSession session = Fixtures.login(mvc, admin.identifier(), PASSWORD);
        String identifier = Fixtures.unique("trang");
        MvcResult created = mvc.perform(post("/admin/accounts")
                        .session(session)
                        .with(SecurityMockMvcRequestPostProcessors.csrf())
                        .param("identifier", identifier)
                        .param("displayName", "Võ Thị Trang")
                        .param("type", "USER")
                        .param("homeOrgId", String.valueOf(org))
                        .param("documentNumber", "3/QĐ"))
                .andReturn();
        String page = created.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Mật khẩu mặc định").contains(identifier).contains("một lần");
        assertThat(created.getResponse().getHeader("Cache-Control")).contains("no-store");

        MvcResult bad = mvc.perform(post("/admin/accounts")
                        .session(session)
                        .with(SecurityMockMvcRequestPostProcessors.csrf())
                        .param("identifier", identifier)
                        .param("displayName", "Trùng")
                        .param("type", "USER")
                        .param("homeOrgId", String.valueOf(org)))
                .andReturn();
        assertThat(bad.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("đã được sử dụng");

        long id = jdbc.sql("SELECT id FROM identity.account WHERE identifier = :id")
                .param("id", identifier)
                .query(Long.class)
                .single();
        String details = mvc.perform(get("/admin/accounts/{id}", id).session(session))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(details).contains("Võ Thị Trang").contains("Cấp mới").contains("3/QĐ");
        String list = mvc.perform(
                        get("/admin/accounts").param("q", "vo thi trang").session(session))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(list).contains(identifier);
    }

    private int status(MockHttpServletRequestBuilder request, String token) throws Exception {
        return mvc.perform(request.header("Authorization", "Bearer " + token))
                .andReturn()
                .getResponse()
                .getStatus();
    }

    private MvcResult create(String token, String json) throws Exception {
        return mvc.perform(post("/api/v1/admin/accounts")
                        .header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andReturn();
    }

    @Test
    void readingAnAccountOrListingAccountsIsAudited() {
        long hanoi = fixtures.province("Đảng bộ thử đọc tài khoản");
        AccountView orgAdmin = fixtures.account(AccountType.ORG_ADMIN, hanoi);
        AccountView user = fixtures.account(AccountType.USER, hanoi);
        long before = jdbc.sql("SELECT count(*) FROM audit.event WHERE actor_identifier = :who")
                .param("who", orgAdmin.identifier())
                .query(Long.class)
                .single();

        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        orgAdmin.principal(), null, java.util.List.of()));
        try {
            administration.details(orgAdmin.principal(), user.id());
            administration.search(orgAdmin.principal(), new AccountQuery(user.identifier(), null, null, 0, 20));
        } finally {
            SecurityContextHolder.clearContext();
        }

        List<String> actions = jdbc.sql("""
                        SELECT action || ':' || coalesce(target_id, '') FROM audit.event
                         WHERE actor_identifier = :who ORDER BY seq OFFSET :before""")
                .param("who", orgAdmin.identifier())
                .param("before", before)
                .query(String.class)
                .list();
        assertThat(actions).containsExactly("READ:" + user.id(), "SEARCH:");
    }
}
