package vn.partywork.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MultipartException;

/**
 * Issue 6 item 9: a multipart body that cannot be parsed (e.g. a part header broken by a line
 * break in the file name, which makes Spring's {@code ContentDisposition.parse} throw) is the
 * client's error: 400 with the code {@code request.multipartMalformed}, not a 500. The multipart request is
 * parsed before any controller is chosen, so the API and page handlers, which apply to their own
 * controllers, never see this exception. Found by the security suite's upload fuzzing.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class MalformedMultipartHandler {

    private final ErrorMessages messages;

    MalformedMultipartHandler(ErrorMessages messages) {
        this.messages = messages;
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<?> malformed(HttpServletRequest request) {
        String message = messages.message("request.multipartMalformed");
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            return ResponseEntity.badRequest()
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(new ApiError("request.multipartMalformed", message));
        }
        return ResponseEntity.badRequest()
                .contentType(new MediaType(MediaType.TEXT_PLAIN, java.nio.charset.StandardCharsets.UTF_8))
                .body(message);
    }
}
