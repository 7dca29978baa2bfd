package vn.partywork.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static vn.partywork.identity.Fixtures.PASSWORD;
import static vn.partywork.identity.Fixtures.code;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
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
import vn.partywork.identity.internal.MultiFactorService;
import vn.partywork.identity.internal.MultiFactorService.NewSecret;
import vn.partywork.identity.internal.Totp;
import vn.partywork.shared.Classification;
import vn.partywork.shared.Database;

/** P-ID-4: TOTP as the second factor of page logins and API tokens; recovery codes; reset. */
@PartyworkTest
class MultiFactorTests {

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
    Fixtures fixtures;
    AccountView user;
    byte[] secret;
    List<String> recoveryCodes;

    @BeforeEach
    void enrolAUser() {
        // A TOTP step boundary passing mid-test would shift which codes are "earlier" (flaky before).
        clock.freezeAt(Instant.ofEpochSecond(Totp.step(Instant.now()) * Totp.STEP_SECONDS + 1));
        mvc = Fixtures.mvc(context);
        fixtures = new Fixtures(jdbc, administration);
        user = fixtures.account(AccountType.USER, fixtures.province("Tỉnh hai lớp"));
        NewSecret newSecret = mfa.newSecret(user.principal());
        secret = Totp.fromBase32(newSecret.secret());
        recoveryCodes = mfa.enrol(user.principal(), newSecret.secret(), totp(0));
        // The enrolment used the current step; the tests start with the next one.
        clock.advance(Duration.ofSeconds(Totp.STEP_SECONDS));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void thePasswordAloneOpensOnlyTheCodePageAndTheRightCodeCompletesTheLogin() throws Exception {
        MockHttpSession session = Fixtures.login(mvc, user.identifier(), PASSWORD);
        for (String page : List.of("/", "/account/password", "/account/mfa", "/orgs")) {
            assertThat(mvc.perform(get(page).session(session))
                            .andReturn()
                            .getResponse()
                            .getRedirectedUrl())
                    .as(page)
                    .isEqualTo("/login/otp");
        }
        String codePage = mvc.perform(get("/login/otp").session(session))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(codePage).contains("Nhập mã xác thực");

        MvcResult entered = mvc.perform(
                        post("/login/otp").session(session).with(csrf()).param("code", totp(0)))
                .andReturn();
        assertThat(entered.getResponse().getRedirectedUrl()).isEqualTo("/");
        MvcResult mfaPage = mvc.perform(get("/account/mfa").session(session)).andReturn();
        assertThat(mfaPage.getResponse().getStatus()).isEqualTo(200);
        assertThat(mfaPage.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("Tài khoản đã bật xác thực hai lớp")
                .contains("10");
        assertThat(auditCount("LOGIN", "channel", "web")).isEqualTo(1);
    }

    @Test
    void aPendingPasswordChangeComesAfterTheCode() throws Exception {
        jdbc.sql("UPDATE identity.account SET must_change_password = true WHERE id = :id")
                .param("id", user.id())
                .update();
        MockHttpSession session = Fixtures.login(mvc, user.identifier(), PASSWORD);
        assertThat(mvc.perform(get("/account/password").session(session))
                        .andReturn()
                        .getResponse()
                        .getRedirectedUrl())
                .isEqualTo("/login/otp");
        mvc.perform(post("/login/otp").session(session).with(csrf()).param("code", totp(0)));
        assertThat(mvc.perform(get("/orgs").session(session))
                        .andReturn()
                        .getResponse()
                        .getRedirectedUrl())
                .isEqualTo("/account/password");
    }

    @Test
    void aWrongCodeOnThePageIsRefusedCountedAndKeepsTheSessionWaiting() throws Exception {
        MockHttpSession session = Fixtures.login(mvc, user.identifier(), PASSWORD);
        MvcResult wrong = mvc.perform(
                        post("/login/otp").session(session).with(csrf()).param("code", wrong()))
                .andReturn();
        assertThat(wrong.getResponse().getRedirectedUrl()).isEqualTo("/login/otp?error");
        assertThat(mvc.perform(get("/").session(session))
                        .andReturn()
                        .getResponse()
                        .getRedirectedUrl())
                .isEqualTo("/login/otp");
        assertThat(failures()).isEqualTo(1);
        assertThat(auditCount("LOGIN_FAILED", "reason", "otpInvalid")).isEqualTo(1);
    }

    @Test
    void missingAndWrongCodesCountTowardTheLockOutEvenWithTheRightPassword() throws Exception {
        MvcResult missing = token(null);
        assertThat(missing.getResponse().getStatus()).isEqualTo(401);
        assertThat(code(missing)).isEqualTo("auth.otpRequired");
        for (int i = 0; i < 3; i++) {
            MvcResult bad = token(wrong());
            assertThat(bad.getResponse().getStatus()).isEqualTo(401);
            assertThat(code(bad)).isEqualTo("auth.otpInvalid");
        }
        MvcResult fifth = token(wrong());
        assertThat(fifth.getResponse().getStatus()).isEqualTo(403);
        assertThat(code(fifth)).isEqualTo("auth.locked");
        assertThat(code(token(totp(0)))).isEqualTo("auth.locked");
        assertThat(auditCount("LOGIN_FAILED", "reason", "otpMissing")).isEqualTo(1);
        assertThat(auditCount("LOCK", "reason", "failedLogins")).isEqualTo(1);
    }

    @Test
    void theRightCodeGivesATokenAndClearsTheFailures() throws Exception {
        token(wrong());
        assertThat(failures()).isEqualTo(1);
        assertThat(token(totp(0)).getResponse().getStatus()).isEqualTo(200);
        assertThat(failures()).isZero();
    }

    @Test
    void aCodeIsAcceptedOnceAndNoEarlierCodeAfterIt() throws Exception {
        assertThat(token(totp(0)).getResponse().getStatus()).isEqualTo(200);
        MvcResult replay = token(totp(0));
        assertThat(replay.getResponse().getStatus()).isEqualTo(401);
        assertThat(code(replay)).isEqualTo("auth.otpInvalid");
        assertThat(auditCount("LOGIN_FAILED", "reason", "otpReplayed")).isEqualTo(1);
        // One step of drift either way is accepted, but never a step before one already used.
        assertThat(code(token(totp(-1)))).isEqualTo("auth.otpInvalid");
        assertThat(token(totp(1)).getResponse().getStatus()).isEqualTo(200);
        assertThat(code(token(totp(2)))).isEqualTo("auth.otpInvalid");
    }

    @Test
    void aRecoveryCodeWorksOnceInsteadOfACode() throws Exception {
        String recovery = recoveryCodes.get(3);
        assertThat(recoveryCodes).hasSize(10).doesNotHaveDuplicates();
        assertThat(token(recovery.toUpperCase()).getResponse().getStatus()).isEqualTo(200);
        MvcResult again = token(recovery);
        assertThat(again.getResponse().getStatus()).isEqualTo(401);
        assertThat(code(again)).isEqualTo("auth.otpInvalid");
        assertThat(mfa.recoveryCodesLeft(user.id())).isEqualTo(9);
        assertThat(auditCount("UPDATE", "event", "mfaRecoveryCodeUsed")).isEqualTo(1);

        MockHttpSession session = Fixtures.login(mvc, user.identifier(), PASSWORD);
        MvcResult page = mvc.perform(
                        post("/login/otp").session(session).with(csrf()).param("code", recoveryCodes.get(4)))
                .andReturn();
        assertThat(page.getResponse().getRedirectedUrl()).isEqualTo("/");
    }

    @Test
    void theApiPasswordChangeOfAnEnrolledAccountNeedsTheCodeToo() throws Exception {
        String without = "{\"username\":\"" + user.identifier() + "\",\"currentPassword\":\"" + PASSWORD
                + "\",\"newPassword\":\"Mat-Khau#Moi2026\"";
        MvcResult refused = mvc.perform(post("/api/v1/auth/password")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(without + "}"))
                .andReturn();
        assertThat(refused.getResponse().getStatus()).isEqualTo(401);
        assertThat(code(refused)).isEqualTo("auth.otpRequired");
        assertThat(failures()).isEqualTo(1);
        MvcResult changed = mvc.perform(post("/api/v1/auth/password")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(without + ",\"otp\":\"" + totp(0) + "\"}"))
                .andReturn();
        assertThat(changed.getResponse().getStatus()).isEqualTo(204);
    }

    @Test
    void anAccountWithoutMfaNeedsNoCode() throws Exception {
        AccountView plain = fixtures.account(AccountType.USER, fixtures.province("Tỉnh một lớp"));
        assertThat(Fixtures.requestToken(mvc, plain.identifier(), PASSWORD)
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
    }

    @Test
    void theSecretIsStoredEncrypted() {
        byte[] stored = jdbc.sql("SELECT secret FROM identity.mfa WHERE account_id = :id")
                .param("id", user.id())
                .query(byte[].class)
                .single();
        assertThat(stored).hasSizeGreaterThan(secret.length + 16);
        assertThat(new String(stored, StandardCharsets.ISO_8859_1))
                .doesNotContain(new String(secret, StandardCharsets.ISO_8859_1));
        List<String> hashes = jdbc.sql("SELECT code_hash FROM identity.mfa_recovery_code WHERE account_id = :id")
                .param("id", user.id())
                .query(String.class)
                .list();
        assertThat(hashes).hasSize(10).allMatch(h -> h.startsWith("{argon2}"));
        assertThat(auditCount("UPDATE", "event", "mfaEnrolled")).isEqualTo(1);
    }

    @Test
    void anAdministratorResetsTheSecondFactorThroughTheApiAndTheAccountPage() throws Exception {
        AccountView admin = fixtures.account(AccountType.SYSTEM_ADMIN, null);
        String adminToken = Fixtures.token(mvc, admin.identifier(), PASSWORD);
        MvcResult reset = mvc.perform(post("/api/v1/admin/accounts/{id}/reset-mfa", user.id())
                        .header("Authorization", "Bearer " + adminToken))
                .andReturn();
        assertThat(reset.getResponse().getStatus()).isEqualTo(200);
        assertThat(mfa.enrolled(user.id())).isFalse();
        assertThat(token(null).getResponse().getStatus()).isEqualTo(200);
        assertThat(auditCount("UPDATE", "event", "mfaReset")).isEqualTo(1);
        MvcResult twice = mvc.perform(post("/api/v1/admin/accounts/{id}/reset-mfa", user.id())
                        .header("Authorization", "Bearer " + adminToken))
                .andReturn();
        assertThat(twice.getResponse().getStatus()).isEqualTo(409);
        assertThat(code(twice)).isEqualTo("identity.mfa.notEnrolled");

        NewSecret again = mfa.newSecret(user.principal());
        secret = Totp.fromBase32(again.secret());
        mfa.enrol(user.principal(), again.secret(), totp(0));
        MockHttpSession adminSession = Fixtures.login(mvc, admin.identifier(), PASSWORD);
        String detail = mvc.perform(get("/admin/accounts/{id}", user.id()).session(adminSession))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(detail).contains("Đã bật").contains("/reset-mfa");
        MvcResult pageReset = mvc.perform(post("/admin/accounts/{id}/reset-mfa", user.id())
                        .session(adminSession)
                        .with(csrf()))
                .andReturn();
        assertThat(pageReset.getResponse().getRedirectedUrl()).isEqualTo("/admin/accounts/" + user.id());
        assertThat(mfa.enrolled(user.id())).isFalse();
        assertThat(auditCount("UPDATE", "event", "mfaReset")).isEqualTo(2);
    }

    @Test
    void mfaIsMandatoryForAdministratorsAuditorsAndClassifiedOrSensitiveGrants() {
        long province = fixtures.province("Tỉnh bắt buộc");
        assertThat(mfa.mandatory(
                        fixtures.account(AccountType.ORG_ADMIN, province).principal()))
                .isTrue();
        assertThat(mfa.mandatory(
                        fixtures.account(AccountType.SYSTEM_ADMIN, null).principal()))
                .isTrue();
        assertThat(mfa.mandatory(
                        granted(province, Role.VIEWER, Database.ORGANISATION_MEMBER, Classification.UNCLASSIFIED)))
                .isFalse();
        assertThat(mfa.mandatory(
                        granted(province, Role.VIEWER, Database.ORGANISATION_MEMBER, Classification.CONFIDENTIAL)))
                .isTrue();
        assertThat(mfa.mandatory(granted(province, Role.VIEWER, Database.HEALTH, Classification.UNCLASSIFIED)))
                .isTrue();
        assertThat(mfa.mandatory(
                        granted(province, Role.VIEWER, Database.POLITICAL_PROTECTION, Classification.UNCLASSIFIED)))
                .isTrue();
        assertThat(mfa.mandatory(granted(province, Role.AUDITOR, Database.TRAINING, Classification.UNCLASSIFIED)))
                .isTrue();
        // This suite runs with partywork.identity.mfa.enforced=false (the demo accounts): nothing is pending.
        assertThat(mfa.enrolmentPending(
                        granted(province, Role.VIEWER, Database.ORGANISATION_MEMBER, Classification.CONFIDENTIAL)))
                .isFalse();
    }

    private AccountPrincipal granted(long org, Role role, Database database, Classification ceiling) {
        AccountView account = fixtures.account(AccountType.USER, org);
        grants.grantForSeeding(
                new NewGrant(account.id(), role, org, Set.of(database), ceiling, null, null, null, null));
        return account.principal();
    }

    private String totp(int steps) {
        return Totp.code(secret, Totp.step(clock.instant()) + steps);
    }

    /** A code that is none of the three accepted steps'. */
    private String wrong() {
        long now = Totp.step(clock.instant());
        for (int candidate = 0; ; candidate++) {
            String code = String.format("%06d", candidate);
            if (!code.equals(Totp.code(secret, now - 1))
                    && !code.equals(Totp.code(secret, now))
                    && !code.equals(Totp.code(secret, now + 1))) {
                return code;
            }
        }
    }

    private MvcResult token(@Nullable String otp) throws Exception {
        String body = "{\"username\":\"" + user.identifier() + "\",\"password\":\"" + PASSWORD + "\""
                + (otp == null ? "" : ",\"otp\":\"" + otp + "\"") + "}";
        return mvc.perform(post("/api/v1/auth/token")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andReturn();
    }

    private int failures() {
        return jdbc.sql("SELECT failed_logins FROM identity.account WHERE id = :id")
                .param("id", user.id())
                .query(Integer.class)
                .single();
    }

    private long auditCount(String action, String key, String value) {
        return jdbc.sql("""
                SELECT count(*) FROM audit.event
                 WHERE target_type = 'account' AND target_id = :id AND action = :action AND details ->> :key = :value
                """)
                .param("id", String.valueOf(user.id()))
                .param("action", action)
                .param("key", key)
                .param("value", value)
                .query(Long.class)
                .single();
    }
}
