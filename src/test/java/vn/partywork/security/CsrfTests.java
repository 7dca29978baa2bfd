package vn.partywork.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import vn.partywork.security.EndpointTable.Entry;
import vn.partywork.security.SecurityFixtures.Target;

/**
 * Issue 6 items 9 and 10: every state-changing page form needs the session's CSRF token; without it
 * (or with a forged one) the answer is 403 and nothing changes. The API is exempt by design: it
 * takes bearer tokens only and ignores the session cookie, so a cross-site request that carries the
 * cookie is not signed in there.
 */
@vn.partywork.PartyworkTest
class CsrfTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    SecurityFixtures fixtures;
    EndpointAccessMatrixTests matrix;

    @BeforeEach
    void setUp() {
        fixtures = SecurityFixtures.get(context, port);
        matrix = new EndpointAccessMatrixTests();
        matrix.fixtures = fixtures;
    }

    @Test
    void everyPageFormPostWithoutTheTokenIs403AndChangesNothing() {
        List<Entry> forms = EndpointTable.list().stream()
                .filter(e -> !e.api() && e.changes())
                .toList();
        assertThat(forms).hasSizeGreaterThan(30);
        List<String> accepted = new ArrayList<>();
        String before = fixtures.digest();
        for (Entry entry : forms) {
            // The caller the rule lets through, so only the token is missing.
            Principal principal = entry.rule().allowed.stream()
                    .filter(p -> p != Principal.ANONYMOUS)
                    .findFirst()
                    .orElse(Principal.ORG_STAFF);
            Caller caller = fixtures.caller(principal);
            String url = matrix.url(entry, Target.IN_SCOPE);
            Map<String, String> fields = new LinkedHashMap<>(plausibleFields());
            Caller.Reply missing = caller.pageWithoutToken(entry.method(), url, fields);
            fields.put("_csrf", "forged-" + System.nanoTime());
            Caller.Reply forged = caller.pageWithoutToken(entry.method(), url, fields);
            if (missing.status() != 403 || forged.status() != 403) {
                accepted.add(entry.key() + " as " + principal + ": without " + missing + " / forged " + forged);
            }
        }
        assertThat(accepted)
                .as("form posts accepted without a valid CSRF token")
                .isEmpty();
        assertThat(fixtures.digest()).isEqualTo(before);
        // The sessions are still signed in: a refused logout without a token ended nothing.
        assertThat(fixtures.caller(Principal.ORG_STAFF)
                        .page("GET", "/orgs", Map.of())
                        .status())
                .isEqualTo(200);
    }

    @Test
    void theApiIgnoresTheSessionCookieAndTakesTheBearerTokenWithoutCsrf() {
        Caller staff = fixtures.caller(Principal.ORG_STAFF);
        Caller.Reply withCookieOnly = staff.apiWithSessionOnly("POST", "/api/v1/notifications/read-all", null);
        assertThat(withCookieOnly.status())
                .as("a cross-site request carrying only the session cookie")
                .isEqualTo(401);
        assertThat(staff.apiWithSessionOnly("GET", "/api/v1/members?q=kiem", null)
                        .status())
                .isEqualTo(401);
        Caller.Reply withToken = staff.api("GET", "/api/v1/notifications/unread-count", null);
        assertThat(withToken.status()).as("bearer token, no CSRF token").isEqualTo(200);
    }

    /** Fields most forms of the application take, so a form that skipped the CSRF check would act. */
    private static Map<String, String> plausibleFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", "Tên mới (CSRF)");
        fields.put("reason", "Lý do (CSRF)");
        fields.put("decisionNumber", "1-QĐ/CSRF");
        fields.put("decisionDate", "2026-01-02");
        fields.put("decisionIssuer", "CSRF");
        fields.put("effectiveOn", "2026-01-02");
        fields.put("opinion", "Đồng ý");
        fields.put("decision", "APPROVE");
        return fields;
    }
}
