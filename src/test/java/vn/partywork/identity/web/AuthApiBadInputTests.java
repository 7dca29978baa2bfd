package vn.partywork.identity.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.partywork.PartyworkTest;
import vn.partywork.identity.MutableClock;
import vn.partywork.web.ApiClient;
import vn.partywork.web.ApiClient.Reply;

/**
 * Bad credentials and bad passwords through the real API with the demo accounts: each refusal
 * has its stable code and Vietnamese message, and the account is left as it was.
 */
@PartyworkTest
class AuthApiBadInputTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aPasswordThatBreaksThePolicyIsRefusedAndTheOldOneStillWorks() {
        String hashBefore = passwordHash("hn.tochuc");

        Reply weak = ApiClient.anonymous(port).post("/api/v1/auth/password", """
                {"username": "hn.tochuc", "currentPassword": "%s", "newPassword": "abc"}
                """.formatted(ApiClient.DEMO_PASSWORD));

        assertThat(weak.status()).as(weak.toString()).isEqualTo(400);
        assertThat(weak.code()).isEqualTo("identity.password.weak");
        assertThat(weak.message()).startsWith("Mật khẩu mới chưa đạt yêu cầu: ");
        assertThat(passwordHash("hn.tochuc")).isEqualTo(hashBefore);
        assertThat(ApiClient.as(port, "hn.tochuc").get("/api/v1/me").status()).isEqualTo(200);
    }

    @Test
    void anExpiredTokenIs401WithACode() {
        ApiClient hn = ApiClient.as(port, "hn.tochuc");
        assertThat(hn.get("/api/v1/orgs/roots").status()).isEqualTo(200);

        clock.advance(Duration.ofHours(8).plusMinutes(1));
        Reply expired = hn.get("/api/v1/orgs/roots");

        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.code()).isEqualTo("auth.tokenInvalid");
        assertThat(expired.message())
                .isEqualTo("Mã truy cập không hợp lệ, đã hết hạn hoặc đã bị thu hồi. Vui lòng đăng nhập lại.");
    }

    @Test
    void aForgedTokenIs401WithACode() {
        String real = ApiClient.as(port, "hn.tochuc").token();
        for (String forged : new String[] {
            real.substring(0, real.length() - 1) + (real.endsWith("A") ? "B" : "A"), "gia-mao", "x".repeat(5000)
        }) {
            Reply reply = ApiClient.anonymous(port).withToken(forged).get("/api/v1/orgs/roots");
            assertThat(reply.status()).isEqualTo(401);
            assertThat(reply.code()).isEqualTo("auth.tokenInvalid");
        }
        Reply none = ApiClient.anonymous(port).get("/api/v1/orgs/roots");
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.code()).isEqualTo("auth.required");
    }

    @Test
    void wrongCredentialsGetACodeWithoutSayingWhichPartWasWrong() {
        Reply wrongPassword = ApiClient.anonymous(port)
                .post("/api/v1/auth/token", "{\"username\": \"hcm.tochuc\", \"password\": \"sai-mat-khau\"}");
        Reply unknown = ApiClient.anonymous(port)
                .post("/api/v1/auth/token", "{\"username\": \"khong.co\", \"password\": \"sai-mat-khau\"}");

        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(wrongPassword.code()).isEqualTo("auth.badCredentials");
        assertThat(unknown.body()).isEqualTo(wrongPassword.body());
        assertThat(ApiClient.as(port, "hcm.tochuc").token())
                .as("one failure does not lock the account")
                .isNotBlank();
    }

    private String passwordHash(String identifier) {
        return jdbc.sql("SELECT password_hash FROM identity.account WHERE identifier = :id")
                .param("id", identifier)
                .query(String.class)
                .single();
    }
}
