package vn.partywork.identity.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.partywork.identity.AccountPrincipal;
import vn.partywork.identity.internal.TokenService;

/**
 * Authenticates API requests that carry {@code Authorization: Bearer <token>}. A token that is
 * unknown, expired or revoked leaves the request anonymous and marks it, so that the entry point
 * answers {@code auth.tokenInvalid} rather than {@code auth.required}.
 */
class BearerTokenFilter extends OncePerRequestFilter {

    private static final String PREFIX = "Bearer ";

    private final TokenService tokens;

    BearerTokenFilter(TokenService tokens) {
        this.tokens = tokens;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            String token = header.substring(PREFIX.length()).strip();
            AccountPrincipal principal = token.isEmpty() || token.length() > 200
                    ? null
                    : tokens.authenticate(token).orElse(null);
            if (principal == null) {
                request.setAttribute(SecurityErrors.TOKEN_ERROR, Boolean.TRUE);
            } else {
                SecurityContext context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        principal, null, AccountAuthorities.of(principal)));
                SecurityContextHolder.setContext(context);
            }
        }
        chain.doFilter(request, response);
    }
}
