package vn.partywork.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import vn.partywork.audit.AuditAction;
import vn.partywork.audit.AuditEvent;
import vn.partywork.audit.AuditLog;
import vn.partywork.identity.AccountPrincipal;
import vn.partywork.shared.DomainException;

/** Opaque 256-bit bearer tokens for API clients; the database holds only their SHA-256. */
@Service
public class TokenService {

    /** A token handed to a client: the secret itself and when it stops working. */
    public record IssuedToken(String token, Instant expiresAt) {

        @Override
        public String toString() {
            return "IssuedToken[expiresAt=" + expiresAt + "]";
        }
    }

    private final SecureRandom random = new SecureRandom();
    private final TokenStore tokens;
    private final AccountStore accounts;
    private final LoginService login;
    private final AuditLog audit;
    private final Clock clock;
    private final IdentitySettings settings;
    private final TransactionTemplate tx;
    private final MultiFactorService mfa;

    TokenService(
            TokenStore tokens,
            AccountStore accounts,
            LoginService login,
            AuditLog audit,
            Clock clock,
            IdentitySettings settings,
            TransactionTemplate tx,
            MultiFactorService mfa) {
        this.mfa = mfa;
        this.tx = tx;
        this.tokens = tokens;
        this.accounts = accounts;
        this.login = login;
        this.audit = audit;
        this.clock = clock;
        this.settings = settings;
    }

    /**
     * P-ID-3: an account that still has its default password gets no token ({@code auth.passwordChangeRequired}).
     * P-ID-4: an account with a second factor must send a current code or a recovery code as {@code otp};
     * one that must have a second factor but has not enrolled yet gets none ({@code auth.mfaEnrolmentRequired}).
     */
    public IssuedToken issue(String username, String password, @Nullable String otp) {
        AccountPrincipal principal = login.verify(username, password, "api");
        if (principal.mustChangePassword()) {
            login.refused(principal, "passwordChangeRequired", "api");
            throw DomainException.forbidden("auth.passwordChangeRequired");
        }
        if (mfa.enrolled(principal.accountId())) {
            mfa.verify(principal, otp, "api");
        } else if (mfa.enrolmentPending(principal)) {
            // P-ID-4: enrolment happens on the page; until then the password alone opens nothing.
            login.refused(principal, "mfaEnrolmentRequired", "api");
            throw DomainException.forbidden("auth.mfaEnrolmentRequired");
        }
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = clock.instant();
        Instant expiresAt = now.plus(settings.tokenLifetime());
        tx.executeWithoutResult(s -> {
            tokens.insert(principal.accountId(), sha256(token), now, expiresAt);
            login.loggedIn(principal, "api");
        });
        return new IssuedToken(token, expiresAt);
    }

    /** The principal of a valid token whose account may still sign in. */
    public Optional<AccountPrincipal> authenticate(String token) {
        Instant now = clock.instant();
        return accounts.byApiToken(sha256(token), now)
                .filter(a -> a.isActive() && !a.lockedAt(now) && !a.mustChangePassword())
                .map(AccountRecord::principal);
    }

    @Transactional
    public void revoke(String token) {
        tokens.revoke(sha256(token), clock.instant())
                .ifPresent(accountId -> audit.record(AuditEvent.of(AuditAction.LOGOUT, "account", accountId)
                        .detail("channel", "api")
                        .build()));
    }

    /** Every token of the account stops working (password reset, handover, deactivation, lock). */
    public void revokeAll(long accountId) {
        tokens.revokeAll(accountId, clock.instant());
    }

    static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
