package vn.partywork.identity.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import vn.partywork.audit.AuditAction;
import vn.partywork.audit.AuditEvent;
import vn.partywork.audit.AuditLog;
import vn.partywork.identity.AccountPrincipal;
import vn.partywork.identity.AccountType;
import vn.partywork.identity.SensitiveAccess;
import vn.partywork.shared.DomainException;

/**
 * P-ID-4: the TOTP second factor: who must have it, enrolment with recovery codes, checking a code
 * at login (±1 time step for clock drift, never the same step twice, failures counted toward the
 * lock-out) and the administrator's reset. Every enrolment, recovery-code use, failure and reset
 * is audited.
 */
@Service
public class MultiFactorService {

    /** A new, not yet confirmed secret: base32 for manual entry and the otpauth URI apps read. */
    public record NewSecret(String secret, String uri) {

        @Override
        public String toString() {
            return "NewSecret[]";
        }
    }

    static final int RECOVERY_CODES = 10;
    private static final int SECRET_BYTES = 20;
    private static final int DRIFT_STEPS = 1;
    private static final String RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

    private final SecureRandom random = new SecureRandom();
    private final MfaStore store;
    private final SecretBox box;
    private final AccountStore accounts;
    private final LoginService login;
    private final PasswordEncoder encoder;
    private final AuditLog audit;
    private final Clock clock;
    private final IdentitySettings.Mfa settings;
    private final List<SensitiveAccess> sensitiveAccess;
    private final TransactionTemplate tx;

    MultiFactorService(
            MfaStore store,
            SecretBox box,
            AccountStore accounts,
            LoginService login,
            PasswordEncoder encoder,
            AuditLog audit,
            Clock clock,
            IdentitySettings settings,
            List<SensitiveAccess> sensitiveAccess,
            TransactionTemplate tx) {
        this.store = store;
        this.box = box;
        this.accounts = accounts;
        this.login = login;
        this.encoder = encoder;
        this.audit = audit;
        this.clock = clock;
        this.settings = settings.mfa();
        this.sensitiveAccess = sensitiveAccess;
        this.tx = tx;
    }

    public boolean enrolled(long accountId) {
        return store.enrolled(accountId);
    }

    /** P-ID-4: administrators, auditors and accounts reaching classified or sensitive data. */
    public boolean mandatory(AccountPrincipal account) {
        return account.type() == AccountType.SYSTEM_ADMIN
                || account.type() == AccountType.ORG_ADMIN
                || sensitiveAccess.stream().anyMatch(s -> s.reachesSensitiveData(account.accountId()));
    }

    /** The account must enrol before anything else: mandatory for it, enforced, and not enrolled yet. */
    public boolean enrolmentPending(AccountPrincipal account) {
        return settings.enforced() && !enrolled(account.accountId()) && mandatory(account);
    }

    public int recoveryCodesLeft(long accountId) {
        return store.unusedRecoveryCodes(accountId).size();
    }

    public NewSecret newSecret(AccountPrincipal account) {
        byte[] secret = new byte[SECRET_BYTES];
        random.nextBytes(secret);
        String base32 = Totp.base32(secret);
        String issuer = settings.issuer();
        String uri = "otpauth://totp/" + encode(issuer) + ":" + encode(account.identifier()) + "?secret=" + base32
                + "&issuer=" + encode(issuer) + "&algorithm=SHA1&digits=" + Totp.DIGITS + "&period="
                + Totp.STEP_SECONDS;
        return new NewSecret(base32, uri);
    }

