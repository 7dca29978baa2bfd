package vn.partywork.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * Writes {@code {"code","message"}} for failures that happen in the security filters, before any
 * controller (and so before the web module's error handler) is reached.
 */
@Component
class SecurityErrors implements AuthenticationEntryPoint, AccessDeniedHandler {

    /** Request attribute set by the bearer filter when a token was given but is not valid. */
    static final String TOKEN_ERROR = SecurityErrors.class.getName() + ".tokenError";

    private final MessageSource messages;
    private final ObjectMapper json;

    SecurityErrors(MessageSource messages, ObjectMapper json) {
        this.messages = messages;
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        String code = request.getAttribute(TOKEN_ERROR) != null ? "auth.tokenInvalid" : "auth.required";
        response.setHeader("WWW-Authenticate", "Bearer");
        write(response, HttpServletResponse.SC_UNAUTHORIZED, code);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        write(response, HttpServletResponse.SC_FORBIDDEN, "auth.forbidden");
    }

    void write(HttpServletResponse response, int status, String code) throws IOException {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("message", messages.getMessage("error." + code, null, code, LocaleContextHolder.getLocale()));
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(json.writeValueAsString(body));
    }
}
