package vn.partywork.identity.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import vn.partywork.PartyworkTest;
import vn.partywork.web.ApiClient;
import vn.partywork.web.DemoOrgs;
import vn.partywork.web.PageSession;

/**
 * P-ID-2: the system administrator never reaches business data. The endpoints are not listed by
 * hand: every handler mapping of the running application is called as {@code admin}, so a business
 * endpoint added tomorrow is covered (and this test fails if it is reachable).
 */
@PartyworkTest
class SystemAdministratorBusinessEndpointTests {

    /** Account administration, the own account, sign-in, errors and API documentation: not business data. */
    private static final List<String> NOT_BUSINESS = List.of(
            "/admin",
            "/admin/**",
            "/api/v1/admin/**",
            "/account/**",
            "/api/v1/auth/**",
            "/api/v1/me",
            "/login",
            "/login/otp",
            "/login/limited",
            "/logout",
            "/error",
            "/error/**",
            "/api/docs",
            "/api/docs/**",
            "/v3/api-docs/**",
            "/swagger-ui/**",
            "/swagger-ui.html",
            "/");

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(:[^}]*)?}");

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    record Endpoint(String method, String pattern) {
        boolean api() {
            return pattern.startsWith("/api/");
        }

        @Override
        public String toString() {
            return method + " " + pattern;
        }
    }

    @Test
    void theSystemAdministratorGets403OnEveryBusinessEndpointOfTheRunningApplication() {
        List<Endpoint> business = businessEndpoints();
        assertThat(business)
                .as("the enumeration sees the business endpoints")
                .contains(
                        new Endpoint("GET", "/api/v1/orgs"),
                        new Endpoint("POST", "/api/v1/orgs/{id}/rename"),
                        new Endpoint("GET", "/orgs/{id}"),
                        new Endpoint("POST", "/orgs/{id}/dissolve"),
                        new Endpoint("GET", "/api/v1/catalogues/{code}"));
        ApiClient api = ApiClient.as(port, "admin");
        PageSession pages = PageSession.login(port, "admin");
        DemoOrgs orgs = new DemoOrgs(jdbc);
        String digest = orgs.digest();

        List<String> reachable = new ArrayList<>();
        for (Endpoint endpoint : business) {
            String url = fill(endpoint.pattern());
            if (endpoint.api()) {
                ApiClient.Reply reply =
                        api.send(endpoint.method(), url, endpoint.method().equals("GET") ? null : "{}");
                if (reply.status() != 403 || !reply.body().contains("\"code\":\"auth.forbidden\"")) {
                    reachable.add(endpoint + " → " + reply.status() + " "
                            + reply.body()
                                    .substring(0, Math.min(200, reply.body().length())));
                }
            } else {
                // With a valid CSRF token, so that the 403 comes from the authorization rule.
                PageSession.Page reply =
                        endpoint.method().equals("GET") ? pages.get(url) : pages.post(url, Map.of("name", "Tên mới"));
                if (reply.status() != 403) {
                    reachable.add(endpoint + " → " + reply.status() + " " + reply.location());
                }
            }
        }
        assertThat(reachable)
                .as("business endpoints a system administrator reaches")
                .isEmpty();
        assertThat(orgs.digest()).isEqualTo(digest);

        // The exclusions are what the administrator needs, and they work.
        assertThat(api.get("/api/v1/admin/accounts").status()).isEqualTo(200);
        assertThat(api.get("/api/v1/me").status()).isEqualTo(200);
        assertThat(pages.get("/admin/accounts").status()).isEqualTo(200);
        assertThat(pages.get("/").location()).endsWith("/admin/accounts");
    }

    private List<Endpoint> businessEndpoints() {
        Set<Endpoint> endpoints = new LinkedHashSet<>();
        for (RequestMappingHandlerMapping mapping :
                context.getBeansOfType(RequestMappingHandlerMapping.class).values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (String pattern : info.getPatternValues()) {
                    if (methods.isEmpty()) {
                        endpoints.add(new Endpoint("GET", pattern));
                        endpoints.add(new Endpoint("POST", pattern));
                    }
                    methods.forEach(m -> endpoints.add(new Endpoint(m.name(), pattern)));
                }
            }
        }
        AntPathMatcher matcher = new AntPathMatcher();
        return endpoints.stream()
                .filter(e -> NOT_BUSINESS.stream().noneMatch(excluded -> matcher.match(excluded, e.pattern())))
                .sorted(Comparator.comparing(Endpoint::pattern).thenComparing(Endpoint::method))
                .toList();
    }

    /** Path variables get real values, so a handler would find something if the rule let the request through. */
    private String fill(String pattern) {
        Matcher m = VARIABLE.matcher(pattern);
        StringBuilder url = new StringBuilder();
        Set<String> unknown = new TreeSet<>();
        while (m.find()) {
            String value = switch (m.group(1)) {
                case "id" -> Long.toString(new DemoOrgs(jdbc).id(DemoOrgs.HANOI));
                case "code" ->
                    jdbc.sql("SELECT code FROM catalogue.catalogue ORDER BY code LIMIT 1")
                            .query(String.class)
                            .single();
                case "date" -> "2027-02-06";
                case "shareId" -> "1";
                default -> {
                    unknown.add(m.group(1));
                    yield "1";
                }
            };
            m.appendReplacement(url, Matcher.quoteReplacement(value));
        }
        m.appendTail(url);
        assertThat(unknown)
                .as("give a real sample value for the path variables of " + pattern)
                .isEmpty();
        return url.toString();
    }
}
