package vn.partywork.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static vn.partywork.identity.Fixtures.PASSWORD;
import static vn.partywork.identity.Fixtures.code;
import static vn.partywork.identity.Fixtures.requestToken;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.context.WebApplicationContext;
import vn.partywork.PartyworkTest;
import vn.partywork.identity.CountingPasswordEncoderConfiguration.RecordingPasswordEncoder;
import vn.partywork.identity.CountingPasswordEncoderConfiguration.RecordingPasswordEncoder.Comparison;

/**
 * OWASP ASVS 5.0 authentication details (issue 6 item 8): what a refused login tells, the lifetime
 * of default passwords, a new password ending the other sessions, the absolute session timeout.
 */
@PartyworkTest
class AuthenticationAnswersTests {

    private static final String WRONG = "Sai@MatKhau-2026";

    @Autowired
    WebApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccountAdministration administration;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    MutableClock clock;

    MockMvc mvc;
    Fixtures fixtures;
    RecordingPasswordEncoder recording;

    @BeforeEach
    void setUp() {
        mvc = Fixtures.mvc(context);
        fixtures = new Fixtures(jdbc, administration);
        recording = (RecordingPasswordEncoder) encoder;
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /**
     * ASVS 5.0 6.3.8: an unknown identifier, a wrong password and a locked account (even with the
     * right password) get the same status, code and message, and each hashes the given password, so
     * that the time taken does not tell them apart either.
     */
    @Test
    void unknownAccountWrongPasswordAndLockedAccountGetTheSameAnswerAndEachHashesThePassword() throws Exception {
        long province = fixtures.province("Tỉnh trả lời như nhau");
        AccountView admin = fixtures.account(AccountType.SYSTEM_ADMIN, null);
        AccountView user = fixtures.account(AccountType.USER, province);
        AccountView locked = fixtures.account(AccountType.USER, province);
        administration.lock(admin.principal(), locked.id(), null);
        String unknownId = Fixtures.unique("khong.co");

        recording.drain();
        MvcResult unknown = requestToken(mvc, unknownId, WRONG);
        List<Comparison> unknownHashes = recording.drain();
        MvcResult wrong = requestToken(mvc, user.identifier(), WRONG);
        List<Comparison> wrongHashes = recording.drain();
        MvcResult lockedRight = requestToken(mvc, locked.identifier(), PASSWORD);
        List<Comparison> lockedHashes = recording.drain();

        for (MvcResult answer : List.of(unknown, wrong, lockedRight)) {
            assertThat(answer.getResponse().getStatus()).isEqualTo(401);
            assertThat(code(answer)).isEqualTo("auth.badCredentials");
            assertThat(Fixtures.message(answer)).isEqualTo(Fixtures.message(unknown));
        }
        assertThat(unknownHashes).singleElement().satisfies(c -> {
            assertThat(c.rawPassword()).isEqualTo(WRONG);
            assertThat(c.encodedPassword()).startsWith("{argon2}").isNotIn(storedHash(user), storedHash(locked));
        });
        assertThat(wrongHashes).containsExactly(new Comparison(WRONG, storedHash(user)));
        assertThat(lockedHashes).containsExactly(new Comparison(PASSWORD, storedHash(locked)));

        // The login form answers the three alike too.
        for (String[] attempt :
                List.of(new String[] {unknownId, WRONG}, new String[] {user.identifier(), WRONG}, new String[] {
                    locked.identifier(), PASSWORD
                })) {
            MvcResult form = mvc.perform(post("/login")
                            .with(csrf())
                            .param("username", attempt[0])
                            .param("password", attempt[1]))
                    .andReturn();
            assertThat(form.getResponse().getRedirectedUrl()).as(attempt[0]).isEqualTo("/login?error=bad");
            assertThat(recording.drain()).as(attempt[0]).hasSize(1);
        }
    }

    /** ASVS 5.0 6.4.1: a default password works for 72 hours; after that it must be issued again. */
    @Test
    void aDefaultPasswordExpiresAfterSeventyTwoHoursAndAResetIssuesAFreshOne() throws Exception {
        AccountView admin = fixtures.account(AccountType.SYSTEM_ADMIN, null);
        IssuedPassword issued = administration.create(
                admin.principal(),
                new NewAccount(
                        Fixtures.unique("het.han"),
                        "Lê Văn Hết Hạn",
                        AccountType.USER,
                        fixtures.province("Tỉnh mật khẩu hết hạn"),
                        null,
                        "Lê Văn Hết Hạn",
                        null));
        String identifier = issued.account().identifier();

        clock.advance(Duration.ofHours(71));
        assertThat(code(requestToken(mvc, identifier, issued.defaultPassword())))
                .isEqualTo("auth.passwordChangeRequired");
        clock.advance(Duration.ofHours(1));
        MvcResult expired = requestToken(mvc, identifier, issued.defaultPassword());
        assertThat(expired.getResponse().getStatus()).isEqualTo(403);
        assertThat(code(expired)).isEqualTo("auth.initialPasswordExpired");
        assertThat(Fixtures.message(expired)).contains("Mật khẩu mặc định đã hết hạn");
        MvcResult form = mvc.perform(post("/login")
                        .with(csrf())
                        .param("username", identifier)
                        .param("password", issued.defaultPassword()))
                .andReturn();
        assertThat(form.getResponse().getRedirectedUrl()).isEqualTo("/login?error=initialPasswordExpired");
        assertThat(mvc.perform(get("/login").param("error", "initialPasswordExpired"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8))
                .contains("Mật khẩu mặc định đã hết hạn");

        IssuedPassword reset =
                administration.resetPassword(admin.principal(), issued.account().id(), null);
        assertThat(code(requestToken(mvc, identifier, reset.defaultPassword())))
                .isEqualTo("auth.passwordChangeRequired");
    }

    /** ASVS 5.0 7.4.3: a new password ends every other session; the one that changed it goes on. */
    @Test
    void aPasswordChangeEndsTheOtherSessionsAndTokens() throws Exception {
        AccountView user = fixtures.account(AccountType.USER, fixtures.province("Tỉnh đổi mật khẩu"));
        MockHttpSession here = Fixtures.login(mvc, user.identifier(), PASSWORD);
        MockHttpSession elsewhere = Fixtures.login(mvc, user.identifier(), PASSWORD);
        String token = Fixtures.token(mvc, user.identifier(), PASSWORD);
        assertThat(status(get("/account/password"), here)).isEqualTo(200);
        assertThat(status(get("/account/password"), elsewhere)).isEqualTo(200);

        String next = "Moi@MatKhau-2027";
        MvcResult changed = mvc.perform(post("/account/password")
                        .session(here)
                        .with(csrf())
                        .param("currentPassword", PASSWORD)
                        .param("newPassword", next)
                        .param("confirmPassword", next))
                .andReturn();
        assertThat(changed.getResponse().getRedirectedUrl()).isEqualTo("/");

        assertThat(status(get("/account/password"), here)).isEqualTo(200);
        MvcResult ended =
                mvc.perform(get("/account/password").session(elsewhere)).andReturn();
        assertThat(ended.getResponse().getRedirectedUrl()).isEqualTo("/login?error=passwordChanged");
        assertThat(mvc.perform(get("/login").param("error", "passwordChanged"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8))
                .contains("phiên làm việc này đã kết thúc");
        assertThat(mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(401);
    }

    /** An administrator's reset ends the holder's live sessions too (the old password may be known). */
    @Test
    void anAdministratorsPasswordResetEndsTheHoldersSessions() throws Exception {
        AccountView admin = fixtures.account(AccountType.SYSTEM_ADMIN, null);
        AccountView user = fixtures.account(AccountType.USER, fixtures.province("Tỉnh cấp lại mật khẩu"));
        MockHttpSession session = Fixtures.login(mvc, user.identifier(), PASSWORD);
        assertThat(status(get("/account/password"), session)).isEqualTo(200);
        administration.resetPassword(admin.principal(), user.id(), null);
        assertThat(mvc.perform(get("/account/password").session(session))
                        .andReturn()
                        .getResponse()
                        .getRedirectedUrl())
                .isEqualTo("/login?error=passwordChanged");
    }

    /** ASVS 5.0 7.3.2: a session ends 12 hours after its sign-in, however busy it was. */
    @Test
    void aSessionEndsTwelveHoursAfterItsSignInHoweverActive() throws Exception {
        AccountView user = fixtures.account(AccountType.USER, fixtures.province("Tỉnh phiên tuyệt đối"));
        MockHttpSession session = Fixtures.login(mvc, user.identifier(), PASSWORD);
        for (int hour = 0; hour < 11; hour++) {
            assertThat(status(get("/account/password"), session)).isEqualTo(200);
            clock.advance(Duration.ofHours(1));
        }
        clock.advance(Duration.ofMinutes(59));
        assertThat(status(get("/account/password"), session)).isEqualTo(200);
        clock.advance(Duration.ofMinutes(1));
        assertThat(mvc.perform(get("/account/password").session(session))
                        .andReturn()
                        .getResponse()
                        .getRedirectedUrl())
                .isEqualTo("/login?expired");
    }

    private int status(
            org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, MockHttpSession session)
            throws Exception {
        return mvc.perform(request.session(session)).andReturn().getResponse().getStatus();
    }

    private String storedHash(AccountView account) {
        return jdbc.sql("SELECT password_hash FROM identity.account WHERE id = :id")
                .param("id", account.id())
                .query(String.class)
                .single();
    }
}
