package vn.partywork.identity.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
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
 * {@code /login/otp} between the password and the code (P-ID-4). Ends a session a fixed time after
 * its sign-in however active it is (ASVS 5.0 7.3.2; the idle timeout is the servlet container's
 * {@code server.servlet.session.timeout}).
 */
class SessionAccountFilter extends OncePerRequestFilter {

    static final String CHANGE_PASSWORD = "/account/password";
    static final String ENTER_CODE = "/login/otp";
    static final String ENROL = "/account/mfa";
    private static final String PASSWORD_SEEN = SessionAccountFilter.class.getName() + ".passwordChangedAt";

    private static final String SIGNED_IN_AT = SessionAccountFilter.class.getName() + ".signedInAt";

    private final Accounts accounts;
    private final MultiFactorService mfa;
    private final Clock clock;
    private final Duration absoluteTimeout;
    private final SecurityContextRepository repository = new HttpSessionSecurityContextRepository();

    SessionAccountFilter(Accounts accounts, MultiFactorService mfa, Clock clock, Duration absoluteTimeout) {
        this.accounts = accounts;
        this.mfa = mfa;
        this.clock = clock;
        this.absoluteTimeout = absoluteTimeout;
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
            HttpSession session = request.getSession(false);
            if (session != null && tooOld(session)) {
                // ASVS 5.0 7.3.2: however active, a session ends this long after the sign-in.
                session.invalidate();
                SecurityContextHolder.clearContext();
                request.getSession(true);
                response.sendRedirect(request.getContextPath() + "/login?expired");
                return;
            }
            boolean passwordReplaced = account.isPresent()
                    && session != null
                    && passwordReplacedSince(session, account.get().passwordChangedAt());
            if (account.isEmpty() || !account.get().isActive() || account.get().lockedByAdmin() || passwordReplaced) {
                String reason = passwordReplaced
                        ? "passwordChanged"
                        : account.isPresent() && account.get().isActive() ? "locked" : "disabled";
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

    /**
     * ASVS 5.0 7.4.3: a new password (changed in another session, reset or handed over by an
     * administrator) ends every session signed in with the old one. The session remembers the
     * password's time at its first request; the session that changed the password forgets it
     * ({@link #passwordChangedHere}) and takes the new one.
     */
    private static boolean passwordReplacedSince(HttpSession session, @Nullable Instant changedAt) {
        String now = changedAt == null ? "-" : changedAt.toString();
        Object seen = session.getAttribute(PASSWORD_SEEN);
        if (seen == null) {
            session.setAttribute(PASSWORD_SEEN, now);
            return false;
        }
        return !seen.equals(now);
    }

    private boolean tooOld(HttpSession session) {
        Instant now = clock.instant();
        if (!(session.getAttribute(SIGNED_IN_AT) instanceof Instant signedIn)) {
            session.setAttribute(SIGNED_IN_AT, now);
            return false;
        }
        return !signedIn.plus(absoluteTimeout).isAfter(now);
    }

    /** The session that changed the password keeps going with the new one. */
    static void passwordChangedHere(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(PASSWORD_SEEN);
        }
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
