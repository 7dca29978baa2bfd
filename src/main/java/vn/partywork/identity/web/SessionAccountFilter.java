package vn.partywork.identity.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.partywork.identity.AccountPrincipal;
import vn.partywork.identity.AccountView;
import vn.partywork.identity.Accounts;
import vn.partywork.identity.internal.MultiFactorService;

/**
 * For signed-in sessions: re-reads the account on each page request, so that a deactivation or an
 * administrator's lock ends the session at once and a changed name or pending password change is
 * seen; and, while the default password is unchanged, sends every page to {@code /account/password}
 * (P-ID-3: the default password must be changed before any other action); likewise to
 * {@code /account/mfa} while an account that must have a second factor has none, and to
 * {@code /login/otp} between the password and the code (P-ID-4).
 */
class SessionAccountFilter extends OncePerRequestFilter {

    static final String CHANGE_PASSWORD = "/account/password";
    static final String ENTER_CODE = "/login/otp";
    static final String ENROL = "/account/mfa";

    private final Accounts accounts;
    private final MultiFactorService mfa;
    private final SecurityContextRepository repository = new HttpSessionSecurityContextRepository();

    SessionAccountFilter(Accounts accounts, MultiFactorService mfa) {
        this.accounts = accounts;
        this.mfa = mfa;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = path(request);
        return path.startsWith("/webjars/")
                || path.startsWith("/css/")
                || path.startsWith("/js/")
                || path.startsWith("/images/")
                || path.equals("/favicon.ico");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth instanceof SecondFactorPending) {
            // P-ID-4: between the password and the code only the code page (and leaving) is reachable.
            if (!mayPassBefore(ENTER_CODE, path(request))) {
                response.sendRedirect(request.getContextPath() + ENTER_CODE);
                return;
            }
        } else if (auth != null && auth.getPrincipal() instanceof AccountPrincipal principal) {
            Optional<AccountView> account = accounts.byId(principal.accountId());
            if (account.isEmpty() || !account.get().isActive() || account.get().lockedByAdmin()) {
                String reason = account.isPresent() && account.get().isActive() ? "locked" : "disabled";
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                SecurityContextHolder.clearContext();
                // A fresh session, so that the login page shows this reason rather than "session expired".
                request.getSession(true);
                response.sendRedirect(request.getContextPath() + "/login?error=" + reason);
                return;
            }
            AccountPrincipal current = account.get().principal();
            if (!current.equals(principal)) {
                SecurityContext context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        current, null, AccountAuthorities.of(current)));
                SecurityContextHolder.setContext(context);
                repository.saveContext(context, request, response);
            }
            if (current.mustChangePassword() && !mayPassBefore(CHANGE_PASSWORD, path(request))) {
                response.sendRedirect(request.getContextPath() + CHANGE_PASSWORD);
                return;
            }
            // P-ID-4: an account for which MFA is mandatory enrols before anything else.
            if (!current.mustChangePassword()
                    && !mayPassBefore(ENROL, path(request))
                    && mfa.enrolmentPending(current)) {
                response.sendRedirect(request.getContextPath() + ENROL);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static boolean mayPassBefore(String page, String path) {
        return path.equals(page)
                || path.equals("/logout")
                || path.equals("/login")
                || path.equals("/error")
                || path.startsWith("/error/");
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
