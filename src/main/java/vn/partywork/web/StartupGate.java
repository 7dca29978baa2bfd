package vn.partywork.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.ObjectMapper;

/**
 * Nobody meets a half-started application: the port opens before the application runners (the
 * demo data, the initial administrator) have finished, and a sign-in in that window would fail as
 * "wrong password", be audited as a failed login of an unknown account and count toward the rate
 * limit. Until Spring Boot declares the application ready (readiness {@code ACCEPTING_TRAFFIC},
 * published after every runner), the API answers 503 {@code system.starting}, a sign-in is sent
 * back to the login page, which says the system is starting, and every other page answers 503 with
 * that text. Runs before Spring Security, so nothing of it is audited or throttled. Static files
 * pass. A graceful shutdown also refuses traffic; by then the server takes no new connections.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class StartupGate extends OncePerRequestFilter {

    static final String CODE = "system.starting";

    private final ApplicationAvailability availability;
    private final ErrorMessages messages;
    private final ObjectMapper json;

    StartupGate(ApplicationAvailability availability, ErrorMessages messages, ObjectMapper json) {
        this.availability = availability;
        this.messages = messages;
        this.json = json;
    }

    boolean ready() {
        return availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (ready() || isStatic(path) || ("GET".equals(request.getMethod()) && path.equals("/login"))) {
            chain.doFilter(request, response);
            return;
        }
        String message = messages.message(CODE);
        response.setHeader("Retry-After", "10");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (path.startsWith("/api/")) {
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            json.writeValue(response.getOutputStream(), new ApiError(CODE, message));
        } else if ("POST".equals(request.getMethod()) && path.equals("/login")) {
            response.setStatus(HttpStatus.SEE_OTHER.value());
            response.setHeader("Location", request.getContextPath() + "/login");
        } else {
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            response.setContentType(MediaType.TEXT_HTML_VALUE);
            response.getWriter().write(page(request.getContextPath(), message));
        }
    }

    private static boolean isStatic(String path) {
        return path.startsWith("/css/")
                || path.startsWith("/js/")
                || path.startsWith("/images/")
                || path.startsWith("/webjars/")
                || path.equals("/favicon.ico")
                || path.equals("/favicon.svg")
                || path.startsWith("/actuator/health");
    }

    /** A page of its own: the templates' layout needs the beans that are still starting. */
    private static String page(String context, String message) {
        String text = HtmlUtils.htmlEscape(message);
        return """
                <!DOCTYPE html>
                <html lang="vi"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <meta http-equiv="refresh" content="10">
                <title>Hệ thống đang khởi động</title>
                <link rel="stylesheet" href="%1$s/webjars/bootstrap/css/bootstrap.min.css">
                <link rel="stylesheet" href="%1$s/css/partywork.css"></head>
                <body><main class="container py-5"><div class="alert alert-info" role="status">
                <h1 class="h4">Hệ thống đang khởi động</h1><p class="mb-0">%2$s</p></div>
                <a class="btn btn-primary" href="%1$s/login">Đến trang đăng nhập</a></main></body></html>
                """.formatted(context, text);
    }
}
