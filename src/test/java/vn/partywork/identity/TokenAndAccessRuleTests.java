package vn.partywork.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static vn.partywork.identity.Fixtures.PASSWORD;
import static vn.partywork.identity.Fixtures.code;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.context.WebApplicationContext;
import vn.partywork.PartyworkTest;

/** Bearer tokens and the URL rules of both filter chains, including P-ID-2 for the system administrator. */
@PartyworkTest
class TokenAndAccessRuleTests {

    @Autowired
    WebApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccountAdministration administration;

    @Autowired
    MutableClock clock;

    MockMvc mvc;
    Fixtures fixtures;

    @BeforeEach
    void setUp() {
        mvc = Fixtures.mvc(context);
        fixtures = new Fixtures(jdbc, administration);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void missingForgedExpiredAndRevokedTokensAre401WithACode() throws Exception {
        AccountView user = fixtures.account(AccountType.USER, fixtures.province("Tỉnh mã truy cập"));
        MvcResult missing = mvc.perform(get("/api/v1/me")).andReturn();
        assertThat(missing.getResponse().getStatus()).isEqualTo(401);
        assertThat(code(missing)).isEqualTo("auth.required");

        MvcResult forged = mvc.perform(get("/api/v1/me").header("Authorization", "Bearer gia-mao-123"))
                .andReturn();
        assertThat(forged.getResponse().getStatus()).isEqualTo(401);
        assertThat(code(forged)).isEqualTo("auth.tokenInvalid");
        assertThat(Fixtures.message(forged)).contains("Mã truy cập không hợp lệ");

        MvcResult issued = Fixtures.requestToken(mvc, user.identifier(), PASSWORD);
        String token = JsonPath.read(issued.getResponse().getContentAsString(), "$.token");
        assertThat(token).hasSizeGreaterThanOrEqualTo(43);
        assertThat((String) JsonPath.read(issued.getResponse().getContentAsString(), "$.expiresAt"))
                .isNotBlank();
        assertThat(mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);

        clock.advance(Duration.ofHours(8).plusMinutes(1));
        MvcResult expired = mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
                .andReturn();
        assertThat(expired.getResponse().getStatus()).isEqualTo(401);
        assertThat(code(expired)).isEqualTo("auth.tokenInvalid");
        clock.reset();

        String second = Fixtures.token(mvc, user.identifier(), PASSWORD);
        assertThat(mvc.perform(post("/api/v1/auth/logout").header("Authorization", "Bearer " + second))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(204);
        MvcResult revoked = mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + second))
                .andReturn();
        assertThat(code(revoked)).isEqualTo("auth.tokenInvalid");
    }

