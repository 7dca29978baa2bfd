package vn.partywork.access.web;

import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import vn.partywork.access.AccessScopes;
import vn.partywork.shared.AccessScope;

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
