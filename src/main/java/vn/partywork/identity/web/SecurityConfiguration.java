package vn.partywork.identity.web;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import vn.partywork.audit.AuditAction;
import vn.partywork.audit.AuditEvent;
import vn.partywork.audit.AuditLog;
import vn.partywork.identity.AccountPrincipal;
import vn.partywork.identity.Accounts;
import vn.partywork.identity.internal.IdentitySettings;
import vn.partywork.identity.internal.LoginThrottle;
import vn.partywork.identity.internal.MultiFactorService;
import vn.partywork.identity.internal.TokenService;

/**
 * Two filter chains: {@code /api/**} with bearer tokens (stateless, no CSRF), everything else
 * with the login form and a session cookie (CSRF on). Every URL falls under a rule; the last rule
 * of each chain lets through only signed-in accounts that are not system administrators, because
 * a system administrator may never see business data (P-ID-2). The rule is URL-based, so it
 * answers 403 before any controller is looked up: also for business URLs that do not exist yet.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication // the benchmarks run the application without a web server
class SecurityConfiguration {

    private static final String[] ACCOUNT_MANAGERS = {"SYSTEM_ADMIN", "ORG_ADMIN"};
    private static final String[] STATIC = {"/webjars/**", "/css/**", "/js/**", "/images/**", "/favicon.ico"};

    /**
     * Issue 6 item 9: scripts, styles, images, fonts and requests only from this origin, no inline
     * script at all (the pages bind their behaviour in /js/partywork.js), no plugins, no framing,
     * forms post only here. Inline {@code style} attributes stay allowed ({@code style-src-attr}):
     * no template writes one any more, but the chart library (ECharts) and Bootstrap's menus may set
     * them from script, and no browser test proves them free of it yet; {@code <style>} elements and
     * style sheets from elsewhere are refused.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "style-src-attr 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /**
     * The API documentation (Swagger UI, no business data) injects its own {@code <style>} element;
     * there alone inline styles are allowed. Scripts stay {@code 'self'}.
     */
    static final String API_DOCS_POLICY = CONTENT_SECURITY_POLICY.replace(
            "style-src 'self'; style-src-attr 'unsafe-inline'", "style-src 'self' 'unsafe-inline'");

    static HeaderWriter contentSecurityPolicy() {
        return (request, response) -> {
            String path =
                    request.getRequestURI().substring(request.getContextPath().length());
            boolean docs =
                    path.equals("/api/docs") || path.startsWith("/api/docs/") || path.startsWith("/api/swagger-ui/");
            response.setHeader("Content-Security-Policy", docs ? API_DOCS_POLICY : CONTENT_SECURITY_POLICY);
        };
    }

    /**
     * The same headers on pages and API answers: CSP, no framing, no MIME sniffing, no referrer to
     * other sites, HSTS on HTTPS requests (Spring Security writes it only there), and Spring
     * Security's {@code Cache-Control: no-cache, no-store, max-age=0, must-revalidate} on every
     * answer of a controller: pages and API answers hold personal data.
     */
    static Customizer<HeadersConfigurer<HttpSecurity>> securityHeaders() {
        return headers -> headers.addHeaderWriter(contentSecurityPolicy())
                .frameOptions(frame -> frame.deny())
                .contentTypeOptions(Customizer.withDefaults())
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                .httpStrictTransportSecurity(
                        hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000))
                .cacheControl(Customizer.withDefaults());
    }

    /** P-ID-2: authenticated, and not a system administrator. */
    static final AuthorizationManager<RequestAuthorizationContext> BUSINESS_USER = (authentication, context) -> {
        Authentication auth = authentication.get();
        boolean allowed = auth != null
                && auth.isAuthenticated()
                && !(auth instanceof AnonymousAuthenticationToken)
                && auth.getPrincipal() instanceof AccountPrincipal principal
                && !principal.isSystemAdmin();
        return new AuthorizationDecision(allowed);
    };

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, TokenService tokens, SecurityErrors errors) throws Exception {
        http.securityMatcher("/api/**")
                .headers(securityHeaders())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .addFilterBefore(new BearerTokenFilter(tokens), AnonymousAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(errors).accessDeniedHandler(errors))
                .authorizeHttpRequests(rules -> rules.requestMatchers("/api/docs", "/api/docs/**", "/api/swagger-ui/**")
                        .permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/auth/token", "/api/v1/auth/password")
                        .permitAll()
                        .requestMatchers("/api/v1/auth/**", "/api/v1/me")
                        .authenticated()
                        .requestMatchers("/api/v1/admin/**")
                        .hasAnyRole(ACCOUNT_MANAGERS)
                        .anyRequest()
                        .access(BUSINESS_USER));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain webChain(
            HttpSecurity http,
            AccountAuthenticationProvider provider,
            Accounts accounts,
            MultiFactorService mfa,
            AuditLog audit,
            Clock clock,
            IdentitySettings settings,
            LoginThrottle throttle)
            throws Exception {
        http.authenticationManager(new ProviderManager(provider))
                .headers(securityHeaders())
                .formLogin(form -> form.loginPage("/login")
                        .failureHandler(loginFailure(throttle))
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/logout")
                        .addLogoutHandler(auditLogout(audit))
                        .logoutSuccessUrl("/login?logout")
                        .deleteCookies("JSESSIONID"))
                // Spring Security's default: a new session id at sign-in (session fixation), tested.
                .sessionManagement(s ->
                        s.invalidSessionUrl("/login?expired").sessionFixation(fixation -> fixation.changeSessionId()))
                .addFilterBefore(new LoginRateLimitFilter(throttle), UsernamePasswordAuthenticationFilter.class)
                .addFilterBefore(
                        new SessionAccountFilter(accounts, mfa, clock, settings.sessionAbsoluteTimeout()),
                        AuthorizationFilter.class)
                .authorizeHttpRequests(rules -> rules.requestMatchers(STATIC)
                        .permitAll()
                        .requestMatchers(
                                "/login", "/login/otp", LoginRateLimitFilter.LIMITED_PAGE, "/error", "/error/**")
                        .permitAll()
                        .requestMatchers("/admin/**")
                        .hasAnyRole(ACCOUNT_MANAGERS)
                        .requestMatchers("/", "/account/**")
                        .authenticated()
                        .anyRequest()
                        .access(BUSINESS_USER));
        return http.build();
    }

    private static AuthenticationFailureHandler loginFailure(LoginThrottle throttle) {
        return (request, response, exception) -> {
            String username = request.getParameter("username");
            throttle.failed(username == null ? "" : username, request.getRemoteAddr());
            String reason = exception instanceof LockedException
                    ? "locked"
                    : exception instanceof DisabledException
                            ? "disabled"
                            : exception instanceof CredentialsExpiredException ? "initialPasswordExpired" : "bad";
            response.sendRedirect(request.getContextPath() + "/login?error=" + reason);
        };
    }

    private static LogoutHandler auditLogout(AuditLog audit) {
        return (request, response, authentication) -> {
            if (authentication != null && authentication.getPrincipal() instanceof AccountPrincipal principal) {
                audit.record(AuditEvent.of(AuditAction.LOGOUT, "account", principal.accountId())
                        .actorIdentifier(principal.identifier())
                        .detail("channel", "web")
                        .build());
            }
        };
    }
}
