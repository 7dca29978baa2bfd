package vn.partywork.identity.internal;

import java.time.Clock;
import java.time.Instant;
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
        this.tx = tx;
        this.dummyHash = encoder.encode("partywork-no-such-account");
    }

    public static String normalise(@Nullable String identifier) {
        return identifier == null ? "" : identifier.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * The account when the credentials are right and the account may sign in; otherwise throws
     * {@code auth.badCredentials} (401), {@code auth.locked} or {@code auth.disabled} (403).
     * Does not look at {@code mustChangePassword}: the caller decides what a pending change means.
     */
    public AccountPrincipal verify(@Nullable String username, @Nullable String password, String channel) {
        String identifier = normalise(username);
        String given = password == null ? "" : password;
        AccountRecord account = accounts.byIdentifier(identifier).orElse(null);
        if (account == null) {
            encoder.matches(given, dummyHash);
            failed(identifier, null, "unknownAccount", channel);
            throw new DomainException(DomainException.Kind.UNAUTHENTICATED, "auth.badCredentials");
        }
        Instant now = clock.instant();
        if (account.lockedAt(now)) {
            failed(identifier, account.id(), "locked", channel);
            throw DomainException.forbidden("auth.locked");
        }
        if (!encoder.matches(given, account.passwordHash())) {
            boolean lockedNow = countFailure(account.id(), account.identifier(), "badPassword", now, channel);
            throw lockedNow
                    ? DomainException.forbidden("auth.locked")
                    : new DomainException(DomainException.Kind.UNAUTHENTICATED, "auth.badCredentials");
        }
        if (!account.isActive()) {
            failed(identifier, account.id(), "disabled", channel);
            throw DomainException.forbidden("auth.disabled");
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

    /** Records a successful sign-in (session or token). */
    public void loggedIn(AccountPrincipal principal, String channel) {
        tx.executeWithoutResult(s -> audit.record(AuditEvent.of(AuditAction.LOGIN, "account", principal.accountId())
                .actorIdentifier(principal.identifier())
                .detail("channel", channel)
                .build()));
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
