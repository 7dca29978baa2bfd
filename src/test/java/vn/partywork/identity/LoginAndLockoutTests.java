package vn.partywork.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static vn.partywork.identity.Fixtures.PASSWORD;
import static vn.partywork.identity.Fixtures.code;
import static vn.partywork.identity.Fixtures.requestToken;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.context.WebApplicationContext;
import vn.partywork.PartyworkTest;

/** P-ID-3 hardening: five failures lock the account; time or an administrator unlocks it. */
@PartyworkTest
class LoginAndLockoutTests {

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
    void fiveFailuresLockTheAccountEvenForTheRightPasswordUntilTheLockExpires() throws Exception {
        AccountView user = fixtures.account(AccountType.USER, fixtures.province("Tỉnh khóa tạm"));
        for (int i = 0; i < 4; i++) {
            MvcResult bad = requestToken(mvc, user.identifier(), "sai-mat-khau");
            assertThat(bad.getResponse().getStatus()).isEqualTo(401);
            assertThat(code(bad)).isEqualTo("auth.badCredentials");
        }
        // ASVS 5.0 6.3.8: the lock shows only as the same answer as a wrong password, even for the right one.
        MvcResult fifth = requestToken(mvc, user.identifier(), "sai-mat-khau");
        assertThat(fifth.getResponse().getStatus()).isEqualTo(401);
        assertThat(code(fifth)).isEqualTo("auth.badCredentials");
        MvcResult right = requestToken(mvc, user.identifier(), PASSWORD);
        assertThat(right.getResponse().getStatus()).isEqualTo(401);
        assertThat(code(right)).isEqualTo("auth.badCredentials");
        assertThat(Fixtures.message(right)).contains("tạm khóa");

        clock.advance(Duration.ofMinutes(14));
        assertThat(code(requestToken(mvc, user.identifier(), PASSWORD))).isEqualTo("auth.badCredentials");
        clock.advance(Duration.ofMinutes(2));
        assertThat(requestToken(mvc, user.identifier(), PASSWORD).getResponse().getStatus())
                .isEqualTo(200);

        long events = jdbc.sql("""
                SELECT count(*) FROM audit.event WHERE target_type = 'account' AND target_id = :id
                   AND action IN ('LOGIN_FAILED', 'LOCK', 'LOGIN')
                """)
                .param("id", String.valueOf(user.id()))
                .query(Long.class)
                .single();
        assertThat(events).isGreaterThanOrEqualTo(9);
    }

    @Test
    void failuresOutsideTheWindowDoNotAddUp() throws Exception {
        AccountView user = fixtures.account(AccountType.USER, fixtures.province("Tỉnh cửa sổ"));
        for (int i = 0; i < 4; i++) {
            requestToken(mvc, user.identifier(), "sai-mat-khau");
        }
        clock.advance(Duration.ofMinutes(16));
        assertThat(code(requestToken(mvc, user.identifier(), "sai-mat-khau"))).isEqualTo("auth.badCredentials");
        assertThat(requestToken(mvc, user.identifier(), PASSWORD).getResponse().getStatus())
                .isEqualTo(200);
    }

    @Test
    void anAdministratorUnlocksALockedAccount() throws Exception {
        AccountView admin = fixtures.account(AccountType.SYSTEM_ADMIN, null);
        AccountView user = fixtures.account(AccountType.USER, fixtures.province("Tỉnh mở khóa"));
        for (int i = 0; i < 5; i++) {
            requestToken(mvc, user.identifier(), "sai-mat-khau");
        }
        assertThat(code(requestToken(mvc, user.identifier(), PASSWORD))).isEqualTo("auth.badCredentials");

        String adminToken = Fixtures.token(mvc, admin.identifier(), PASSWORD);
        MvcResult unlocked = mvc.perform(post("/api/v1/admin/accounts/{id}/unlock", user.id())
                        .header("Authorization", "Bearer " + adminToken))
                .andReturn();
        assertThat(unlocked.getResponse().getStatus()).isEqualTo(200);

        assertThat(requestToken(mvc, user.identifier(), PASSWORD).getResponse().getStatus())
                .isEqualTo(200);
        assertThat(jdbc.sql("SELECT count(*) FROM audit.event WHERE action = 'UNLOCK' AND target_id = :id")
                        .param("id", String.valueOf(user.id()))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void theLoginPageAnswersALockedAccountLikeAWrongPassword() throws Exception {
        AccountView user = fixtures.account(AccountType.USER, fixtures.province("Tỉnh trang đăng nhập"));
        for (int i = 0; i < 5; i++) {
            requestToken(mvc, user.identifier(), "sai-mat-khau");
        }
        MvcResult login = mvc.perform(post("/login")
                        .with(SecurityMockMvcRequestPostProcessors.csrf())
                        .param("username", user.identifier())
                        .param("password", PASSWORD))
                .andReturn();
        assertThat(login.getResponse().getRedirectedUrl()).isEqualTo("/login?error=bad");
        String page = mvc.perform(get("/login").param("error", "bad"))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("hoặc tài khoản đang tạm khóa");
    }

    @Test
    void wrongPasswordAndDeactivatedAccountsAreRefusedWithTheirOwnCodes() throws Exception {
        AccountView admin = fixtures.account(AccountType.SYSTEM_ADMIN, null);
        AccountView user = fixtures.account(AccountType.USER, fixtures.province("Tỉnh vô hiệu"));
        MvcResult unknown = requestToken(mvc, Fixtures.unique("khong.ton.tai"), PASSWORD);
        assertThat(code(unknown)).isEqualTo("auth.badCredentials");

        administration.deactivate(admin.principal(), user.id(), null);
        MvcResult disabled = requestToken(mvc, user.identifier(), PASSWORD);
        assertThat(disabled.getResponse().getStatus()).isEqualTo(403);
        assertThat(code(disabled)).isEqualTo("auth.disabled");
        MvcResult form = mvc.perform(post("/login")
                        .with(SecurityMockMvcRequestPostProcessors.csrf())
                        .param("username", user.identifier())
                        .param("password", PASSWORD))
                .andReturn();
        assertThat(form.getResponse().getRedirectedUrl()).isEqualTo("/login?error=disabled");

        administration.reactivate(admin.principal(), user.id(), null);
        assertThat(requestToken(mvc, user.identifier(), PASSWORD).getResponse().getStatus())
                .isEqualTo(200);
    }

    @Test
    void aWeakerArgon2HashIsUpgradedAtTheNextLogin() throws Exception {
        AccountView user = fixtures.account(AccountType.USER, fixtures.province("Tỉnh nâng cấp băm"));
        String weak = "{argon2}"
                + new org.springframework.security.crypto.argon2.Argon2PasswordEncoder(16, 32, 1, 4096, 1)
                        .encode(PASSWORD);
        jdbc.sql("UPDATE identity.account SET password_hash = :hash WHERE id = :id")
                .param("hash", weak)
                .param("id", user.id())
                .update();
        assertThat(requestToken(mvc, user.identifier(), PASSWORD).getResponse().getStatus())
                .isEqualTo(200);
        String stored = jdbc.sql("SELECT password_hash FROM identity.account WHERE id = :id")
                .param("id", user.id())
                .query(String.class)
                .single();
        assertThat(stored).startsWith("{argon2}$argon2id$").isNotEqualTo(weak).contains("m=16384");
        assertThat(requestToken(mvc, user.identifier(), PASSWORD).getResponse().getStatus())
                .isEqualTo(200);
    }
}