    @Test
    void theApiDocumentationIsOpen() throws Exception {
        assertThat(mvc.perform(get("/api/docs/openapi.json"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
        // The Swagger UI that /api/docs redirects to, with its assets.
        assertThat(mvc.perform(get("/api/swagger-ui/index.html"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
    }

    @Test
    void malformedJsonOnTheTokenEndpointIs400() throws Exception {
        MvcResult result = mvc.perform(post("/api/v1/auth/token")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\": \"abc\", "))
                .andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        assertThat(code(result)).isEqualTo("request.malformed");
    }

    /**
     * P-ID-2: the rule is URL-based and checked before any controller is looked up, so a system
     * administrator gets 403 on business URLs whether or not their controller exists in this build,
     * while an ordinary user passes the rule (and gets whatever the controller, or 404, says).
     */
    @Test
    void theSystemAdministratorGets403OnEveryBusinessUrl() throws Exception {
        AccountView admin = fixtures.account(AccountType.SYSTEM_ADMIN, null);
        AccountView user = fixtures.account(AccountType.USER, fixtures.province("Tỉnh nghiệp vụ"));
        String adminToken = Fixtures.token(mvc, admin.identifier(), PASSWORD);
        String userToken = Fixtures.token(mvc, user.identifier(), PASSWORD);

        MvcResult me = mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + adminToken))
                .andReturn();
        assertThat(me.getResponse().getStatus()).isEqualTo(200);
        assertThat((java.util.List<?>) JsonPath.read(me.getResponse().getContentAsString(), "$.scope.entries"))
                .isEmpty();
        assertThat(mvc.perform(get("/api/v1/admin/accounts").header("Authorization", "Bearer " + adminToken))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);

        for (String url : new String[] {"/api/v1/orgs", "/api/v1/members", "/api/v1/catalogues"}) {
            MvcResult denied = mvc.perform(get(url).header("Authorization", "Bearer " + adminToken))
                    .andReturn();
            assertThat(denied.getResponse().getStatus()).as(url).isEqualTo(403);
            assertThat(code(denied)).isEqualTo("auth.forbidden");
            assertThat(mvc.perform(get(url).header("Authorization", "Bearer " + userToken))
                            .andReturn()
                            .getResponse()
                            .getStatus())
                    .as(url)
                    .isNotIn(401, 403);
        }

        MockHttpSession adminSession = Fixtures.login(mvc, admin.identifier(), PASSWORD);
        MockHttpSession userSession = Fixtures.login(mvc, user.identifier(), PASSWORD);
        assertThat(mvc.perform(get("/orgs").session(adminSession))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
        assertThat(mvc.perform(get("/catalogues").session(adminSession))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
        assertThat(mvc.perform(get("/orgs").session(userSession))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isNotIn(302, 401, 403);
        assertThat(mvc.perform(get("/admin/accounts").session(adminSession))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
        assertThat(mvc.perform(get("/admin/grants").session(adminSession))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
    }

    @Test
    void pagesNeedASessionAndAdminPagesNeedAnAdministrator() throws Exception {
        MvcResult anonymous = mvc.perform(get("/orgs")).andReturn();
        assertThat(anonymous.getResponse().getRedirectedUrl()).endsWith("/login");
        assertThat(mvc.perform(get("/login")).andReturn().getResponse().getStatus())
                .isEqualTo(200);

        AccountView user = fixtures.account(AccountType.USER, fixtures.province("Tỉnh trang quản trị"));
        MockHttpSession session = Fixtures.login(mvc, user.identifier(), PASSWORD);
        assertThat(mvc.perform(get("/admin/accounts").session(session))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
        String userToken = Fixtures.token(mvc, user.identifier(), PASSWORD);
        MvcResult api = mvc.perform(get("/api/v1/admin/accounts").header("Authorization", "Bearer " + userToken))
                .andReturn();
        assertThat(api.getResponse().getStatus()).isEqualTo(403);

        // A page with a form puts the CSRF token in the session; a POST without it is refused.
        mvc.perform(get("/account/password").session(session));
        assertThat(mvc.perform(post("/logout").session(session))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .as("logout without CSRF token")
                .isEqualTo(403);
        MvcResult logout =
                mvc.perform(post("/logout").session(session).with(csrf())).andReturn();
        assertThat(logout.getResponse().getRedirectedUrl()).isEqualTo("/login?logout");
        assertThat(mvc.perform(get("/account/password").session(session))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .as("the session ended")
                .isEqualTo(302);
    }

    @Test
    void aDeactivationEndsOpenSessionsAndAnExpiredSessionIsSaidSo() throws Exception {
        AccountView admin = fixtures.account(AccountType.SYSTEM_ADMIN, null);
        AccountView user = fixtures.account(AccountType.USER, fixtures.province("Tỉnh phiên làm việc"));
        MockHttpSession session = Fixtures.login(mvc, user.identifier(), PASSWORD);
        assertThat(mvc.perform(get("/account/password").session(session))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
        administration.deactivate(admin.principal(), user.id(), null);
        MvcResult kicked =
                mvc.perform(get("/account/password").session(session)).andReturn();
        assertThat(kicked.getResponse().getRedirectedUrl()).isEqualTo("/login?error=disabled");
        assertThat(session.isInvalid()).isTrue();

        MvcResult expired = mvc.perform(get("/account/password").with(request -> {
                    request.setRequestedSessionId("het-han");
                    request.setRequestedSessionIdValid(false);
                    return request;
                }))
                .andReturn();
        assertThat(expired.getResponse().getRedirectedUrl()).isEqualTo("/login?expired");
        String page = mvc.perform(get("/login").param("expired", ""))
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(page).contains("Phiên làm việc đã hết hạn");
    }
}
