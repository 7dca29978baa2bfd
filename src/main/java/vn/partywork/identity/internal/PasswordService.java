package vn.partywork.identity.internal;

import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.partywork.audit.AuditAction;
import vn.partywork.audit.AuditEvent;
import vn.partywork.audit.AuditLog;
import vn.partywork.identity.AccountPrincipal;
import vn.partywork.shared.DomainException;

/** Self-service password change (forced after a default password, or voluntary), P-ID-3. */
@Service
public class PasswordService {

    private final LoginService login;
    private final AccountStore accounts;
    private final TokenStore tokens;
    private final PasswordPolicy policy;
    private final PasswordEncoder encoder;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final MultiFactorService mfa;

    PasswordService(
            LoginService login,
            AccountStore accounts,
            TokenStore tokens,
            PasswordPolicy policy,
            PasswordEncoder encoder,
            AuditLog audit,
            Clock clock,
            TransactionTemplate tx,
            MultiFactorService mfa) {
        this.mfa = mfa;
        this.login = login;
        this.accounts = accounts;
        this.tokens = tokens;
        this.policy = policy;
        this.encoder = encoder;
        this.audit = audit;
        this.clock = clock;
        this.tx = tx;
    }

    /**
     * For a signed-in account (the web page, reachable only after every factor): checks the current
     * password like a login (failures count towards the lock-out), then sets the
     * new one, which must meet the policy and differ from the current one. Other API tokens of the
     * account stop working. Returns the principal with {@code mustChangePassword} cleared.
     */
    public AccountPrincipal change(
            @Nullable String identifier,
            @Nullable String currentPassword,
            @Nullable String newPassword,
            String channel) {
        return change(identifier, currentPassword, newPassword, channel, false, null);
    }

    /**
     * The same for a caller that is not signed in (the API): an account with a second factor must
     * also give a current code or a recovery code, checked like a login (P-ID-4), so that the
     * password alone can neither replace the password nor reset the failure count.
     */
    public AccountPrincipal changeWithSecondFactor(
            @Nullable String identifier,
            @Nullable String currentPassword,
            @Nullable String newPassword,
            @Nullable String otp,
            String channel) {
        return change(identifier, currentPassword, newPassword, channel, true, otp);
    }

    private AccountPrincipal change(
            @Nullable String identifier,
            @Nullable String currentPassword,
            @Nullable String newPassword,
            String channel,
            boolean checkSecondFactor,
            @Nullable String otp) {
        String next = newPassword == null ? "" : newPassword;
        AccountPrincipal principal = login.verify(identifier, currentPassword, channel);
        if (checkSecondFactor && mfa.enrolled(principal.accountId())) {
            mfa.verify(principal, otp, channel);
        }
        if (next.equals(currentPassword)) {
            throw DomainException.invalid("identity.password.sameAsCurrent");
        }
        policy.check(next, principal.identifier());
        String hash = encoder.encode(next);
        tx.executeWithoutResult(s -> {
            accounts.setPassword(principal.accountId(), hash, false, clock.instant());
            tokens.revokeAll(principal.accountId(), clock.instant());
            audit.record(AuditEvent.of(AuditAction.PASSWORD_CHANGE, "account", principal.accountId())
                    .actorIdentifier(principal.identifier())
                    .detail("channel", channel)
                    .detail("forced", principal.mustChangePassword())
                    .build());
        });
        return new AccountPrincipal(
                principal.accountId(),
                principal.identifier(),
                principal.displayName(),
                principal.type(),
                principal.homeOrgId(),
                false);
    }
}
