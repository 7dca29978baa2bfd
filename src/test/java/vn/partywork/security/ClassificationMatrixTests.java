package vn.partywork.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import vn.partywork.PartyworkTest;
import vn.partywork.access.Grants;
import vn.partywork.access.NewGrant;
import vn.partywork.access.Role;
import vn.partywork.identity.AccountAdministration;
import vn.partywork.identity.AccountPrincipal;
import vn.partywork.identity.AccountType;
import vn.partywork.identity.AccountView;
import vn.partywork.identity.Accounts;
import vn.partywork.identity.DeviceCheck;
import vn.partywork.identity.DeviceRegister;
import vn.partywork.identity.Fixtures;
import vn.partywork.identity.NewAccount;
import vn.partywork.identity.NewDevice;
import vn.partywork.security.SecurityFixtures.Kind;
import vn.partywork.security.SecurityFixtures.Target;
import vn.partywork.shared.Classification;
import vn.partywork.shared.Database;
import vn.partywork.web.ApiClient;

/**
 * Issue 6 item 10, databases × classification through the API: a Mật file is not there for a
 * grant whose ceiling is Thường (404 like a missing id, and not in the record's file list); for a
 * reader with a Mật grant it is served only from that reader's permitted device, never from no
 * device, another account's device, or a suspended or revoked one; and a grant on another
 * database opens neither the organisation nor the member data.
 */
@PartyworkTest
class ClassificationMatrixTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    DeviceRegister devices;

    @Autowired
    Accounts accounts;

    @Autowired
    AccountAdministration administration;

    @Autowired
    Grants grants;

    SecurityFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = SecurityFixtures.get(context, port);
    }

    @Test
    void aFileAboveTheReadersCeilingIsNotThere() {
        long secret = fixtures.confidentialDocument;
        long member = fixtures.id(Kind.MEMBER, Target.IN_SCOPE);
        Caller low = fixtures.caller(Principal.LOW_CEILING);
        Caller.Reply above = low.api("GET", "/api/v1/documents/" + secret, null);
        Caller.Reply missing = low.api("GET", "/api/v1/documents/" + fixtures.id(Kind.DOCUMENT, Target.MISSING), null);
        assertThat(above.status()).isEqualTo(404);
        assertThat(IdorTests.normalised(above.body())).isEqualTo(IdorTests.normalised(missing.body()));
        assertThat(low.page("GET", "/documents/" + secret, java.util.Map.of()).status())
                .isEqualTo(404);
        Caller.Reply list = low.api("GET", "/api/v1/members/" + member + "/documents", null);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("quyet-dinh.pdf").doesNotContain("mat.pdf");
        assertThat(fixtures.caller(Principal.ORG_STAFF)
                        .api("GET", "/api/v1/members/" + member + "/documents", null)
                        .body())
                .contains("mat.pdf");
    }

    @Test
    void aClassifiedFileIsServedOnlyFromTheReadersOwnActiveDevice() throws Exception {
        long secret = fixtures.confidentialDocument;
        String token = fixtures.caller(Principal.ORG_STAFF).token();
        AccountPrincipal admin = accounts.byIdentifier("admin").orElseThrow().principal();
        String own = activatedDevice(admin, "hn.tochuc");
        String others = activatedDevice(admin, "hn.lanhdao");

        assertThat(download(token, secret, null).statusCode()).as("no device").isEqualTo(403);
        assertThat(download(token, secret, "forged-device-credential").statusCode())
                .as("a forged device credential")
                .isEqualTo(403);
        assertThat(download(token, secret, others).statusCode())
                .as("another account's device")
                .isEqualTo(403);
        HttpResponse<String> served = download(token, secret, own);
        assertThat(served.statusCode()).as("own permitted device").isEqualTo(200);
        assertThat(served.headers().firstValue("Cache-Control").orElse("")).contains("no-store");

        long deviceId = deviceIdOf("hn.tochuc");
        devices.suspend(admin, deviceId, null);
        HttpResponse<String> suspended = download(token, secret, own);
        assertThat(suspended.statusCode()).as("suspended device").isEqualTo(403);
        assertThat(suspended.body()).contains("identity.device.notPermitted").doesNotContain("%PDF");
        devices.reactivate(admin, deviceId, null);
        assertThat(download(token, secret, own).statusCode()).isEqualTo(200);
        devices.revoke(admin, deviceId, null);
        assertThat(download(token, secret, own).statusCode())
                .as("revoked device")
                .isEqualTo(403);
    }

    @Test
    void aGrantOnAnotherDatabaseOpensNeitherOrganisationNorMemberData() {
        long hanoi = new vn.partywork.web.DemoOrgs(fixtures.jdbc).id(vn.partywork.web.DemoOrgs.HANOI);
        AccountView cadre = administration.createForSeeding(
                new NewAccount(
                        Fixtures.unique("kt.sec.cadre"),
                        "Cán bộ dữ liệu khác",
                        AccountType.USER,
                        hanoi,
                        null,
                        null,
                        null),
                ApiClient.DEMO_PASSWORD);
        grants.grantForSeeding(new NewGrant(
                cadre.id(),
                Role.ORG_STAFF,
                hanoi,
                EnumSet.of(Database.CADRE, Database.HEALTH),
                Classification.TOP_SECRET,
                null,
                null,
                "KT-BM/2026",
                null));
        ApiClient api = ApiClient.as(port, cadre.identifier());
        long member = fixtures.id(Kind.MEMBER, Target.IN_SCOPE);
        assertThat(api.get("/api/v1/members/" + member).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/members/" + member + "/documents").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/documents/" + fixtures.id(Kind.DOCUMENT, Target.IN_SCOPE))
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/orgs/" + fixtures.hangBac).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/members/stats").status()).isIn(403, 404);
        assertThat(api.get("/api/v1/members?q=kiem%20thu").body()).doesNotContain(fixtures.memberInName);
    }

    private String activatedDevice(AccountPrincipal admin, String holder) {
        var issued =
                devices.register(admin, new NewDevice("Máy kiểm thử độ mật " + System.nanoTime(), holder, null, null));
        return devices.activate(accounts.byIdentifier(holder).orElseThrow().principal(), issued.activationCode())
                .credential();
    }

    private long deviceIdOf(String holder) {
        return fixtures.jdbc.sql("""
                        SELECT d.id FROM identity.device d JOIN identity.account a ON a.id = d.holder_id
                         WHERE a.identifier = :holder AND d.status = 'ACTIVE' ORDER BY d.id DESC LIMIT 1""").param("holder", holder).query(Long.class).single();
    }

    private HttpResponse<String> download(@Nullable String token, long id, @Nullable String device)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/documents/" + id))
                .header("Authorization", "Bearer " + token);
        if (device != null) {
            request.header(DeviceCheck.HEADER, device);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
