package vn.partywork.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.partywork.PartyworkTest;

/**
 * What a new user meets around the edges: the minutes between the port opening and the demo being
 * loaded, and the error pages.
 */
@PartyworkTest
class StartupAndErrorPagesTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aSignInBeforeTheApplicationIsReadyIsToldTheSystemIsStartingAndIsNeitherAuditedNorCounted() {
        long failedBefore = failedLogins("hn.tochuc");
        PageSession early = PageSession.anonymous(port);
        String loginForm = early.get("/login").body();
        // As between the port opening and the application runners (demo data) finishing.
        AvailabilityChangeEvent.publish(events, this, ReadinessState.REFUSING_TRAFFIC);
        try {
            ApiClient.Reply token =
                    ApiClient.anonymous(port).post("/api/v1/auth/token", """
                            {"username": "hn.tochuc", "password": "%s"}""".formatted(ApiClient.DEMO_PASSWORD));
            assertThat(token.status()).isEqualTo(503);
            assertThat(token.code()).isEqualTo("system.starting");
            assertThat(token.message()).contains("đang khởi động");

            PageSession.Page login = early.get("/login");
            assertThat(login.status()).isEqualTo(200);
            assertThat(login.body()).contains("Hệ thống đang khởi động");

            PageSession.Page signIn = early.postRaw(
                    "/login",
                    Map.of(
                            "username",
                            "hn.tochuc",
                            "password",
                            ApiClient.DEMO_PASSWORD,
                            "_csrf",
                            new PageSession.Page(200, "", loginForm).csrf()));
            assertThat(signIn.status()).isEqualTo(303);
            assertThat(signIn.location()).endsWith("/login");

            PageSession.Page page = early.get("/members");
            assertThat(page.status()).isEqualTo(503);
            assertThat(page.body()).contains("Hệ thống đang khởi động");
        } finally {
            AvailabilityChangeEvent.publish(events, this, ReadinessState.ACCEPTING_TRAFFIC);
        }
        assertThat(failedLogins("hn.tochuc")).isEqualTo(failedBefore);

        // Once ready, the same sign-ins work and the login page no longer says it is starting.
        assertThat(ApiClient.as(port, "hn.tochuc").get("/api/v1/me").status()).isEqualTo(200);
        assertThat(PageSession.anonymous(port).get("/login").body()).doesNotContain("Hệ thống đang khởi động");
        PageSession.login(port, "hn.tochuc");
    }

    @Test
    void aRefusalOnAPageKeepsTheMenuTheUserAndTheSignOutAndShowsNoInternalCode() {
        PageSession session = PageSession.login(port, "hn.tochuc");
        PageSession.Page missing = session.get("/members/999999999");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body())
                .contains("Không tìm thấy đảng viên")
                .contains("Đăng xuất")
                .contains("hn.tochuc")
                .contains("Tra cứu đảng viên")
                .contains("mã tra cứu")
                .doesNotContain("Mã lỗi");
        assertThat(missing.body().replace("data-error-code=\"member.notFound\"", ""))
                .doesNotContain("member.notFound");
    }

    @Test
    void errorOpenedDirectlyIsAPageThatDoesNotExistNotAServerError() {
        PageSession session = PageSession.login(port, "hn.tochuc");
        PageSession.Page direct = session.get("/error");
        assertThat(direct.status()).isEqualTo(404);
        assertThat(direct.body()).contains("Không tìm thấy").contains("Đăng xuất");
        assertThat(PageSession.anonymous(port).get("/error").status()).isEqualTo(404);
    }

    @Test
    void theLoginPageHasNoMenuButtonThatOpensNothing() {
        assertThat(PageSession.anonymous(port).get("/login").body()).doesNotContain("navbar-toggler");
    }

    private long failedLogins(String identifier) {
        return jdbc.sql("SELECT count(*) FROM audit.event WHERE action = 'LOGIN_FAILED' AND actor_identifier = :id")
                .param("id", identifier)
                .query(Long.class)
                .single();
    }
}
