package vn.partywork.identity.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the identity module ({@code partywork.identity.*}).
 *
 * @param password the password policy (P-ID-3)
 * @param lockout when repeated failed logins lock an account
 * @param tokenLifetime how long an API bearer token stays valid (default 8 hours)
 * @param defaultPasswordLength length of the generated one-time default passwords (default 14)
 * @param initialAdmin identifier of the first system administrator, created at start-up with a
 *     one-time password written to the log when no system administrator exists yet; empty (the
 *     default) creates nothing
 * @param mfa multi-factor authentication with TOTP (P-ID-4)
 * @param initialPasswordLifetime how long a default password (new account, reset, handover) works
 *     before it must be issued again (ASVS 5.0 6.4.1; default 72 hours)
 * @param sessionAbsoluteTimeout how long a web session lasts after its sign-in however active it is
 *     (ASVS 5.0 7.3.2; default 12 hours); the idle timeout is {@code server.servlet.session.timeout}
 * @param dormantDays P-ID-5: an active account without a sign-in (or reactivation) for this many
 *     days is dormant and is deactivated by the daily check (default 90)
 * @param dormancyCheckCron when the daily dormancy check runs, in Asia/Ho_Chi_Minh time (default
 *     01:30 every day); "-" turns it off
 * @param rateLimit how many failed sign-ins the login form and the token endpoint accept before
 *     answering 429 (issue 6 item 9)
 */
@ConfigurationProperties("partywork.identity")
public record IdentitySettings(
        @DefaultValue PasswordPolicySettings password,
        @DefaultValue Lockout lockout,
        @DefaultValue("8h") Duration tokenLifetime,
        @DefaultValue("14") int defaultPasswordLength,
        @DefaultValue("") String initialAdmin,
        @DefaultValue Mfa mfa,
        @DefaultValue("72h") Duration initialPasswordLifetime,
        @DefaultValue("12h") Duration sessionAbsoluteTimeout,
        @DefaultValue("90") int dormantDays,
        @DefaultValue("0 30 1 * * *") String dormancyCheckCron,
        @DefaultValue RateLimit rateLimit) {

    /**
     * @param minLength minimum number of characters (default 10)
     * @param requireLower at least one lower-case letter (default true)
     * @param requireUpper at least one upper-case letter (default true)
     * @param requireDigit at least one digit (default true)
     * @param requireSymbol at least one character that is neither a letter nor a digit (default true)
     * @param rejectIdentifier the password may not equal or contain the identifier (default true)
     */
    public record PasswordPolicySettings(
            @DefaultValue("10") int minLength,
            @DefaultValue("true") boolean requireLower,
            @DefaultValue("true") boolean requireUpper,
            @DefaultValue("true") boolean requireDigit,
            @DefaultValue("true") boolean requireSymbol,
            @DefaultValue("true") boolean rejectIdentifier) {}

    /**
     * @param maxFailures failed logins within {@code window} that lock the account (default 5)
     * @param window the period in which failures are counted (default 15 minutes)
     * @param duration how long the lock lasts before it lifts by itself (default 15 minutes)
     */
    public record Lockout(
            @DefaultValue("5") int maxFailures,
            @DefaultValue("15m") Duration window,
            @DefaultValue("15m") Duration duration) {}

    /**
     * @param enforced whether accounts for which MFA is mandatory (administrators, auditors, access
     *     to classified or sensitive data) must enrol before anything else (default true); the demo
     *     turns it off so that its accounts work without an authenticator. Accounts that enrolled
     *     are asked for a code either way.
     * @param key the AES-256 key that encrypts the TOTP secrets at rest, base64 of 32 bytes; empty
     *     (the default) reads {@code keyFile} instead
     * @param keyFile where the key is kept when {@code key} is empty (default ./data/mfa.key); a new
     *     random key is written there on first start. Never inside the repository.
     * @param issuer the issuer an authenticator app shows next to the account (default partywork)
     */
    public record Mfa(
            @DefaultValue("true") boolean enforced,
            @DefaultValue("") String key,
            @DefaultValue("./data/mfa.key") String keyFile,
            @DefaultValue("partywork") String issuer) {}

    /**
     * Failed sign-ins (login form and {@code POST /api/v1/auth/token}) counted in memory per typed
     * identifier and per client address over a sliding window; beyond the limit the request is
     * answered 429 {@code auth.rateLimited} without checking the password. The lock-out (P-ID-4)
     * protects existing accounts; this also slows guessing over many identifiers from one address.
     *
     * @param perAccount failures of one identifier within {@code window} (default 10)
     * @param perAddress failures from one client address within {@code window} (default 30)
     * @param window the sliding window (default 5 minutes)
     * @param maxTracked at most this many identifiers and addresses are remembered; the least
     *     recently failed are forgotten first (default 100000)
     * @param exemptAddresses client addresses without the per-address limit (default none; the
     *     test suite, whose every request comes from 127.0.0.1, lists the loopback address there)
     */
    public record RateLimit(
            @DefaultValue("10") int perAccount,
            @DefaultValue("30") int perAddress,
            @DefaultValue("5m") Duration window,
            @DefaultValue("100000") int maxTracked,
            @DefaultValue("") java.util.Set<String> exemptAddresses) {}
}
