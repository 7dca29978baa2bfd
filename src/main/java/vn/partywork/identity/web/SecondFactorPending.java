package vn.partywork.identity.web;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import vn.partywork.identity.AccountPrincipal;

/**
 * P-ID-4: the session after a right password of an account with a second factor, before its code.
 * It carries no authority and its principal is not an {@link AccountPrincipal}, so no rule and no
 * controller takes it for a signed-in account; {@link SessionAccountFilter} sends every page to
 * {@code /login/otp} until the code replaces it with the full authentication.
 */
final class SecondFactorPending extends AbstractAuthenticationToken {

    /** Whose password was right; deliberately not an AccountPrincipal. */
    record Awaiting(AccountPrincipal account) implements java.io.Serializable {}

    private final Awaiting awaiting;

    SecondFactorPending(AccountPrincipal account) {
        super(List.of());
        this.awaiting = new Awaiting(account);
        setAuthenticated(true);
    }

    AccountPrincipal account() {
        return awaiting.account();
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return awaiting;
    }
}
