package vn.partywork.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.partywork.audit.AuditAction;
import vn.partywork.audit.AuditEvent;
import vn.partywork.audit.AuditLog;
import vn.partywork.identity.AccountPrincipal;
import vn.partywork.shared.DomainException;

/**
 * Checks credentials for the login form, the token endpoint and password changes, counting
 * failures and locking the account after too many (P-ID-3 hardening). Failed attempts are
 * recorded in their own transaction so that they stay on the record although the login fails.
 */
@Service
public class LoginService {

    private final AccountStore accounts;
    private final PasswordEncoder encoder;
    private final AuditLog audit;
    private final Clock clock;
    private final IdentitySettings.Lockout lockout;
    private final Duration initialPasswordLifetime;
    private final TransactionTemplate tx;
    private final MfaStore mfa;
    // Compared against when the account does not exist, so that timing does not reveal which identifiers exist.
    private final String dummyHash;

    LoginService(
            AccountStore accounts,
            PasswordEncoder encoder,
            AuditLog audit,
            Clock clock,
            IdentitySettings settings,
            TransactionTemplate tx,
            MfaStore mfa) {
        this.mfa = mfa;
        this.accounts = accounts;
        this.encoder = encoder;
        this.audit = audit;
        this.clock = clock;
        this.lockout = settings.lockout();
        this.initialPasswordLifetime = settings.initialPasswordLifetime();
        this.tx = tx;
        this.dummyHash = encoder.encode("partywork-no-such-account");
    }

    /** P-ID-1: an identifier has 3–64 characters; a longer one names no account. */
    static final int MAX_IDENTIFIER = 64;

