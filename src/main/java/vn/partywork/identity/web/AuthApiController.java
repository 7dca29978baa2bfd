package vn.partywork.identity.web;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.partywork.identity.internal.PasswordService;
import vn.partywork.identity.internal.TokenService;
import vn.partywork.identity.internal.TokenService.IssuedToken;

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

    private final TokenService tokens;
    private final PasswordService passwords;

    AuthApiController(TokenService tokens, PasswordService passwords) {
        this.tokens = tokens;
        this.passwords = passwords;
    }

    /** 401 {@code auth.badCredentials}, {@code auth.otpRequired}, {@code auth.otpInvalid} (P-ID-4); 403 {@code auth.locked}, {@code auth.disabled}, {@code auth.passwordChangeRequired}, {@code auth.mfaEnrolmentRequired}. */
    @PostMapping("/token")
    TokenResponse token(@RequestBody TokenRequest request) {
        IssuedToken issued = tokens.issue(
                request.username() == null ? "" : request.username(),
                request.password() == null ? "" : request.password(),
                request.otp());
        return new TokenResponse(issued.token(), issued.expiresAt());
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
