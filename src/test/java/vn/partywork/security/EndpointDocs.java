package vn.partywork.security;

import java.util.Comparator;
import java.util.List;
import vn.partywork.security.EndpointTable.Entry;

/** Writes {@code docs/ENDPOINTS.md} from {@link EndpointTable}. */
final class EndpointDocs {

    private EndpointDocs() {}

    static String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Endpoints and their access rules\n\n");
        md.append("Generated from `src/test/java/vn/partywork/security/EndpointTable.java` by\n");
        md.append("`EndpointAccessMatrixTests` (which fails when this file is stale: run it with\n");
        md.append("`-Dpartywork.security.writeDocs=true` to rewrite it). The same test fails when the running\n");
        md.append("application has an endpoint that is not in the table, and calls every endpoint as each of the\n");
        md.append("principals below to check that exactly the rule's principals get through. See\n");
        md.append("`docs/SECURITY-TESTS.md` for the rest of the security suite.\n\n");
        md.append("Refusals: 401 (API) or a redirect to `/login` (pages) when not signed in; otherwise 403, or\n");
        md.append("404 with the same body as a missing id when the id lies outside the caller's scope.\n");
        md.append("Pages under `/admin/**`, `/account/**` and `/` and the API under `/api/v1/admin/**`,\n");
        md.append("`/api/v1/auth/**` and `/api/v1/me` are account pages; every other URL is business data and\n");
        md.append("answers 403 to a system administrator (P-ID-2) before any controller runs. Every page form\n");
        md.append("needs the CSRF token; the API (bearer token, no cookies) is exempt by design.\n\n");
        md.append("## Rules\n\n| rule | who gets through |\n|---|---|\n");
        for (Rule rule : Rule.values()) {
            md.append("| `")
                    .append(rule)
                    .append("` | ")
                    .append(rule.description)
                    .append(" |\n");
        }
        md.append("\n## Principals of the matrix\n\n| principal | account |\n|---|---|\n");
        for (Principal p : Principal.values()) {
            md.append("| `")
                    .append(p)
                    .append("` | ")
                    .append(p.label)
                    .append(p.demoIdentifier == null ? "" : " (`" + p.demoIdentifier + "`)")
                    .append(" |\n");
        }
        md.append("\n## Endpoints\n\n");
        md.append("\"Audited\": a successful call writes the audit log (a change, a sign-in, or a read of personal\n");
        md.append("or classified data). Declared in the table from the code (the services that call `AuditLog`);\n");
        md.append("the module tests check the audit rows, the matrix does not.\n\n");
        md.append("| method | path | access rule | audited | note |\n|---|---|---|---|---|\n");
        List<Entry> entries = EndpointTable.list().stream()
                .sorted(Comparator.comparing(Entry::pattern).thenComparing(Entry::method))
                .toList();
        for (Entry e : entries) {
            md.append("| ")
                    .append(e.method())
                    .append(" | `")
                    .append(e.pattern().replace("|", "\\|"))
                    .append("` | `")
                    .append(e.rule())
                    .append("` ")
                    .append(e.rule().description)
                    .append(" | ")
                    .append(e.audited() ? "yes" : "no")
                    .append(" | ")
                    .append(
                            e.validatesFirst()
                                    ? "input checked before the scope; scope rule tested in " + e.note()
                                    : e.note())
                    .append(" |\n");
        }
        md.append("\n").append(entries.size()).append(" endpoints.\n");
        return md.toString();
    }
}
