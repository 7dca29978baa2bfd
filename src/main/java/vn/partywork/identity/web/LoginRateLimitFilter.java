package vn.partywork.identity.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.partywork.identity.internal.LoginThrottle;

/**
 * Issue 6 item 9: the login form ({@code POST /login}) is refused with 429 once its identifier or
 * its client address failed too often ({@link LoginThrottle}); the password is then not checked at
 * all. The page shows why ({@code /login/limited}). Failures are counted by the form's failure
 * handler; the token endpoint counts its own in {@link AuthApiController}.
 */
class LoginRateLimitFilter extends OncePerRequestFilter {

    static final String LIMITED_PAGE = "/login/limited";

    private final LoginThrottle throttle;

    LoginRateLimitFilter(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String username = request.getParameter("username");
        if (!throttle.allows(username == null ? "" : username, request.getRemoteAddr())) {
            response.setStatus(429);
            request.getRequestDispatcher(LIMITED_PAGE).forward(request, response);
            return;
        }
        chain.doFilter(request, response);
    }
}