    /**
     * Confirms a secret shown to the account with a first code from the app and stores it
     * (replacing any earlier one). Returns the recovery codes, which are shown once and kept only
     * hashed. Throws {@code identity.mfa.codeInvalid} when the code does not fit the secret.
     */
    @Transactional
    public List<String> enrol(AccountPrincipal account, String base32Secret, @Nullable String code) {
        byte[] secret;
        try {
            secret = Totp.fromBase32(base32Secret);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("identity.mfa.codeInvalid");
        }
        long now = Totp.step(clock.instant());
        Long step = matchingStep(secret, digits(code), now);
        if (secret.length < 10 || step == null) {
            throw DomainException.invalid("identity.mfa.codeInvalid");
        }
        List<String> codes = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            String recovery = recoveryCode();
            codes.add(recovery);
            hashes.add(encoder.encode(normaliseRecovery(recovery)));
        }
        boolean replaced = store.enrolled(account.accountId());
        store.enrol(account.accountId(), box.seal(secret, account.accountId()), step, hashes, clock.instant());
        audit.record(AuditEvent.of(AuditAction.UPDATE, "account", account.accountId())
                .actorIdentifier(account.identifier())
                .change("mfa", replaced ? "TOTP" : null, "TOTP")
                .detail("event", "mfaEnrolled")
                .detail("recoveryCodes", RECOVERY_CODES)
                .build());
        return codes;
    }

    /**
     * The second step of a login of an enrolled account: a current 6-digit code or an unused
     * recovery code. Throws {@code auth.otpRequired} (nothing given) or {@code auth.otpInvalid}
     * (401), or {@code auth.locked} (403) when this failure locked the account or it already was.
     */
    public void verify(AccountPrincipal account, @Nullable String code, String channel) {
        Instant now = clock.instant();
        AccountRecord record = accounts.byId(account.accountId())
                .orElseThrow(() -> new DomainException(DomainException.Kind.UNAUTHENTICATED, "auth.badCredentials"));
        if (record.lockedAt(now)) {
            login.refused(account, "locked", channel);
            throw DomainException.forbidden("auth.locked");
        }
        if (!record.isActive()) {
            login.refused(account, "disabled", channel);
            throw DomainException.forbidden("auth.disabled");
        }
        MfaStore.Enrolment enrolment = store.of(account.accountId())
                .orElseThrow(() -> new IllegalStateException("account " + account.accountId() + " has no MFA"));
        String given = code == null ? "" : code.strip();
        if (given.isEmpty()) {
            throw failure(account, "otpMissing", "auth.otpRequired", channel);
        }
        String digits = digits(given);
        if (digits != null) {
            byte[] secret = box.open(enrolment.secret(), account.accountId());
            Long step = matchingStep(secret, digits, Totp.step(now));
            if (step == null) {
                throw failure(account, "otpInvalid", "auth.otpInvalid", channel);
            }
            if (step <= enrolment.lastStep() || !store.useStep(account.accountId(), step)) {
                // P-ID-4: a code seen once (by this server) is never accepted again.
                throw failure(account, "otpReplayed", "auth.otpInvalid", channel);
            }
        } else if (!useRecoveryCode(account, given, channel)) {
            throw failure(account, "recoveryCodeInvalid", "auth.otpInvalid", channel);
        }
        login.secondFactorPassed(account.accountId());
    }

    /** P-ID-4: an administrator removes an account's second factor; it enrols again at its next login. */
    @Transactional
    public void reset(long accountId, String identifier) {
        if (!store.remove(accountId)) {
            throw DomainException.conflict("identity.mfa.notEnrolled");
        }
        audit.record(AuditEvent.of(AuditAction.UPDATE, "account", accountId)
                .change("mfa", "TOTP", null)
                .detail("event", "mfaReset")
                .detail("account", identifier)
                .build());
    }

    private boolean useRecoveryCode(AccountPrincipal account, String given, String channel) {
        String normalised = normaliseRecovery(given);
        for (MfaStore.RecoveryCode candidate : store.unusedRecoveryCodes(account.accountId())) {
            if (encoder.matches(normalised, candidate.hash())) {
                Boolean used = tx.execute(s -> {
                    if (!store.useRecoveryCode(candidate.id(), clock.instant())) {
                        return false;
                    }
                    audit.record(AuditEvent.of(AuditAction.UPDATE, "account", account.accountId())
                            .actorIdentifier(account.identifier())
                            .detail("event", "mfaRecoveryCodeUsed")
                            .detail("channel", channel)
                            .detail(
                                    "recoveryCodesLeft",
                                    store.unusedRecoveryCodes(account.accountId())
                                            .size())
                            .build());
                    return true;
                });
                return Boolean.TRUE.equals(used);
            }
        }
        return false;
    }

    /** Counts the failure; the exception to throw is auth.locked when it locked the account. */
    private DomainException failure(AccountPrincipal account, String reason, String code, String channel) {
        if (login.secondFactorFailed(account, reason, channel)) {
            return DomainException.forbidden("auth.locked");
        }
        return new DomainException(DomainException.Kind.UNAUTHENTICATED, code);
    }

    /** The step within ±1 of {@code now} whose code is {@code digits}, compared in constant time. */
    private static @Nullable Long matchingStep(byte[] secret, @Nullable String digits, long now) {
        if (digits == null) {
            return null;
        }
        Long found = null;
        for (long step = now - DRIFT_STEPS; step <= now + DRIFT_STEPS; step++) {
            boolean same = MessageDigest.isEqual(
                    Totp.code(secret, step).getBytes(StandardCharsets.US_ASCII),
                    digits.getBytes(StandardCharsets.US_ASCII));
            if (same && found == null) {
                found = step;
            }
        }
        return found;
    }

    /** The six digits of a TOTP code as typed (spaces allowed), or null when it is not one. */
    private static @Nullable String digits(@Nullable String code) {
        if (code == null) {
            return null;
        }
        String compact = code.replace(" ", "");
        return compact.matches("\\d{" + Totp.DIGITS + "}") ? compact : null;
    }

    private String recoveryCode() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            if (i == 5) {
                code.append('-');
            }
            code.append(RECOVERY_ALPHABET.charAt(random.nextInt(RECOVERY_ALPHABET.length())));
        }
        return code.toString();
    }

    private static String normaliseRecovery(String code) {
        return code.replace("-", "").replace(" ", "").toLowerCase(Locale.ROOT);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
