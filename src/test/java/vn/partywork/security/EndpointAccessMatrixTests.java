package vn.partywork.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import vn.partywork.PartyworkTest;
import vn.partywork.security.EndpointTable.Entry;
import vn.partywork.security.SecurityFixtures.Kind;
import vn.partywork.security.SecurityFixtures.Target;

/**
 * Issue 6 item 10: the access matrix of every endpoint, through the HTTP API and the pages. The
 * endpoints come from the running application's handler mappings; each must have an entry in
 * {@link EndpointTable}, and each entry is called as every {@link Principal} on a record inside the
 * principals' scope: the rule's principals get through, everyone else is refused (401 or the login
 * page when not signed in, otherwise 403 or 404) and a refused call changes nothing.
 */
@PartyworkTest
class EndpointAccessMatrixTests {

    static final Path ENDPOINTS_MD = Path.of("docs/ENDPOINTS.md");

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    SecurityFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = SecurityFixtures.get(context, port);
    }

    @Test
    void everyEndpointOfTheRunningApplicationHasAnAccessRule() {
        List<String> running = RunningEndpoints.of(context);
        assertThat(running).as("the enumeration sees the application").contains("GET /api/v1/members/{id}");
        List<String> unclassified = running.stream()
                .filter(e -> !EndpointTable.entries().containsKey(e))
                .toList();
        assertThat(unclassified)
                .as("endpoints without an access rule: add them to EndpointTable")
                .isEmpty();
        List<String> gone = EndpointTable.entries().keySet().stream()
                .filter(e -> !running.contains(e) && !EndpointTable.FILTER_ENDPOINTS.contains(e))
                .toList();
        assertThat(gone)
                .as("entries of EndpointTable the application no longer has")
                .isEmpty();
    }

    @Test
    void everyPrincipalIsAllowedOrRefusedAsTheRuleSays() throws IOException {
        List<String> wrong = new ArrayList<>();
        StringBuilder observed = new StringBuilder();
        for (Entry entry : EndpointTable.list()) {
            Set<Principal> allowed = entry.rule().allowed;
            // Refusals first, on a database whose digest is taken before and after them.
            List<Principal> refused = new ArrayList<>();
            List<Principal> admitted = new ArrayList<>();
            for (Principal p : Principal.values()) {
                if (!allowed.contains(p)) {
                    refused.add(p);
                } else if (entry.probeAllowed()) {
                    admitted.add(p);
                }
            }
            StringBuilder statuses = new StringBuilder();
            String before = entry.changes() ? fixtures.digest() : "";
            for (Principal p : refused) {
                Caller.Reply reply = call(entry, p, Target.IN_SCOPE);
                Outcome outcome = Outcome.of(entry, reply);
                statuses.append(' ').append(p).append('=').append(reply.status());
                // The filter chain refuses anonymous callers and the system administrator on business
                // URLs before any controller reads the input.
                boolean byFilterChain = p == Principal.ANONYMOUS || p == Principal.SYSTEM_ADMIN;
                boolean ok = outcome == Outcome.REFUSED
                        || (entry.validatesFirst() && !byFilterChain && outcome != Outcome.ERROR);
                if (!ok) {
                    wrong.add(entry.key() + " as " + p + " should be refused: " + reply);
                }
            }
            if (entry.changes() && !fixtures.digest().equals(before)) {
                wrong.add(entry.key() + ": a refused call changed data");
            }
            for (Principal p : admitted) {
                Caller.Reply reply = call(entry, p, Target.IN_SCOPE);
                Outcome outcome = Outcome.of(entry, reply);
                statuses.append(' ').append(p).append('=').append(reply.status());
                boolean ok = outcome == Outcome.ALLOWED || (entry.changes() && outcome == Outcome.REJECTED);
                if (!ok) {
                    wrong.add(entry.key() + " as " + p + " should get through: " + reply);
                }
            }
            observed.append(entry.key())
                    .append(" [")
                    .append(entry.rule())
                    .append("]")
                    .append(statuses)
                    .append('\n');
        }
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/security-matrix.txt"), observed + "\n" + String.join("\n", wrong));
        assertThat(wrong).isEmpty();
    }

    @Test
    void theEndpointListInTheDocsIsUpToDate() throws IOException {
        String expected = EndpointDocs.markdown();
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/ENDPOINTS.md"), expected, StandardCharsets.UTF_8);
        String actual = Files.exists(ENDPOINTS_MD) ? Files.readString(ENDPOINTS_MD, StandardCharsets.UTF_8) : "";
        if (!actual.equals(expected) && Boolean.getBoolean("partywork.security.writeDocs")) {
            Files.createDirectories(ENDPOINTS_MD.getParent());
            Files.writeString(ENDPOINTS_MD, expected, StandardCharsets.UTF_8);
            actual = expected;
        }
        assertThat(actual)
                .as("docs/ENDPOINTS.md is generated from EndpointTable: run this test with "
                        + "-Dpartywork.security.writeDocs=true and commit the file")
                .isEqualTo(expected);
    }

    /** Calls an entry as a principal on a record of the target kind. */
    Caller.Reply call(Entry entry, Principal principal, Target target) {
        String url = url(entry, target);
        Caller caller = fixtures.caller(principal);
        if (entry.api()) {
            String body = entry.body() != null ? entry.body() : entry.changes() ? "{}" : null;
            return caller.api(entry.method(), url, body);
        }
        return caller.page(entry.method(), url, Map.of());
    }

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(:([^}|]*)[^}]*)?}");

    String url(Entry entry, Target target) {
        Matcher m = VARIABLE.matcher(entry.pattern());
        StringBuilder url = new StringBuilder();
        while (m.find()) {
            String value = switch (m.group(1)) {
                case "id" -> String.valueOf(fixtures.id(entry.kind(), target));
                case "code" -> "ethnicity";
                case "date" -> entry.api() ? SecurityFixtures.API_OVERRIDE_DAY : SecurityFixtures.PAGE_OVERRIDE_DAY;
                case "action" -> m.group(3);
                case "shareId" -> String.valueOf(fixtures.shareId(target, entry.api()));
                default -> throw new AssertionError("no sample value for {" + m.group(1) + "} in " + entry.key());
            };
            m.appendReplacement(url, Matcher.quoteReplacement(value));
        }
        m.appendTail(url);
        return url
                + entry.query()
                        .replace("{member}", String.valueOf(fixtures.id(Kind.MEMBER, target)))
                        .replace("{org}", String.valueOf(fixtures.id(Kind.ORG, Target.IN_SCOPE)));
    }

    /** How the application answered, as the matrix sees it. */
    enum Outcome {
        /** Served: 2xx, or a redirect that is not to the login page; for a page form, a redirect. */
        ALLOWED,
        /** Not signed in (401, or the login page), forbidden (403) or not found (404). */
        REFUSED,
        /** Reached the application and refused for its input: 400, 409, 422, or a page form shown again. */
        REJECTED,
        ERROR;

        static Outcome of(Entry entry, Caller.Reply reply) {
            int status = reply.status();
            if (status >= 500) {
                return ERROR;
            }
            if (status == 403 || status == 404 || (entry.api() ? status == 401 : reply.toLogin())) {
                return REFUSED;
            }
            if (status >= 400 || (!entry.api() && entry.changes() && status == 200)) {
                return REJECTED;
            }
            return ALLOWED;
        }
    }
}
