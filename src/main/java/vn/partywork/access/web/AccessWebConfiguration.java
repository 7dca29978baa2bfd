package vn.partywork.access.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import vn.partywork.access.AccessScopes;
import vn.partywork.identity.AccountPrincipal;
import vn.partywork.shared.AccessScope;
import vn.partywork.shared.Database;
import vn.partywork.shared.DomainException;
import vn.partywork.shared.Permission;

/**
 * Lets any controller declare an {@link AccessScope} parameter (ARCHITECTURE rule 1): it receives
 * the signed-in caller's scope, computed once per request.
 */
@Configuration(proxyBeanMethods = false)
class AccessWebConfiguration implements WebMvcConfigurer {

    private final AccessScopes scopes;

    AccessWebConfiguration(AccessScopes scopes) {
        this.scopes = scopes;
    }

    /**
     * P-AZ-3: the member and document endpoints (pages and API, present and future: by path, not by
     * list of handlers) answer 403 {@code access.aggregateOnly} to an aggregate-only caller, except
     * the statistics. The scope already denies such a caller every record (no READ); this makes the
     * refusal say why instead of showing empty lists and 404s.
     */
    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new AggregateOnlyGuard(scopes))
                .addPathPatterns(AggregateOnlyGuard.DETAIL_PATHS)
                .excludePathPatterns(AggregateOnlyGuard.STATISTICS_PATHS);
    }

    static final class AggregateOnlyGuard implements HandlerInterceptor {

        static final List<String> DETAIL_PATHS =
                List.of("/members/**", "/api/v1/members/**", "/documents/**", "/api/v1/documents/**");
        static final List<String> STATISTICS_PATHS =
                List.of("/members/stats", "/members/stats.xlsx", "/api/v1/members/stats");

        private final AccessScopes scopes;

        AggregateOnlyGuard(AccessScopes scopes) {
            this.scopes = scopes;
        }

        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            Authentication auth = SecurityContextHolder.getContext().getAuthentication();
            if (!(handler instanceof HandlerMethod)
                    || auth == null
                    || !(auth.getPrincipal() instanceof AccountPrincipal)) {
                return true;
            }
            AccessScope scope = scopes.current();
            boolean documents = request.getRequestURI()
                    .substring(request.getContextPath().length())
                    .matches("(/api/v1)?/documents(/.*)?");
            // Documents belong to several databases: refused only when nothing at all is read in detail.
            boolean aggregateOnly = documents
                    ? scope.has(Permission.AGGREGATE) && !scope.has(Permission.READ)
                    : scope.isAggregateOnly(Database.ORGANISATION_MEMBER);
            if (aggregateOnly) {
                throw DomainException.forbidden("access.aggregateOnly");
            }
            return true;
        }
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new AccessScopeArgumentResolver(scopes));
    }

    static final class AccessScopeArgumentResolver implements HandlerMethodArgumentResolver {

        private final AccessScopes scopes;

        AccessScopeArgumentResolver(AccessScopes scopes) {
            this.scopes = scopes;
        }

        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            return AccessScope.class.equals(parameter.getParameterType());
        }

        @Override
        public AccessScope resolveArgument(
                MethodParameter parameter,
                ModelAndViewContainer container,
                NativeWebRequest request,
                WebDataBinderFactory binders) {
            return scopes.current();
        }
    }
}
