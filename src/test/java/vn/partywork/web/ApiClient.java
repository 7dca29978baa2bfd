package vn.partywork.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A client of the real JSON API on the test server's random port: every request goes through
 * Tomcat, the security filter chain, the bearer-token filter and the access module's scope
 * resolver, as an integrating system's requests would.
 */
public final class ApiClient {

    /** The password of every demo account (README). */
    public static final String DEMO_PASSWORD = "Demo@2026";

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private final int port;
    private final @Nullable String token;

    private ApiClient(int port, @Nullable String token) {
        this.port = port;
        this.token = token;
    }

    public static ApiClient anonymous(int port) {
        return new ApiClient(port, null);
    }

    /** Signs in a demo account through {@code POST /api/v1/auth/token}. */
    public static ApiClient as(int port, String username) {
        Reply reply = anonymous(port).post("/api/v1/auth/token", """
                {"username": "%s", "password": "%s"}""".formatted(username, DEMO_PASSWORD));
        assertThat(reply.status())
                .as("token for %s: %s", username, reply.body())
                .isEqualTo(200);
        return new ApiClient(port, reply.json("$.token"));
    }

    public ApiClient withToken(String other) {
        return new ApiClient(port, other);
    }

    public @Nullable String token() {
        return token;
    }

    public Reply get(String path) {
        return send("GET", path, (byte[]) null);
    }

    public Reply post(String path, String json) {
        return send("POST", path, json);
    }

    /** Posts a multipart body (file uploads). */
    public Reply postMultipart(String path, Multipart form) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json")
                .header("Content-Type", form.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(form.bytes()));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response =
                    HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("POST " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Reply send(String method, String path, @Nullable String json) {
        return send(method, path, json == null ? null : json.getBytes(StandardCharsets.UTF_8));
    }

    public Reply send(String method, String path, byte @Nullable [] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json")
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response =
                    HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A response: its status and body, with JSON paths read on demand. */
    public record Reply(int status, String body) {

        public <T> T json(String path) {
            return JsonPath.read(body, path);
        }

        public long id() {
            return ((Number) json("$.id")).longValue();
        }

        /** The stable error code of an error body. */
        public String code() {
            return json("$.code");
        }

        public String message() {
            return json("$.message");
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
