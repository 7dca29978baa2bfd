package vn.partywork.security;

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
import vn.partywork.web.ApiClient;

/**
 * One caller of the running application over real HTTP: a bearer token for {@code /api/**} and a
 * signed-in browser session (cookie, CSRF token read from its forms) for the pages, or neither for
 * an anonymous visitor. Redirects are not followed, so the matrix sees them.
 */
final class Caller {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private final int port;
    private final HttpClient http;
    private final @Nullable String token;
    private @Nullable String csrf;

    private Caller(int port, @Nullable String token) {
        this.port = port;
        this.token = token;
        this.http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    static Caller anonymous(int port) {
        Caller caller = new Caller(port, null);
        caller.csrf = caller.formToken("/login");
        return caller;
    }

    /** Signs in through the token endpoint and through the login form (two separate credentials). */
    static Caller signIn(int port, String identifier) {
        String token = ApiClient.as(port, identifier).token();
        Caller caller = new Caller(port, token);
        String loginToken = caller.formToken("/login");
        Reply signedIn = caller.form(
                "POST",
                "/login",
                Map.of("username", identifier, "password", ApiClient.DEMO_PASSWORD, "_csrf", loginToken),
                false);
        if (signedIn.status() != 302 || signedIn.location().contains("error")) {
            throw new AssertionError("login of " + identifier + ": " + signedIn);
        }
        caller.csrf = caller.formToken("/account/password");
        return caller;
    }

    private String formToken(String page) {
        Reply reply = send("GET", page, null, null, false);
        Matcher m = CSRF.matcher(reply.body());
        if (!m.find()) {
            throw new AssertionError("no CSRF token on " + page + ": " + reply);
        }
        return m.group(1);
    }

    @Nullable
    String token() {
        return token;
    }

    /** A request to the API with the bearer token (if any) and a JSON body (if any). */
    Reply api(String method, String path, @Nullable String json) {
        return send(
                method,
                path,
                json == null ? null : json.getBytes(StandardCharsets.UTF_8),
                json == null ? null : "application/json",
                true);
    }

    Reply apiRaw(String method, String path, byte[] body, String contentType) {
        return send(method, path, body, contentType, true);
    }

    /** An API request that carries the browser session's cookie but no bearer token. */
    Reply apiWithSessionOnly(String method, String path, @Nullable String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return exchange(request, method + " " + path);
    }

    /** A page request with the session cookie; a form post carries the session's CSRF token. */
    Reply page(String method, String path, Map<String, String> fields) {
        Map<String, String> withToken = new LinkedHashMap<>(fields);
        if (!method.equals("GET") && csrf != null) {
            withToken.putIfAbsent("_csrf", csrf);
        }
        return form(method, path, withToken, false);
    }

    /** A page form post exactly as given: no CSRF token added. */
    Reply pageWithoutToken(String method, String path, Map<String, String> fields) {
        return form(method, path, fields, false);
    }

    Reply pageRaw(String method, String path, byte[] body, String contentType) {
        return send(method, path, body, contentType, false);
    }

    private Reply form(String method, String path, Map<String, String> fields, boolean api) {
        if (method.equals("GET")) {
            return send(method, path, null, null, api);
        }
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(method, path, body.getBytes(StandardCharsets.UTF_8), "application/x-www-form-urlencoded", api);
    }

    private Reply send(String method, String path, byte @Nullable [] body, @Nullable String contentType, boolean api) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", api ? "application/json, text/plain;q=0.9, */*;q=0.8" : "text/html")
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (api && token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return exchange(request, method + " " + path);
    }

    private Reply exchange(HttpRequest.Builder request, String what) {
        try {
            HttpResponse<String> response =
                    http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(
                    response.statusCode(),
                    response.headers().firstValue("Location").orElse(""),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(what, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An answer: status, redirect target, content type and body. */
    record Reply(int status, String location, String contentType, String body) {

        /** Sent to the login page: the caller is not signed in (pages). */
        boolean toLogin() {
            return status == 302 && location.contains("/login");
        }

        String shortBody() {
            String flat = body.replaceAll("\\s+", " ");
            return flat.length() > 160 ? flat.substring(0, 160) + "…" : flat;
        }

        @Override
        public String toString() {
            return status + (location.isEmpty() ? "" : " → " + location) + " " + shortBody();
        }
    }
}