    /**
     * The typed identifier as accounts store it: stripped, Unicode NFC, lower-case. P-AU-1: what a
     * caller types is bounded here, at the edge, before it reaches a query, the rate limiter or the
     * audit log: a value longer than {@value #MAX_IDENTIFIER} characters becomes its first 64
     * characters, {@code …#} and the first 16 hex digits of its SHA-256, which no account can have
     * (the character set of identifiers has neither {@code …} nor {@code #}).
     */
    public static String normalise(@Nullable String identifier) {
        if (identifier == null) {
            return "";
        }
        String stripped = identifier.strip();
        if (stripped.length() > 4 * MAX_IDENTIFIER) {
            return bounded(stripped); // NFC cannot bring it back to 64: no need to normalise megabytes
        }
        String normal = Normalizer.normalize(stripped, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        return normal.length() > MAX_IDENTIFIER ? bounded(normal) : normal;
    }

    private static String bounded(String value) {
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
        int end = Character.isHighSurrogate(value.charAt(MAX_IDENTIFIER - 1)) ? MAX_IDENTIFIER - 1 : MAX_IDENTIFIER;
        return value.substring(0, end) + "…#" + HexFormat.of().formatHex(digest, 0, 8);
    }

    /**
     * The account when the credentials are right and the account may sign in; otherwise throws
     * {@code auth.badCredentials} (401) for an unknown identifier, a wrong password and a locked
     * account alike, {@code auth.disabled} (403) for a deactivated account with the right password,
     * {@code auth.initialPasswordExpired} (403) for a default password older than its lifetime.
     * Does not look at {@code mustChangePassword}: the caller decides what a pending change means.
     */
    public AccountPrincipal verify(@Nullable String username, @Nullable String password, String channel) {
        String identifier = normalise(username);
        String given = password == null ? "" : password;
        AccountRecord account = identifier.length() > MAX_IDENTIFIER
                ? null
                : accounts.byIdentifier(identifier).orElse(null);
        Instant now = clock.instant();
        // ASVS 5.0 6.3.8: the password is hashed on every path (a dummy hash for an unknown
        // identifier, the real one for a locked account too), so that neither the answer nor its
        // time tells an unknown identifier, a wrong password and a locked account apart.
        boolean matches = encoder.matches(given, account == null ? dummyHash : account.passwordHash());
        if (account == null) {
            failed(identifier, null, "unknownAccount", channel);
            throw badCredentials();
        }
        if (account.lockedAt(now)) {
            // Not even the right password tells that the account is locked: else guessing could go on
            // through the lock with "locked" as the sign of a right guess.
            failed(identifier, account.id(), matches ? "locked" : "lockedBadPassword", channel);
            throw badCredentials();
        }
        if (!matches) {
            countFailure(account.id(), account.identifier(), "badPassword", now, channel);
            throw badCredentials();
        }
        if (!account.isActive()) {
            failed(identifier, account.id(), "disabled", channel);
            throw DomainException.forbidden("auth.disabled");
        }
        if (initialPasswordExpired(account, now)) {
            // ASVS 5.0 6.4.1: a default password is random and works only for a limited time.
            failed(identifier, account.id(), "initialPasswordExpired", channel);
            throw DomainException.forbidden("auth.initialPasswordExpired");
        }
        // P-ID-4: with a second factor the count goes on until the code is right too; otherwise a
        // known password would reset the count between guesses of the code.
        if ((account.failedLogins() > 0 || account.lockedUntil() != null) && !mfa.enrolled(account.id())) {
            tx.executeWithoutResult(s -> accounts.clearFailures(account.id()));
        }
        if (encoder.upgradeEncoding(account.passwordHash())) {
            // The hash was made with older settings (or another id): re-hash with today's default.
            String upgraded = encoder.encode(given);
            tx.executeWithoutResult(s -> accounts.upgradeHash(account.id(), account.passwordHash(), upgraded));
        }
        return account.principal();
    }

    /** ASVS 5.0 6.4.1: a default password (issued, reset or handed over) expires unused. */
    private boolean initialPasswordExpired(AccountRecord account, Instant now) {
        if (!account.mustChangePassword()) {
            return false;
        }
        Instant issued = account.passwordChangedAt() != null ? account.passwordChangedAt() : account.createdAt();
        return !issued.plus(initialPasswordLifetime).isAfter(now);
    }

    private static DomainException badCredentials() {
        return new DomainException(DomainException.Kind.UNAUTHENTICATED, "auth.badCredentials");
    }

    /** Records a successful sign-in (session or token). */
    public void loggedIn(AccountPrincipal principal, String channel) {
        tx.executeWithoutResult(s -> {
            accounts.recordLogin(principal.accountId(), clock.instant());
            audit.record(AuditEvent.of(AuditAction.LOGIN, "account", principal.accountId())
                    .actorIdentifier(principal.identifier())
                    .detail("channel", channel)
                    .build());
        });
    }

    /** A sign-in refused after the password was checked (e.g. the default password must be changed first). */
    public void refused(AccountPrincipal principal, String reason, String channel) {
        failed(principal.identifier(), principal.accountId(), reason, channel);
    }

    /**
     * P-ID-4: a wrong or missing second-factor code counts toward the lock-out like a wrong
     * password. Returns true when this failure locked the account.
     */
    public boolean secondFactorFailed(AccountPrincipal principal, String reason, String channel) {
        return countFailure(principal.accountId(), principal.identifier(), reason, clock.instant(), channel);
    }

    /** Both factors were right: the failure count starts again. */
    public void secondFactorPassed(long accountId) {
        tx.executeWithoutResult(s -> accounts.clearFailures(accountId));
    }

    private boolean countFailure(long accountId, String identifier, String reason, Instant now, String channel) {
        Boolean locked = tx.execute(s -> {
            int failures = accounts.countFailure(accountId, now, now.minus(lockout.window()));
            audit.record(AuditEvent.of(AuditAction.LOGIN_FAILED, "account", accountId)
                    .actorIdentifier(identifier)
                    .detail("reason", reason)
                    .detail("channel", channel)
                    .detail("failures", failures)
                    .build());
            if (failures < lockout.maxFailures()) {
                return false;
            }
            Instant until = now.plus(lockout.duration());
            accounts.lockOut(accountId, until);
            audit.record(AuditEvent.of(AuditAction.LOCK, "account", accountId)
                    .actorIdentifier(identifier)
                    .detail("reason", "failedLogins")
                    .detail("failures", failures)
                    .detail("lockedUntil", until.toString())
                    .build());
            return true;
        });
        return Boolean.TRUE.equals(locked);
    }

    private void failed(String identifier, @Nullable Long accountId, String reason, String channel) {
        tx.executeWithoutResult(s -> audit.record(AuditEvent.of(AuditAction.LOGIN_FAILED, "account", accountId)
                .actorIdentifier(identifier.isEmpty() ? "(trống)" : identifier)
                .detail("reason", reason)
                .detail("channel", channel)
                .build()));
    }
}
