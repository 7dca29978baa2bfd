package vn.partywork.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.partywork.identity.internal.LoginThrottle;
import vn.partywork.identity.internal.PasswordService;
import vn.partywork.identity.internal.TokenService;
import vn.partywork.identity.internal.TokenService.IssuedToken;
import vn.partywork.shared.DomainException;

/** Bearer tokens for API clients and the API way to replace a default password (P-ID-3). */
@RestController
@RequestMapping("/api/v1/auth")
class AuthApiController {

    record TokenRequest(
            @Nullable String username,
            @Nullable String password,
            @Nullable String otp) {}

    record TokenResponse(String token, Instant expiresAt) {}

    record PasswordChangeRequest(
            @Nullable String username,
            @Nullable String currentPassword,
            @Nullable String newPassword,
            @Nullable String otp) {}

    /** Issue 6 item 9: too many failed sign-ins for this identifier or from this address. */
    private static final class RateLimited extends RuntimeException {
        RateLimited() {
            super("auth.rateLimited", null, false, false);
        }
    }

    private final TokenService tokens;
    private final PasswordService passwords;
    private final LoginThrottle throttle;
    private final ErrorTexts texts;

    AuthApiController(TokenService tokens, PasswordService passwords, LoginThrottle throttle, ErrorTexts texts) {
        this.tokens = tokens;
        this.passwords = passwords;
        this.throttle = throttle;
        this.texts = texts;
    }

    /**
     * 401 {@code auth.badCredentials}, {@code auth.otpRequired}, {@code auth.otpInvalid} (P-ID-4); 403
     * {@code auth.locked}, {@code auth.disabled}, {@code auth.passwordChangeRequired}, {@code
     * auth.mfaEnrolmentRequired}; 429 {@code auth.rateLimited} after too many failures (issue 6 item 9).
     */
    @PostMapping("/token")
    TokenResponse token(@RequestBody TokenRequest request, HttpServletRequest http) {
        String username = request.username() == null ? "" : request.username();
        if (!throttle.allows(username, http.getRemoteAddr())) {
            throw new RateLimited();
        }
        try {
            IssuedToken issued =
                    tokens.issue(username, request.password() == null ? "" : request.password(), request.otp());
            return new TokenResponse(issued.token(), issued.expiresAt());
        } catch (DomainException e) {
            if ((e.kind() == DomainException.Kind.UNAUTHENTICATED && !e.code().equals("auth.otpRequired"))
                    || e.code().equals("auth.locked")) {
                throttle.failed(username, http.getRemoteAddr());
            }
            throw e;
        }
    }

    @ExceptionHandler(RateLimited.class)
    ResponseEntity<Map<String, String>> rateLimited(RateLimited e) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("code", "auth.rateLimited");
        body.put("message", texts.of("auth.rateLimited"));
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, "60")
                .body(body);
    }

    @PostMapping("/logout")
    ResponseEntity<Void> logout(@RequestHeader(HttpHeaders.AUTHORIZATION) String authorization) {
        tokens.revoke(authorization.substring("Bearer ".length()).strip());
        return ResponseEntity.noContent().build();
    }

    /**
     * Checks the current password like a login, and {@code otp} for an account with a second factor
     * (P-ID-4); the new one must meet the policy ({@code identity.password.weak}).
     */
    @PostMapping("/password")
    ResponseEntity<Void> changePassword(@RequestBody PasswordChangeRequest request) {
        passwords.changeWithSecondFactor(
                request.username(), request.currentPassword(), request.newPassword(), request.otp(), "api");
        return ResponseEntity.noContent().build();
    }
}
