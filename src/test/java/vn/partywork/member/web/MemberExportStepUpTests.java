package vn.partywork.member.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static vn.partywork.identity.Fixtures.PASSWORD;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Set;
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
import vn.partywork.access.Grants;
import vn.partywork.access.NewGrant;
import vn.partywork.access.Role;
import vn.partywork.identity.AccountAdministration;
import vn.partywork.identity.AccountType;
import vn.partywork.identity.AccountView;
import vn.partywork.identity.Fixtures;
import vn.partywork.identity.MutableClock;
import vn.partywork.identity.SecondFactor;
import vn.partywork.identity.StepUp;
import vn.partywork.identity.internal.MultiFactorService;
import vn.partywork.identity.internal.Totp;
import vn.partywork.shared.Classification;
import vn.partywork.shared.Database;

/**
 * Issue 6 item 8 (ASVS 5.0 7.5.3): exporting members' personal data needs a second-factor code from
 * the last five minutes — on the page the step-up form comes first and leads back to the download;
 * the API wants the code in the request's header. Accounts without a second factor are not asked.
 */
@PartyworkTest
class MemberExportStepUpTests {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Autowired
    WebApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccountAdministration administration;

    @Autowired
    MultiFactorService mfa;

    @Autowired
    Grants grants;

    @Autowired
    MutableClock clock;

    MockMvc mvc;
    AccountView staff;
    SecondFactor factor;

    @BeforeEach
    void setUp() {
        mvc = Fixtures.mvc(context);
        Fixtures fixtures = new Fixtures(jdbc, administration);
        long province = fixtures.province("Tỉnh xuất dữ liệu");
        AccountView admin = fixtures.account(AccountType.SYSTEM_ADMIN, null);
        staff = fixtures.account(AccountType.USER, province);
        LocalDate today = LocalDate.now(clock);
        grants.grant(
                admin.principal(),
                new NewGrant(
                        staff.id(),
                        Role.ORG_STAFF,
                        province,
                        Set.of(Database.ORGANISATION_MEMBER),
                        Classification.CONFIDENTIAL,
                        today,
                        null,
                        "7/QĐ-TU",
                        null));
        factor = SecondFactor.enrol(mfa, clock, staff);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void onThePageTheExportAsksForAFreshCodeAndComesBackToTheDownload() throws Exception {
        MockHttpSession session = Fixtures.login(mvc, staff.identifier(), PASSWORD);
        mvc.perform(post("/login/otp").session(session).with(csrf()).param("code", code()));
        MvcResult fresh = mvc.perform(get("/members/export").session(session)).andReturn();
        assertThat(fresh.getResponse().getContentType()).isEqualTo(XLSX);

        clock.advance(Duration.ofMinutes(6));
        MvcResult stale = mvc.perform(
                        get("/members/export?q=nguyen&status=OFFICIAL").session(session))
                .andReturn();
        assertThat(stale.getResponse().getRedirectedUrl())
                .isEqualTo("/account/step-up?next=%2Fmembers%2Fexport%3Fq%3Dnguyen%26status%3DOFFICIAL");
        assertThat(stale.getResponse().getContentType()).isNotEqualTo(XLSX);

        MvcResult confirmed = mvc.perform(post("/account/step-up")
                        .session(session)
                        .with(csrf())
                        .param("code", code())
                        .param("next", "/members/export?q=nguyen&status=OFFICIAL"))
                .andReturn();
        assertThat(confirmed.getResponse().getRedirectedUrl()).isEqualTo("/members/export?q=nguyen&status=OFFICIAL");
        MvcResult again = mvc.perform(
                        get("/members/export?q=nguyen&status=OFFICIAL").session(session))
                .andReturn();
        assertThat(again.getResponse().getContentType()).isEqualTo(XLSX);
    }

    @Test
    void theApiExportTakesTheCodeInAHeaderOfTheRequestItself() throws Exception {
        MvcResult tokenReply = mvc.perform(post("/api/v1/auth/token")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"" + staff.identifier() + "\",\"password\":\"" + PASSWORD
                                + "\",\"otp\":\"" + code() + "\"}"))
                .andReturn();
        String token =
                com.jayway.jsonpath.JsonPath.read(tokenReply.getResponse().getContentAsString(), "$.token");

        MvcResult without = mvc.perform(get("/api/v1/members/export").header("Authorization", "Bearer " + token))
                .andReturn();
        assertThat(without.getResponse().getStatus()).isEqualTo(403);
        assertThat(Fixtures.code(without)).isEqualTo("auth.stepUpRequired");

        clock.advance(Duration.ofSeconds(Totp.STEP_SECONDS));
        MvcResult with = mvc.perform(get("/api/v1/members/export")
                        .header("Authorization", "Bearer " + token)
                        .header(StepUp.HEADER, code()))
                .andReturn();
        assertThat(with.getResponse().getStatus()).isEqualTo(200);
        assertThat(with.getResponse().getContentType()).isEqualTo(XLSX);
    }

    private String code() {
        return factor.code();
    }
}
