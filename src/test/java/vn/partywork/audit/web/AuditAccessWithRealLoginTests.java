package vn.partywork.audit.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.partywork.PartyworkTest;
import vn.partywork.web.ApiClient;
import vn.partywork.web.PageSession;

/** The audit log through the real login and scope: the auditor reads it, nobody else does. */
@PartyworkTest
class AuditAccessWithRealLoginTests {

    @LocalServerPort
    int port;

    @Test
    void theAuditorVerifiesTheChainAndFindsTheLoginsOfOthers() {
        ApiClient.as(port, "hn.tochuc").get("/api/v1/me");

        ApiClient auditor = ApiClient.as(port, "kiemtoan");
        ApiClient.Reply verify = auditor.get("/api/v1/audit/verify");
        assertThat(verify.status()).isEqualTo(200);
        assertThat(verify.<Boolean>json("$.ok")).isTrue();

        ApiClient.Reply logins = auditor.get("/api/v1/audit/events?action=LOGIN&actor=hn.tochuc");
        assertThat(logins.status()).isEqualTo(200);
        assertThat(logins.body()).contains("hn.tochuc");
    }

    @Test
    void organisationStaffAndTheSystemAdministratorCannotReadTheAuditLog() {
        assertThat(ApiClient.as(port, "hn.tochuc").get("/api/v1/audit/verify").status())
                .isEqualTo(403);
        assertThat(ApiClient.as(port, "tw.tochuc").get("/api/v1/audit/events").status())
                .isEqualTo(403);
        assertThat(ApiClient.as(port, "admin").get("/api/v1/audit/events").status())
                .isEqualTo(403);
        assertThat(PageSession.login(port, "hn.tochuc").get("/audit").status()).isEqualTo(403);
    }

    @Test
    void theAuditorSeesTheAuditLinkAndNoOrganisationLink() {
        PageSession.Page home = PageSession.login(port, "kiemtoan").get("/");
        assertThat(home.body()).contains("href=\"/audit\"").doesNotContain("href=\"/orgs\"");
        PageSession.Page staffHome = PageSession.login(port, "hn.tochuc").get("/");
        assertThat(staffHome.body()).contains("href=\"/orgs\"").doesNotContain("href=\"/audit\"");
    }
}
