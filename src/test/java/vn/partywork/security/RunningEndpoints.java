package vn.partywork.security;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.context.ApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** The handler mappings of the running application, as "METHOD pattern" (no method: GET and POST). */
final class RunningEndpoints {

    private RunningEndpoints() {}

    static List<String> of(ApplicationContext context) {
        Set<String> endpoints = new LinkedHashSet<>();
        for (RequestMappingHandlerMapping mapping :
                context.getBeansOfType(RequestMappingHandlerMapping.class).values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (String pattern : info.getPatternValues()) {
                    if (methods.isEmpty()) {
                        endpoints.add("GET " + pattern);
                        endpoints.add("POST " + pattern);
                    }
                    methods.forEach(m -> endpoints.add(m.name() + " " + pattern));
                }
            }
        }
        return endpoints.stream()
                .sorted(Comparator.comparing((String e) -> e.substring(e.indexOf(' ') + 1))
                        .thenComparing(e -> e.substring(0, e.indexOf(' '))))
                .toList();
    }
}
