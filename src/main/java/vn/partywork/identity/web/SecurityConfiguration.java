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
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import vn.partywork.audit.AuditAction;
import vn.partywork.audit.AuditEvent;
import vn.partywork.audit.AuditLog;
import vn.partywork.identity.AccountPrincipal;
import vn.partywork.identity.Accounts;
import vn.partywork.identity.internal.IdentitySettings;
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
            IdentitySettings settings)
            throws Exception {
        http.authenticationManager(new ProviderManager(provider))
                .formLogin(form ->
                        form.loginPage("/login").failureHandler(loginFailure()).permitAll())
                .logout(logout -> logout.logoutUrl("/logout")
                        .addLogoutHandler(auditLogout(audit))
                        .logoutSuccessUrl("/login?logout")
                        .deleteCookies("JSESSIONID"))
                .sessionManagement(s -> s.invalidSessionUrl("/login?expired"))
                .addFilterBefore(
                        new SessionAccountFilter(accounts, mfa, clock, settings.sessionAbsoluteTimeout()),
                        AuthorizationFilter.class)
                .authorizeHttpRequests(rules -> rules.requestMatchers(STATIC)
                        .permitAll()
                        .requestMatchers("/login", "/login/otp", "/error", "/error/**")
                        .permitAll()
                        .requestMatchers("/admin/**")
                        .hasAnyRole(ACCOUNT_MANAGERS)
                        .requestMatchers("/", "/account/**")
                        .authenticated()
                        .anyRequest()
                        .access(BUSINESS_USER));
        return http.build();
    }

    private static AuthenticationFailureHandler loginFailure() {
        return (request, response, exception) -> {
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
