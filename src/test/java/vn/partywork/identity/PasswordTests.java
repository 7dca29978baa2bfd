package vn.partywork.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static vn.partywork.identity.Fixtures.PASSWORD;
import static vn.partywork.identity.Fixtures.code;
import static vn.partywork.identity.Fixtures.requestToken;

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
import vn.partywork.identity.internal.PasswordPolicy;
import vn.partywork.shared.DomainException;

/** P-ID-3: default passwords, the forced change and the password policy. */
@PartyworkTest
class PasswordTests {

    @Autowired
    WebApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccountAdministration administration;

    @Autowired
    PasswordPolicy policy;

    MockMvc mvc;
    Fixtures fixtures;
    AccountView admin;

    @BeforeEach
    void setUp() {
        mvc = Fixtures.mvc(context);
        fixtures = new Fixtures(jdbc, administration);
        admin = fixtures.account(AccountType.SYSTEM_ADMIN, null);
    }

    @Test
    void eachPolicyRuleHasItsOwnMessage() {
        assertWeak("Ab1!", "quá ngắn", "ít nhất 10 ký tự");
        assertWeak("abcdefgh1!xy", "không có chữ hoa", "chữ hoa");
        assertWeak("ABCDEFGH1!XY", "không có chữ thường", "chữ thường");
        assertWeak("Abcdefghi!xy", "không có chữ số", "chữ số");
        assertWeak("Abcdefghi1xy", "không có ký tự đặc biệt", "ký tự đặc biệt");
        assertWeak("Xx1!nguyen.van.a", "chứa mã định danh", "mã định danh");
        assertThat(policy.violations("Tot-Lam#2026", "nguyen.van.a")).isEmpty();
        assertThat(policy.violations("abc", "x")).containsExactly("minLength", "upper", "digit", "symbol");
    }

