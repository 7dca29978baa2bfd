package vn.partywork.identity.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.partywork.PartyworkTest;
import vn.partywork.identity.MutableClock;
import vn.partywork.web.ApiClient;
import vn.partywork.web.DemoOrgs;
import vn.partywork.web.PageSession;

/**
 * Issue 6 item 9 over real HTTP: the security headers on pages and API answers, no inline script in
 * any main page (what makes the strict Content-Security-Policy possible), a new session id at
 * sign-in, the 429 rate limit of the login form and the token endpoint, and error answers without
 * stack traces or SQL. The rate limits are exercised from other loopback addresses (127.0.0.x)
 * because the rest of the suite signs in from 127.0.0.1, which the test profile exempts from the
 * per-address limit.
 */
@PartyworkTest
class WebHardeningTests {

    private static final Pattern INLINE_SCRIPT =
            Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern INLINE_HANDLER = Pattern.compile("<[^>]*\\s(on[a-z]+)\\s*=", Pattern.CASE_INSENSITIVE);
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

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
    void pagesAndApiAnswersCarryTheSecurityHeaders() throws Exception {
        HttpClient http = client();
        HttpResponse<String> login = http.send(get("/login"), HttpResponse.BodyHandlers.ofString());
        assertSecurityHeaders(login);

        String token = ApiClient.as(port, "hn.tochuc").token();
        HttpResponse<String> api = http.send(
                HttpRequest.newBuilder(uri("/api/v1/orgs?q=ha%20noi"))
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).isEqualTo(200);
        assertSecurityHeaders(api);

        HttpResponse<String> refused = http.send(get("/api/v1/orgs"), HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(401);
        assertSecurityHeaders(refused);
        assertThat(login.headers().firstValue("Content-Security-Policy").orElseThrow())
                .as("inline <style> only on the API documentation")
                .doesNotContain("style-src 'self' 'unsafe-inline'");
        // HSTS only on HTTPS (RFC 6797 §7.2): this test server speaks plain HTTP.
        assertThat(login.headers().firstValue("Strict-Transport-Security")).isEmpty();
    }

    @Test
    void noMainPageHasAnInlineScriptOrEventHandler() {
        long hanoi = new DemoOrgs(jdbc).id(DemoOrgs.HANOI);
        Map<String, List<String>> pages = new LinkedHashMap<>();
        pages.put(
                "hn.tochuc",
                List.of(
                        "/",
                        "/orgs",
                        "/orgs/" + hanoi,
                        "/members",
                        "/approvals",
                        "/approvals/sent",
                        "/calendar",
                        "/catalogues",
                        "/notifications",
                        "/notifications/settings",
                        "/account/password",
                        "/account/mfa",
                        "/account/device",
                        "/data-access",
                        "/data-access/new",
                        "/data-access/register"));
        pages.put("tw.tochuc", List.of("/calendar?year=2027", "/approvals/monitor"));
        pages.put("dangvien.demo", List.of("/me/record"));
        pages.put("kiemtoan", List.of("/audit", "/audit/verify"));
        pages.put(
                "admin",
                List.of(
                        "/admin/accounts",
                        "/admin/accounts/new",
                        "/admin/grants",
                        "/admin/review",
                        "/admin/devices",
                        "/admin/orgs/pick?field=orgId&label=x&q=ha%20noi"));
        List<String> offending = new ArrayList<>();
        int scanned = 0;
        for (Map.Entry<String, List<String>> entry : pages.entrySet()) {
            PageSession session = PageSession.login(port, entry.getKey());
            for (String path : entry.getValue()) {
                PageSession.Page page = session.get(path);
                assertThat(page.status()).as("%s as %s", path, entry.getKey()).isEqualTo(200);
                Matcher script = INLINE_SCRIPT.matcher(page.body());
                if (script.find()) {
                    offending.add(path + ": " + script.group());
                }
                Matcher handler = INLINE_HANDLER.matcher(page.body());
                if (handler.find()) {
                    offending.add(path + ": " + handler.group(1));
                }
                scanned++;
            }
        }
        assertThat(scanned).isGreaterThan(20);
        assertThat(offending)
                .as("inline scripts and handlers the CSP would block")
                .isEmpty();
        assertThat(PageSession.login(port, "admin").get("/admin/accounts").body())
                .contains("/js/partywork.js");
    }

    @Test
    void theSessionIdChangesAtSignIn() throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient http = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        HttpResponse<String> form = http.send(get("/login"), HttpResponse.BodyHandlers.ofString());
        String before = sessionId(cookies);
        assertThat(before)
                .as("the login form opens a session for its CSRF token")
                .isNotNull();
        Matcher csrf = CSRF.matcher(form.body());
        assertThat(csrf.find()).isTrue();
        HttpResponse<String> signedIn = http.send(
                HttpRequest.newBuilder(uri("/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form(Map.of(
                                "username", "hn.tochuc", "password", ApiClient.DEMO_PASSWORD, "_csrf", csrf.group(1)))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        String after = sessionId(cookies);
        assertThat(after).isNotNull().isNotEqualTo(before);
        assertThat(http.send(get("/orgs"), HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(200);
    }

    @Test
    void theTokenEndpointAnswers429AfterTooManyFailuresOfOneIdentifier() throws Exception {
        String nobody = "khong.ton.tai." + System.nanoTime();
        for (int i = 0; i < 10; i++) {
            Raw reply = tokenRequest("127.0.0.3", nobody, "sai-mat-khau");
            assertThat(reply.status()).as("failure %d", i + 1).isEqualTo(401);
            assertThat(reply.body()).contains("auth.badCredentials");
        }
        Raw limited = tokenRequest("127.0.0.3", nobody, "sai-mat-khau");
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.body()).contains("\"code\":\"auth.rateLimited\"").contains("Đăng nhập sai quá nhiều lần");
        assertThat(limited.header("retry-after")).isEqualTo("60");
        // Per identifier: another address is refused for it too, while other identifiers still work there.
        assertThat(tokenRequest("127.0.0.4", nobody, "sai-mat-khau").status()).isEqualTo(429);
        assertThat(tokenRequest("127.0.0.4", "hn.tochuc", ApiClient.DEMO_PASSWORD)
                        .status())
                .isEqualTo(200);
        // The window slides: five minutes later the identifier may try again.
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        assertThat(tokenRequest("127.0.0.3", nobody, "sai-mat-khau").status()).isEqualTo(401);
    }

    @Test
    void theLoginFormAnswers429AfterTooManyFailuresFromOneAddress() throws Exception {
        String address = "127.0.0.5";
        for (int i = 0; i < 30; i++) {
            Raw reply = loginForm(address, "khong.co." + i + "." + System.nanoTime(), "sai-mat-khau");
            assertThat(reply.status()).as("failure %d", i + 1).isEqualTo(302);
            assertThat(reply.header("location")).contains("/login?error=bad");
        }
        // Even the right password of a real account is not checked any more from this address.
        Raw limited = loginForm(address, "hn.tochuc", ApiClient.DEMO_PASSWORD);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.body()).contains("Đăng nhập sai quá nhiều lần");
        assertThat(limited.body()).doesNotContain("Exception");
        assertThat(tokenRequest(address, "hn.tochuc", ApiClient.DEMO_PASSWORD).status())
                .isEqualTo(429);
        // Another address is not affected.
        assertThat(loginForm("127.0.0.6", "hn.tochuc", ApiClient.DEMO_PASSWORD).header("location"))
                .doesNotContain("error");
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        assertThat(loginForm(address, "hn.tochuc", ApiClient.DEMO_PASSWORD).status())
                .isEqualTo(302);
    }

    @Test
    void errorAnswersShowNoStackTraceOrSql() throws Exception {
        HttpClient http = client();
        String token = ApiClient.as(port, "hn.tochuc").token();
        List<HttpRequest> requests = List.of(
                HttpRequest.newBuilder(uri("/api/v1/orgs/99999999999999999999999"))
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpRequest.newBuilder(uri("/api/v1/orgs/1/rename"))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"name\": [1, 2, {"))
                        .build(),
                HttpRequest.newBuilder(uri("/api/v1/orgs?q=%27%3B%20DROP%20TABLE%20org.organisation%3B--"))
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpRequest.newBuilder(uri("/orgs/abc")).build());
        for (HttpRequest request : requests) {
            HttpResponse<String> reply = http.send(request, HttpResponse.BodyHandlers.ofString());
            String body = reply.body().toLowerCase(Locale.ROOT);
            assertThat(reply.statusCode()).as(request.uri().toString()).isLessThan(500);
            assertThat(body)
                    .as(request.uri().toString())
                    .doesNotContain(
                            "exception", "\tat ", "at vn.partywork", "select ", "postgresql", "sqlstate", "trace");
        }
    }

    private void assertSecurityHeaders(HttpResponse<String> reply) {
        String csp = reply.headers().firstValue("Content-Security-Policy").orElse("");
        assertThat(csp)
                .contains("script-src 'self'")
                .contains("frame-ancestors 'none'")
                .contains("object-src 'none'")
                .doesNotContain("unsafe-eval")
                .doesNotContain("script-src 'self' 'unsafe-inline'");
        assertThat(reply.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(reply.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(reply.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        assertThat(String.join(",", reply.headers().allValues("Cache-Control"))).contains("no-store");
    }

    private Raw tokenRequest(String from, String username, String password) throws IOException {
        String json = "{\"username\":\"%s\",\"password\":\"%s\"}".formatted(username, password);
        return Raw.send(from, port, "POST", "/api/v1/auth/token", Map.of("Content-Type", "application/json"), json);
    }

    /** The login form from {@code from}: its page for the CSRF token and session, then the post. */
    private Raw loginForm(String from, String username, String password) throws IOException {
        Raw page = Raw.send(from, port, "GET", "/login", Map.of(), null);
        Matcher csrf = CSRF.matcher(page.body());
        assertThat(csrf.find()).isTrue();
        String session = page.header("set-cookie").split(";")[0];
        return Raw.send(
                from,
                port,
                "POST",
                "/login",
                Map.of("Content-Type", "application/x-www-form-urlencoded", "Cookie", session),
                form(Map.of("username", username, "password", password, "_csrf", csrf.group(1))));
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String sessionId(CookieManager cookies) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("JSESSIONID"))
                .map(HttpCookie::getValue)
                .findFirst()
                .orElse(null);
    }

    private HttpClient client() {
        return HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(uri(path)).build();
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /**
     * One HTTP/1.0 exchange (no chunked body) over a socket bound to a chosen loopback source address: java.net.http
     * cannot choose its local address on Java 17, and the rate limit counts per client address.
     */
    record Raw(int status, Map<String, String> headers, String body) {

        String header(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), "");
        }

        static Raw send(String from, int port, String method, String path, Map<String, String> headers, String body)
                throws IOException {
            byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            try (Socket socket = new Socket()) {
                socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
                socket.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 10_000);
                socket.setSoTimeout(30_000);
                StringBuilder request = new StringBuilder()
                        .append(method)
                        .append(' ')
                        .append(path)
                        .append(" HTTP/1.0\r\nHost: localhost:")
                        .append(port)
                        .append("\r\nConnection: close\r\nAccept: text/html,application/json\r\n");
                headers.forEach(
                        (k, v) -> request.append(k).append(": ").append(v).append("\r\n"));
                request.append("Content-Length: ").append(content.length).append("\r\n\r\n");
                OutputStream out = socket.getOutputStream();
                out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
                out.write(content);
                out.flush();
                InputStream in = socket.getInputStream();
                ByteArrayOutputStream all = new ByteArrayOutputStream();
                in.transferTo(all);
                String text = all.toString(StandardCharsets.UTF_8);
                int split = text.indexOf("\r\n\r\n");
                String[] head = text.substring(0, split).split("\r\n");
                Map<String, String> parsed = new LinkedHashMap<>();
                for (int i = 1; i < head.length; i++) {
                    int colon = head[i].indexOf(':');
                    parsed.putIfAbsent(
                            head[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                            head[i].substring(colon + 1).strip());
                }
                return new Raw(Integer.parseInt(head[0].split(" ")[1]), parsed, text.substring(split + 4));
            }
        }
    }
}
