package vn.partywork.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static vn.partywork.identity.Fixtures.PASSWORD;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import vn.partywork.PartyworkTest;
import vn.partywork.shared.Classification;
import vn.partywork.shared.DomainException;

/** P-ID-7: the register of permitted devices and the check other modules call before classified data. */
@PartyworkTest
class DeviceRegisterTests {

    private static final Pattern CODE = Pattern.compile("id=\"device-code\">([a-z2-9]{5}-[a-z2-9]{5})<");

    @Autowired
    WebApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccountAdministration administration;

    @Autowired
    DeviceRegister register;

    @Autowired
    DeviceCheck check;

    @Autowired
    MutableClock clock;

    MockMvc mvc;
    Fixtures fixtures;
    long province;
    AccountView orgAdmin;
    AccountView holder;

    @BeforeEach
    void setUp() {
        mvc = Fixtures.mvc(context);
        fixtures = new Fixtures(jdbc, administration);
        province = fixtures.province("Tỉnh thiết bị");
        orgAdmin = fixtures.account(AccountType.ORG_ADMIN, province);
        holder = fixtures.account(AccountType.USER, province);
    }

    @AfterEach
    void cleanUp() {
        clock.reset();
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void anAdministratorRegistersADeviceAndItsHolderActivatesItInTheBrowserWithTheOneTimeCode() throws Exception {
        MockHttpSession admin = Fixtures.login(mvc, orgAdmin.identifier(), PASSWORD);
        MvcResult registered = mvc.perform(post("/admin/devices")
                        .session(admin)
                        .with(csrf())
                        .param("name", "Máy tính phòng Tổ chức")
                        .param("holderIdentifier", holder.identifier()))
                .andReturn();
        assertThat(registered.getResponse().getHeader("Cache-Control")).contains("no-store");
        Matcher m = CODE.matcher(registered.getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(m.find()).isTrue();
        String code = m.group(1);

        // The code is bound to the holder: another account cannot use it.
        AccountView other = fixtures.account(AccountType.USER, province);
        assertThatThrownBy(() -> register.activate(other.principal(), code))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo("identity.device.codeInvalid"));

        MockHttpSession session = Fixtures.login(mvc, holder.identifier(), PASSWORD);
        assertThat(page(session, null)).contains("chưa phải thiết bị đã đăng ký");
        MvcResult activated = mvc.perform(
                        post("/account/device").session(session).with(csrf()).param("code", code.toUpperCase()))
                .andReturn();
        assertThat(activated.getResponse().getRedirectedUrl()).isEqualTo("/account/device");
        String setCookie = activated.getResponse().getHeader("Set-Cookie");
        assertThat(setCookie)
                .startsWith(DeviceCheck.COOKIE + "=")
                .contains("HttpOnly")
                .contains("SameSite=Strict")
                .contains("Max-Age=");
        String credential = setCookie.substring(DeviceCheck.COOKIE.length() + 1, setCookie.indexOf(';'));
        assertThat(page(session, credential)).contains("là thiết bị đã đăng ký");

        // Only the SHA-256 of the credential is kept; the code works once.
        byte[] stored = jdbc.sql("SELECT credential_hash FROM identity.device WHERE holder_id = :id")
                .param("id", holder.id())
                .query(byte[].class)
                .single();
        assertThat(stored)
                .isEqualTo(MessageDigest.getInstance("SHA-256").digest(credential.getBytes(StandardCharsets.UTF_8)));
        assertThat(jdbc.sql("SELECT count(*) FROM identity.device WHERE holder_id = :id AND activation_hash IS NULL")
                        .param("id", holder.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThatThrownBy(() -> register.activate(holder.principal(), code)).isInstanceOf(DomainException.class);

        assertThat(check.permitted(holder.id(), credential)).isTrue();
        assertThat(check.permitted(other.id(), credential))
                .as("bound to the holder")
                .isFalse();
        assertThat(check.permitted(holder.id(), credential + "x")).isFalse();
        assertThat(check.permitted(holder.id(), null)).isFalse();
    }

    @Test
    void classifiedDataIsRefusedFromOtherDevicesAndFromSuspendedRevokedOrExpiredOnes() throws Exception {
        String adminToken = Fixtures.token(mvc, orgAdmin.identifier(), PASSWORD);
        MvcResult registered = mvc.perform(post("/api/v1/admin/devices")
                        .header("Authorization", "Bearer " + adminToken)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Máy xách tay\",\"holderIdentifier\":\"" + holder.identifier()
                                + "\",\"expiresOn\":\"" + LocalDate.now().plusDays(30) + "\"}"))
                .andReturn();
        assertThat(registered.getResponse().getStatus()).isEqualTo(201);
        String json = registered.getResponse().getContentAsString(StandardCharsets.UTF_8);
        long deviceId = ((Number) JsonPath.read(json, "$.device.id")).longValue();
        String credential = register.activate(holder.principal(), JsonPath.read(json, "$.activationCode"))
                .credential();

        assertThat(requireFrom(null, Classification.UNCLASSIFIED))
                .as("unclassified: any device")
                .isNull();
        assertThat(requireFrom(null, Classification.CONFIDENTIAL)).isEqualTo("identity.device.notPermitted");
        assertThat(requireFrom(credential, Classification.CONFIDENTIAL)).isNull();
        assertThat(requireFrom(credential, Classification.TOP_SECRET)).isNull();

        assertThat(action(adminToken, deviceId, "suspend").getResponse().getStatus())
                .isEqualTo(200);
        assertThat(requireFrom(credential, Classification.CONFIDENTIAL)).isEqualTo("identity.device.notPermitted");
        assertThat(action(adminToken, deviceId, "reactivate").getResponse().getStatus())
                .isEqualTo(200);
        assertThat(requireFrom(credential, Classification.CONFIDENTIAL)).isNull();

        clock.advance(Duration.ofDays(32));
        assertThat(requireFrom(credential, Classification.CONFIDENTIAL))
                .as("expired")
                .isEqualTo("identity.device.notPermitted");
        clock.reset();

        assertThat(action(adminToken, deviceId, "revoke").getResponse().getStatus())
                .isEqualTo(200);
        assertThat(requireFrom(credential, Classification.CONFIDENTIAL)).isEqualTo("identity.device.notPermitted");
        MvcResult again = action(adminToken, deviceId, "reactivate");
        assertThat(again.getResponse().getStatus()).isEqualTo(409);
        assertThat(Fixtures.code(again)).isEqualTo("identity.device.statusConflict");

        assertThat(jdbc.sql("""
                SELECT count(*) FROM audit.event WHERE target_type = 'device' AND target_id = :id
                   AND action IN ('CREATE', 'UPDATE')
                """)
                        .param("id", String.valueOf(deviceId))
                        .query(Long.class)
                        .single())
                .isEqualTo(5);
    }

    @Test
    void anotherProvincesAdministratorNeitherSeesNorChangesTheDevice() throws Exception {
        IssuedDeviceCode issued =
                register.register(orgAdmin.principal(), new NewDevice("Máy bàn", holder.identifier(), null, null));
        AccountView stranger = fixtures.account(AccountType.ORG_ADMIN, fixtures.province("Tỉnh lạ thiết bị"));
        assertThat(register.list(stranger.principal()))
                .extracting(DeviceView::id)
                .doesNotContain(issued.device().id());
        assertThat(register.list(orgAdmin.principal()))
                .extracting(DeviceView::id)
                .contains(issued.device().id());
        assertThatThrownBy(() ->
                        register.suspend(stranger.principal(), issued.device().id(), null))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo("identity.device.notFound"));
        assertThatThrownBy(() -> register.register(
                        stranger.principal(), new NewDevice("Máy khác", holder.identifier(), null, null)))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo("identity.device.holderNotFound"));
        assertThatThrownBy(() ->
                        register.register(orgAdmin.principal(), new NewDevice(" ", holder.identifier(), null, null)))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo("identity.device.nameRequired"));
    }

    /** Calls the check as a module serving a record would, inside a request; the refusal code or null. */
    private String requireFrom(String credential, Classification classification) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        if (credential != null) {
            request.setCookies(new Cookie(DeviceCheck.COOKIE, credential));
        }
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        try {
            check.requirePermitted(holder.principal(), classification);
            return null;
        } catch (DomainException e) {
            return e.code();
        } finally {
            RequestContextHolder.resetRequestAttributes();
        }
    }

    private MvcResult action(String token, long deviceId, String action) throws Exception {
        return mvc.perform(post("/api/v1/admin/devices/{id}/" + action, deviceId)
                        .header("Authorization", "Bearer " + token))
                .andReturn();
    }

    private String page(MockHttpSession session, String credential) throws Exception {
        var request = get("/account/device").session(session);
        if (credential != null) {
            request = request.cookie(new Cookie(DeviceCheck.COOKIE, credential));
        }
        return mvc.perform(request).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