    private void assertWeak(String password, String why, String expected) {
        assertThatThrownBy(() -> policy.check(password, "nguyen.van.a"))
                .as(why)
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo("identity.password.weak");
                    assertThat(String.valueOf(e.args()[0])).contains(expected);
                });
    }

    @Test
    void aNewAccountGetsNoTokenUntilItsDefaultPasswordIsChanged() throws Exception {
        IssuedPassword issued = administration.create(
                admin.principal(),
                new NewAccount(
                        Fixtures.unique("moi"),
                        "Trần Thị Mới",
                        AccountType.USER,
                        fixtures.province("Tỉnh tài khoản mới"),
                        null,
                        "Trần Thị Mới",
                        "12/QĐ"));
        String identifier = issued.account().identifier();
        String defaultPassword = issued.defaultPassword();
        assertThat(policy.violations(defaultPassword, identifier)).isEmpty();
        assertThat(issued.account().mustChangePassword()).isTrue();

        MvcResult refused = requestToken(mvc, identifier, defaultPassword);
        assertThat(refused.getResponse().getStatus()).isEqualTo(403);
        assertThat(code(refused)).isEqualTo("auth.passwordChangeRequired");

        MvcResult weak = changeByApi(identifier, defaultPassword, "ngan");
        assertThat(weak.getResponse().getStatus()).isEqualTo(400);
        assertThat(code(weak)).isEqualTo("identity.password.weak");
        assertThat(Fixtures.message(weak))
                .contains("ít nhất 10 ký tự")
                .contains("chữ hoa")
                .contains("chữ số");

        MvcResult same = changeByApi(identifier, defaultPassword, defaultPassword);
        assertThat(code(same)).isEqualTo("identity.password.sameAsCurrent");

        MvcResult wrongCurrent = changeByApi(identifier, "khong-dung", "Mat-Khau#Moi2026");
        assertThat(code(wrongCurrent)).isEqualTo("auth.badCredentials");

        assertThat(changeByApi(identifier, defaultPassword, "Mat-Khau#Moi2026")
                        .getResponse()
                        .getStatus())
                .isEqualTo(204);
        String token = Fixtures.token(mvc, identifier, "Mat-Khau#Moi2026");
        MvcResult me = mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
                .andReturn();
        assertThat(me.getResponse().getStatus()).isEqualTo(200);
    }

    private MvcResult changeByApi(String identifier, String current, String next) throws Exception {
        return mvc.perform(post("/api/v1/auth/password")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"%s\",\"currentPassword\":\"%s\",\"newPassword\":\"%s\"}"
                                .formatted(identifier, current, next)))
                .andReturn();
    }

    @Test
    void theUiSendsEveryPageToThePasswordChangeUntilItIsDone() throws Exception {
        AccountView orgAdmin = fixtures.account(AccountType.ORG_ADMIN, fixtures.province("Tỉnh đổi mật khẩu"));
        IssuedPassword reset = administration.resetPassword(admin.principal(), orgAdmin.id(), null);
        MockHttpSession session = Fixtures.login(mvc, orgAdmin.identifier(), reset.defaultPassword());

        MvcResult page = mvc.perform(get("/admin/accounts").session(session)).andReturn();
        assertThat(page.getResponse().getRedirectedUrl()).isEqualTo("/account/password");
        MvcResult business = mvc.perform(get("/orgs").session(session)).andReturn();
        assertThat(business.getResponse().getRedirectedUrl()).isEqualTo("/account/password");
        String form = mvc.perform(get("/account/password").session(session))
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(form).contains("phải đổi mật khẩu");

        MvcResult mismatch = mvc.perform(post("/account/password")
                        .session(session)
                        .with(csrf())
                        .param("currentPassword", reset.defaultPassword())
                        .param("newPassword", "Mat-Khau#Moi2026")
                        .param("confirmPassword", "khac"))
                .andReturn();
        assertThat(mismatch.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .contains("không khớp");
        MvcResult weak = mvc.perform(post("/account/password")
                        .session(session)
                        .with(csrf())
                        .param("currentPassword", reset.defaultPassword())
                        .param("newPassword", "matkhaumoi")
                        .param("confirmPassword", "matkhaumoi"))
                .andReturn();
        assertThat(weak.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .contains("Mật khẩu mới chưa đạt yêu cầu")
                .contains("chữ hoa");

        MvcResult changed = mvc.perform(post("/account/password")
                        .session(session)
                        .with(csrf())
                        .param("currentPassword", reset.defaultPassword())
                        .param("newPassword", "Mat-Khau#Moi2026")
                        .param("confirmPassword", "Mat-Khau#Moi2026"))
                .andReturn();
        assertThat(changed.getResponse().getRedirectedUrl()).isEqualTo("/");
        MvcResult after = mvc.perform(get("/admin/accounts").session(session)).andReturn();
        assertThat(after.getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void aHandoverRecordsThePersonAndForcesANewPassword() throws Exception {
        AccountView user = fixtures.account(AccountType.USER, fixtures.province("Tỉnh bàn giao"));
        String oldToken = Fixtures.token(mvc, user.identifier(), PASSWORD);
        IssuedPassword handed =
                administration.handOver(admin.principal(), user.id(), user.version(), "Lê Văn Nhận", "05/BB-VP");
        assertThat(handed.account().displayName()).isEqualTo("Lê Văn Nhận");
        assertThat(handed.account().mustChangePassword()).isTrue();
        assertThat(code(requestToken(mvc, user.identifier(), PASSWORD))).isEqualTo("auth.badCredentials");
        assertThat(code(requestToken(mvc, user.identifier(), handed.defaultPassword())))
                .isEqualTo("auth.passwordChangeRequired");
        assertThat(mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + oldToken))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(401);

        AccountDetails details = administration.details(admin.principal(), user.id());
        assertThat(details.issuances())
                .extracting(IssuanceRecord::kind)
                .containsExactly(IssuanceKind.HANDOVER, IssuanceKind.ISSUE);
        assertThat(details.issuances().get(0).issuedTo()).isEqualTo("Lê Văn Nhận");
        assertThat(details.issuances().get(0).documentNumber()).isEqualTo("05/BB-VP");

        // A stale version (the one before the handover) is a conflict, never a silent overwrite.
        assertThatThrownBy(() -> administration.resetPassword(admin.principal(), user.id(), user.version()))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo("request.staleVersion"));
    }
}
