package vn.partywork.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A browser-like session of the web UI over plain HTTP on the test server's random port: the real
 * login form, the session cookie, and the CSRF token read from the rendered forms, through the
 * whole filter chain. Redirects are not followed, so tests see them.
 */
public final class PageSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private final int port;
    private final HttpClient http;

    private PageSession(int port) {
        this.port = port;
        this.http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** A browser that has not signed in. */
    public static PageSession anonymous(int port) {
        return new PageSession(port);
    }

    /** Signs a demo account in through the login form, as a person would. */
    public static PageSession login(int port, String username) {
        PageSession session = new PageSession(port);
        Page login = session.get("/login");
        Page signedIn = session.send(
                "POST",
                "/login",
                Map.of("username", username, "password", ApiClient.DEMO_PASSWORD, "_csrf", login.csrf()));
        assertThat(signedIn.status()).as("login of %s", username).isEqualTo(302);
        assertThat(signedIn.location()).as("login of %s", username).doesNotContain("error");
        return session;
    }

    public Page get(String path) {
        return send("GET", path, null);
    }

    /** Posts a form with a fresh CSRF token of this session (read from a page that has a form). */
    public Page post(String path, Map<String, String> fields) {
        Map<String, String> withToken = new LinkedHashMap<>(fields);
        withToken.putIfAbsent("_csrf", csrf());
        return send("POST", path, withToken);
    }

    /** Posts exactly these fields (the caller brings its CSRF token, e.g. from the login page). */
    public Page postRaw(String path, Map<String, String> fields) {
        return send("POST", path, fields);
    }

    /** Posts a multipart form (file uploads) with a fresh CSRF token of this session. */
    public Page postMultipart(String path, Multipart form) {
        form.field("_csrf", csrf());
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "text/html")
                .header("Content-Type", form.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(form.bytes()))
                .build();
        return exchange(request, "POST " + path);
    }

    /** A GET whose body is kept as bytes (a download), with its headers. */
    public HttpResponse<byte[]> download(String path) {
        try {
            return http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                            .timeout(Duration.ofSeconds(60))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Page exchange(HttpRequest request, String what) {
        try {
            HttpResponse<String> response =
                    http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Page(
                    response.statusCode(),
                    response.headers().firstValue("Location").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(what, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The session's CSRF token, as the password page's form carries it. */
    public String csrf() {
        return get("/account/password").csrf();
    }

    private Page send(String method, String path, @Nullable Map<String, String> form) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "text/html");
        if (form == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            String body = form.entrySet().stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            request.header("Content-Type", "application/x-www-form-urlencoded")
                    .method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        try {
            HttpResponse<String> response =
                    http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Page(
                    response.statusCode(),
                    response.headers().firstValue("Location").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A response of the UI. */
    public record Page(int status, String location, String body) {

        public String csrf() {
            Matcher m = CSRF.matcher(body);
            assertThat(m.find()).as("a CSRF token on the page: %s", this).isTrue();
            return m.group(1);
        }

        @Override
        public String toString() {
            return status + " " + location + " " + (body.length() > 2000 ? body.substring(0, 2000) + "…" : body);
        }
    }
}
