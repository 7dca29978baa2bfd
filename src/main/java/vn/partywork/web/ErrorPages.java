package vn.partywork.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;

/**
 * Spring Boot's error controller, with one change: {@code /error} opened directly (no error being
 * forwarded) is a page that does not exist, 404, not the 500 that Spring Boot answers for a missing
 * status. Its views are {@code templates/error/*.html} in the layout.
 */
@Configuration(proxyBeanMethods = false)
class ErrorPages {

    @Bean
    BasicErrorController basicErrorController(
            ErrorAttributes attributes, WebProperties web, ObjectProvider<ErrorViewResolver> resolvers) {
        return new BasicErrorController(
                attributes, web.getError(), resolvers.orderedStream().toList()) {
            @Override
            protected HttpStatus getStatus(HttpServletRequest request) {
                if (request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) == null) {
                    return HttpStatus.NOT_FOUND;
                }
                return super.getStatus(request);
            }
        };
    }
}
