package vn.partywork.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static vn.partywork.identity.Fixtures.PASSWORD;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.context.WebApplicationContext;
import vn.partywork.PartyworkTest;
import vn.partywork.access.Grants;
import vn.partywork.access.NewGrant;
import vn.partywork.access.Role;
import vn.partywork.identity.internal.Totp;
import vn.partywork.shared.Classification;
import vn.partywork.shared.Database;

/**
 * P-ID-4 with {@code partywork.identity.mfa.enforced=true}, the production default: an account
 * that must have a second factor is sent to enrol before anything else. Its own context (the rest
 * of the suite runs with enforcement off, because the shared demo accounts hold Mật grants).
 */
@PartyworkTest
@TestPropertySource(properties = "partywork.identity.mfa.enforced=true")
class MandatoryEnrolmentTests {

    private static final Pattern SECRET = Pattern.compile("id=\"mfa-secret\"[^>]*>([A-Z2-7 ]+)<");
    private static final Pattern RECOVERY = Pattern.compile("<li>([a-z2-9]{5}-[a-z2-9]{5})</li>");

    @Autowired
    WebApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccountAdministration administration;

    @Autowired
    Grants grants;

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
    void anAccountWithAConfidentialGrantEnrolsBeforeAnythingElseThenIsAskedForTheCode() throws Exception {
        AccountView user = granted(Classification.CONFIDENTIAL);
        MockHttpSession session = Fixtures.login(mvc, user.identifier(), PASSWORD);
        for (String page : List.of("/", "/orgs", "/account/password")) {
            assertThat(mvc.perform(get(page).session(session))
                            .andReturn()
                            .getResponse()
                            .getRedirectedUrl())
                    .as(page)
                    .isEqualTo("/account/mfa");
        }
        String enrolPage = body(mvc.perform(get("/account/mfa").session(session))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(enrolPage)
                .contains("phải bật xác thực hai lớp")
                .contains("otpauth://totp/partywork:" + user.identifier() + "?secret=");
        Matcher m = SECRET.matcher(enrolPage);
        assertThat(m.find()).as(enrolPage).isTrue();
        byte[] secret = Totp.fromBase32(m.group(1));
        // The same secret until it is confirmed, so that a reload does not invalidate the scanned one.
        assertThat(mvc.perform(get("/account/mfa").session(session))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8))
                .contains(m.group(1));

        String now = Totp.code(secret, Totp.step(clock.instant()));
        String wrong = now.equals("000000") ? "111111" : "000000";
        String refused = mvc.perform(
                        post("/account/mfa").session(session).with(csrf()).param("code", wrong))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("Mã xác thực không khớp");

        String confirmed = mvc.perform(
                        post("/account/mfa").session(session).with(csrf()).param("code", now))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        Matcher codes = RECOVERY.matcher(confirmed);
        int count = 0;
        while (codes.find()) {
            count++;
        }
        assertThat(count).as(confirmed).isEqualTo(10);
        assertThat(mvc.perform(get("/orgs").session(session))
                        .andReturn()
                        .getResponse()
                        .getRedirectedUrl())
                .isNotEqualTo("/account/mfa");

        clock.advance(Duration.ofSeconds(Totp.STEP_SECONDS));
        MockHttpSession next = Fixtures.login(mvc, user.identifier(), PASSWORD);
        assertThat(mvc.perform(get("/").session(next)).andReturn().getResponse().getRedirectedUrl())
                .isEqualTo("/login/otp");
        assertThat(mvc.perform(post("/login/otp")
                                .session(next)
                                .with(csrf())
                                .param("code", Totp.code(secret, Totp.step(clock.instant()))))
                        .andReturn()
                        .getResponse()
                        .getRedirectedUrl())
                .isEqualTo("/");
        assertThat(mvc.perform(get("/account/mfa").session(next))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
    }

    @Test
    void anAccountWithOnlyUnclassifiedOrdinaryGrantsIsNotSentToEnrol() throws Exception {
        AccountView user = granted(Classification.UNCLASSIFIED);
        MockHttpSession session = Fixtures.login(mvc, user.identifier(), PASSWORD);
        assertThat(mvc.perform(get("/account/password").session(session))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
        assertThat(Fixtures.requestToken(mvc, user.identifier(), PASSWORD)
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
    }

    @Test
    void theApiGivesNoTokenToAnAccountThatMustEnrolFirst() throws Exception {
        AccountView user = granted(Classification.SECRET);
        MvcResult refused = Fixtures.requestToken(mvc, user.identifier(), PASSWORD);
        assertThat(refused.getResponse().getStatus()).isEqualTo(403);
        assertThat(Fixtures.code(refused)).isEqualTo("auth.mfaEnrolmentRequired");
    }

    private AccountView granted(Classification ceiling) {
        long org = fixtures.province("Tỉnh đăng ký hai lớp");
        AccountView account = fixtures.account(AccountType.USER, org);
        grants.grantForSeeding(new NewGrant(
                account.id(),
                Role.ORG_STAFF,
                org,
                Set.of(Database.ORGANISATION_MEMBER),
                ceiling,
                null,
                null,
                null,
                null));
        return account;
    }

    private static String body(String html) {
        return html.replace("&amp;", "&");
    }
}
