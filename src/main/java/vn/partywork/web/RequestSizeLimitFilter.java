package vn.partywork.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.ObjectMapper;

/**
 * Refuses request bodies declared larger than 1 MB before anything reads them: commands and forms
 * are small, and an oversized body is a mistake or an attack. (Chunked bodies without a length are
 * still read; bean validation bounds every field.)
 *
 * <p>P-DOC-1: the endpoints that take evidence files as multipart bodies ({@link #UPLOAD_PATHS},
 * POST only) may send up to {@link #MAX_UPLOAD}: five files of at most 10 MB each (the document
 * store refuses a larger file with its own message) and the form fields. Nowhere else.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RequestSizeLimitFilter extends OncePerRequestFilter {

    static final long MAX_BODY = 1024 * 1024;
    static final long MAX_UPLOAD = 51L * 1024 * 1024;
    static final Set<String> UPLOAD_PATHS = Set.of("/corrections", "/api/v1/corrections");
    /** M-1, M-4: files attached to a member record, with a life event or a transfer (decision scans). */
    static final java.util.regex.Pattern MEMBER_UPLOADS =
            java.util.regex.Pattern.compile("(/api/v1)?/members/\\d+/(documents|events|transfer)");
    /** Issue 5 item 6: member imports take one .xlsx of at most 20 MB (MemberImport.MAX_FILE) and the form fields. */
    static final long MAX_IMPORT = 21L * 1024 * 1024;

    static final Set<String> IMPORT_PATHS = Set.of("/members/import", "/api/v1/members/import");

    private final ErrorMessages messages;
    private final ObjectMapper json;

    RequestSizeLimitFilter(ErrorMessages messages, ObjectMapper json) {
        this.messages = messages;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean post = "POST".equals(request.getMethod());
        boolean upload = post
                && (UPLOAD_PATHS.contains(path) || MEMBER_UPLOADS.matcher(path).matches());
        boolean memberImport = post && IMPORT_PATHS.contains(path);
        long limit = upload ? MAX_UPLOAD : memberImport ? MAX_IMPORT : MAX_BODY;
        if (request.getContentLengthLong() > limit) {
            refuse(
                    request,
                    response,
                    upload ? "request.uploadTooLarge" : memberImport ? "member.import.tooLarge" : "request.tooLarge");
            return;
        }
        chain.doFilter(request, response);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, String code) throws IOException {
        String message = messages.message(code, (MAX_IMPORT - 1024 * 1024) / 1024 / 1024);
        response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            json.writeValue(response.getOutputStream(), new ApiError(code, message));
        } else {
            response.setContentType(MediaType.TEXT_PLAIN_VALUE);
            response.getWriter().write(message);
        }
    }
}
