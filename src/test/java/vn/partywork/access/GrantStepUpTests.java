package vn.partywork.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static vn.partywork.identity.Fixtures.PASSWORD;

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
import vn.partywork.identity.AccountAdministration;
import vn.partywork.identity.AccountType;
import vn.partywork.identity.AccountView;
import vn.partywork.identity.Fixtures;
import vn.partywork.identity.MutableClock;
import vn.partywork.identity.SecondFactor;
import vn.partywork.identity.StepUp;
import vn.partywork.identity.internal.MultiFactorService;
import vn.partywork.identity.internal.Totp;

/** ASVS 5.0 7.5.3: an administrator with a second factor changes grants only with a code entered in the last 5 minutes. */
@PartyworkTest
class GrantStepUpTests {

    @Autowired
    WebApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccountAdministration administration;

    @Autowired
    MultiFactorService mfa;

    @Autowired
    MutableClock clock;

    MockMvc mvc;
    Fixtures fixtures;
    long province;
    AccountView admin;
    AccountView user;
    SecondFactor factor;

    @BeforeEach
    void setUp() {
        mvc = Fixtures.mvc(context);
        fixtures = new Fixtures(jdbc, administration);
        province = fixtures.province("Tỉnh xác thực lại");
        admin = fixtures.account(AccountType.ORG_ADMIN, province);
        user = fixtures.account(AccountType.USER, province);
        factor = SecondFactor.enrol(mfa, clock, admin);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void onThePageAGrantNeedsACodeFromTheLastFiveMinutes() throws Exception {
        MockHttpSession session = Fixtures.login(mvc, admin.identifier(), PASSWORD);
        assertThat(mvc.perform(post("/login/otp").session(session).with(csrf()).param("code", code()))
                        .andReturn()
                        .getResponse()
                        .getRedirectedUrl())
                .isEqualTo("/");
        assertThat(grantOnPage(session).getResponse().getRedirectedUrl()).isEqualTo("/admin/grants");
        assertThat(grantsOfUser()).isEqualTo(1);

        clock.advance(Duration.ofMinutes(6));
        MvcResult stale = grantOnPage(session);
        assertThat(stale.getResponse().getRedirectedUrl()).isEqualTo("/account/step-up?next=%2Fadmin%2Fgrants");
        assertThat(grantsOfUser()).isEqualTo(1);

        MvcResult confirmed = mvc.perform(post("/account/step-up")
                        .session(session)
                        .with(csrf())
                        .param("code", code())
                        .param("next", "/admin/grants"))
                .andReturn();
        assertThat(confirmed.getResponse().getRedirectedUrl()).isEqualTo("/admin/grants");
        assertThat(grantOnPage(session).getResponse().getRedirectedUrl()).isEqualTo("/admin/grants");
        assertThat(grantsOfUser()).isEqualTo(2);

        // The page only sends back into the application.
        clock.advance(Duration.ofSeconds(Totp.STEP_SECONDS));
        assertThat(mvc.perform(post("/account/step-up")
                                .session(session)
                                .with(csrf())
                                .param("code", code())
                                .param("next", "//evil.example/"))
                        .andReturn()
                        .getResponse()
                        .getRedirectedUrl())
                .isEqualTo("/");
    }

    @Test
    void theApiTakesTheCodeInAHeaderOfTheRequestItself() throws Exception {
        MvcResult tokenReply = mvc.perform(post("/api/v1/auth/token")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"" + admin.identifier() + "\",\"password\":\"" + PASSWORD
                                + "\",\"otp\":\"" + code() + "\"}"))
                .andReturn();
        String token =
                com.jayway.jsonpath.JsonPath.read(tokenReply.getResponse().getContentAsString(), "$.token");
        String body = "{\"accountId\":" + user.id() + ",\"role\":\"VIEWER\",\"orgId\":" + province
                + ",\"databases\":[\"ORGANISATION_MEMBER\"],\"ceiling\":\"UNCLASSIFIED\"}";

        MvcResult without = mvc.perform(post("/api/v1/admin/grants")
                        .header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andReturn();
        assertThat(without.getResponse().getStatus()).isEqualTo(403);
        assertThat(Fixtures.code(without)).isEqualTo("auth.stepUpRequired");

        clock.advance(Duration.ofSeconds(Totp.STEP_SECONDS));
        MvcResult with = mvc.perform(post("/api/v1/admin/grants")
                        .header("Authorization", "Bearer " + token)
                        .header(StepUp.HEADER, code())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andReturn();
        assertThat(with.getResponse().getStatus()).isBetween(200, 201);
        assertThat(grantsOfUser()).isEqualTo(1);

        // The same code again is a replay.
        MvcResult replay = mvc.perform(post("/api/v1/admin/grants")
                        .header("Authorization", "Bearer " + token)
                        .header(StepUp.HEADER, code())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andReturn();
        assertThat(replay.getResponse().getStatus()).isEqualTo(401);
        assertThat(Fixtures.code(replay)).isEqualTo("auth.otpInvalid");
        assertThat(grantsOfUser()).isEqualTo(1);
    }

    private MvcResult grantOnPage(MockHttpSession session) throws Exception {
        return mvc.perform(post("/admin/grants")
                        .session(session)
                        .with(csrf())
                        .param("accountIdentifier", user.identifier())
                        .param("role", "VIEWER")
                        .param("orgId", String.valueOf(province))
                        .param("databases", "ORGANISATION_MEMBER")
                        .param("ceiling", "UNCLASSIFIED"))
                .andReturn();
    }

    private long grantsOfUser() {
        return jdbc.sql("SELECT count(*) FROM access.account_grant WHERE account_id = :id")
                .param("id", user.id())
                .query(Long.class)
                .single();
    }

    private String code() {
        return factor.code();
    }
}
