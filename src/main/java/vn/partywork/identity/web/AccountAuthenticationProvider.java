package vn.partywork.identity.web;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;
import vn.partywork.identity.AccountPrincipal;
import vn.partywork.identity.internal.LoginService;
import vn.partywork.identity.internal.MultiFactorService;
import vn.partywork.shared.DomainException;

/** The login form's check: the same rules (lock-out, deactivation) as the token endpoint. */
@Component
class AccountAuthenticationProvider implements AuthenticationProvider {

    private final LoginService login;
    private final MultiFactorService mfa;

    AccountAuthenticationProvider(LoginService login, MultiFactorService mfa) {
        this.login = login;
        this.mfa = mfa;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        Object credentials = authentication.getCredentials();
        AccountPrincipal principal;
        try {
            principal =
                    login.verify(authentication.getName(), credentials == null ? null : credentials.toString(), "web");
        } catch (DomainException e) {
            throw switch (e.code()) {
                case "auth.locked" -> new LockedException(e.code());
                case "auth.disabled" -> new DisabledException(e.code());
                case "auth.initialPasswordExpired" -> new CredentialsExpiredException(e.code());
                default -> new BadCredentialsException(e.code());
            };
        }
        if (mfa.enrolled(principal.accountId())) {
            // P-ID-4: the password alone opens only the code page.
            return new SecondFactorPending(principal);
        }
        login.loggedIn(principal, "web");
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, AccountAuthorities.of(principal));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
