package vn.partywork.security;

import static org.assertj.core.api.Assertions.assertThat;

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
import vn.partywork.document.SampleFiles;
import vn.partywork.member.MemberSheets;
import vn.partywork.security.EndpointTable.Entry;
import vn.partywork.security.SecurityFixtures.Kind;
import vn.partywork.security.SecurityFixtures.Target;
import vn.partywork.web.Multipart;

/**
 * Issue 6 item 10: every parser that takes user input — the API's JSON bodies, query and search
 * strings, path parameters, file uploads and the .xlsx import — is fed a few thousand seeded
 * mutations (see {@link Mutator}; the same inputs on every run). None may answer 5xx, show a stack
 * trace or SQL, or change data. The callers are ones whose every valid command the scope would
 * refuse, so any change of the business tables is a finding, not a lucky valid input.
 *
 * <p>Jazzer's JUnit integration ({@code com.code-intelligence:jazzer-junit} 0.24.0) resolves from
 * Maven Central, but in CI it only replays a stored corpus (real fuzzing needs {@code JAZZER_FUZZ=1}
 * and runs one test per JVM with its agent), which does not fit a suite of one shared Spring
 * context; hence this deterministic mutation fuzzer over real HTTP.
 */
@PartyworkTest
class FuzzTests {

    /**
     * Inputs per parser, kept small enough for CI on a loaded two-core machine; run deeper with
     * {@code -Dpartywork.security.fuzz.scale=10} (same seeds, more inputs).
     */
    static final double SCALE = Double.parseDouble(System.getProperty("partywork.security.fuzz.scale", "1"));

    static final int JSON_INPUTS = (int) (800 * SCALE);
    static final int QUERY_INPUTS = (int) (400 * SCALE);
    static final int PATH_INPUTS = (int) (200 * SCALE);
    static final int UPLOAD_INPUTS = (int) (150 * SCALE);
    static final int XLSX_INPUTS = (int) (80 * SCALE);

    /** What an answer must never show: stack traces, class names of the server, SQL errors. */
    private static final Pattern INTERNALS = Pattern.compile(
            "Exception|\\tat |at (vn\\.partywork|org\\.springframework|java\\.)|org\\.postgresql|PSQL|SQLState|"
                    + "SQL state|syntax error at or near|jdbc:|\\bSELECT\\b.+\\bFROM\\b|Whitelabel");

    private static final Set<String> NOT_FUZZED = Set.of(
            "POST /api/v1/auth/logout", // revokes the caller's own token
            "POST /api/v1/members/import", // multipart: see the upload tests
            "POST /api/v1/members/{id}/documents",
            "POST /api/v1/corrections",
            "POST /api/v1/admin/documents/keys/rotate"); // no body; system administrator only

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(:([^}|]*)[^}]*)?}");

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
    void jsonBodiesOfTheApi() {
        Mutator mutator = new Mutator(20261205L);
        List<Entry> targets = EndpointTable.list().stream()
                .filter(e -> e.api() && e.changes() && !NOT_FUZZED.contains(e.key()))
                .toList();
        List<String> findings = new ArrayList<>();
        int perEndpoint = JSON_INPUTS / targets.size() + 1;
        for (Entry entry : targets) {
            // Account administration is fuzzed as the Hà Nội administrator on Hồ Chí Minh's
            // records; everything else as an account without grants on Hà Nội's records.
            boolean admin = entry.pattern().startsWith("/api/v1/admin/");
            Caller caller = fixtures.caller(admin ? Principal.ORG_ADMIN : Principal.NO_GRANT);
            String url = matrix.url(entry, admin ? Target.OUT_OF_SCOPE : Target.IN_SCOPE);
            List<String> seeds = seeds(entry);
            String before = fixtures.digest();
            for (int i = 0; i < perEndpoint; i++) {
                String body = mutator.json(mutator.pick(seeds));
                check(findings, entry.key() + " " + abbreviated(body), caller.api(entry.method(), url, body));
            }
            if (!fixtures.digest().equals(before)) {
                findings.add(entry.key() + ": fuzzed bodies changed data");
            }
        }
        assertThat(findings).isEmpty();
    }

    @Test
    void queryAndSearchStrings() {
        Mutator mutator = new Mutator(7L);
        List<Entry> reads = EndpointTable.list().stream()
                .filter(e -> e.method().equals("GET") && e.probeAllowed())
                // Whole-scope exports and the chain verification take seconds each; their
                // parameters are the same as the list pages' (fuzzed here) and they are tested in
                // MemberXlsxTests, MemberStatsTests and AuditWebTests.
                .filter(e -> !e.pattern().matches(".*(export|\\.xlsx|\\.csv|/verify|/stats).*"))
                .toList();
        List<String> names = List.of(
                "q",
                "page",
                "size",
                "sort",
                "orgId",
                "org",
                "cellId",
                "status",
                "kind",
                "from",
                "to",
                "days",
                "year",
                "targetType",
                "targetId",
                "orgQ",
                "type",
                "database",
                "format",
                "admission",
                "mode");
        List<String> findings = new ArrayList<>();
        String before = fixtures.digest();
        for (int i = 0; i < QUERY_INPUTS; i++) {
            Entry entry = mutator.pick(reads);
            Principal principal = entry.pattern().contains("/audit")
                    ? Principal.AUDITOR
                    : entry.pattern().contains("/admin") ? Principal.ORG_ADMIN : Principal.ORG_STAFF;
            StringBuilder query = new StringBuilder("?");
            int n = 1 + mutator.nextInt(3);
            for (int k = 0; k < n; k++) {
                query.append(k == 0 ? "" : "&")
                        .append(mutator.pick(names))
                        .append('=')
                        .append(encode(
                                mutator.text(mutator.pick(List.of("hà nội", "2026-12-01", "1", "ACTIVE"))), mutator));
            }
            String url = matrix.url(entry, Target.IN_SCOPE).replaceFirst("\\?.*$", "") + query;
            Caller caller = fixtures.caller(principal);
            Caller.Reply reply = entry.api() ? caller.api("GET", url, null) : caller.page("GET", url, Map.of());
            check(findings, "GET " + abbreviated(url), reply);
        }
        assertThat(findings).isEmpty();
        assertThat(fixtures.digest()).isEqualTo(before);
    }

    @Test
    void pathParameters() {
        Mutator mutator = new Mutator(11L);
        List<Entry> withVariables = EndpointTable.list().stream()
                .filter(e -> e.pattern().contains("{") && !NOT_FUZZED.contains(e.key()) && e.probeAllowed())
                .toList();
        List<String> values = List.of(
                "-1",
                "0",
                "9223372036854775807",
                "9223372036854775808",
                "1e3",
                "abc",
                "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
                "%00",
                "1%27%20OR%201=1",
                "%EF%BC%91%EF%BC%92",
                "1.5",
                "%20",
                "1;1",
                "2026-13-45",
                "99999-01-01",
                "x".repeat(3000));
        List<String> findings = new ArrayList<>();
        String before = fixtures.digest();
        for (int i = 0; i < PATH_INPUTS; i++) {
            Entry entry = mutator.pick(withVariables);
            Matcher m = VARIABLE.matcher(entry.pattern());
            StringBuilder url = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(url, Matcher.quoteReplacement(mutator.pick(values)));
            }
            m.appendTail(url);
            Principal principal = entry.changes() ? Principal.NO_GRANT : Principal.ORG_STAFF;
            Caller caller = fixtures.caller(principal);
            Caller.Reply reply = entry.api()
                    ? caller.api(entry.method(), url.toString(), entry.changes() ? "{}" : null)
                    : caller.page(entry.method(), url.toString(), Map.of());
            check(findings, entry.method() + " " + abbreviated(url.toString()), reply);
        }
        assertThat(findings).isEmpty();
        assertThat(fixtures.digest()).isEqualTo(before);
    }

    @Test
    void fileUploads() {
        Mutator mutator = new Mutator(13L);
        Caller staff = fixtures.caller(Principal.ORG_STAFF);
        String url = "/api/v1/members/" + fixtures.id(Kind.MEMBER, Target.IN_SCOPE) + "/documents";
        List<byte[]> seeds = List.of(
                "MZ\u0090\u0000 This program cannot be run in DOS mode"
                        .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1),
                SampleFiles.plainZip(),
                "<html><script>alert(1)</script></html>".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8),
                new byte[0],
                MemberSheets.sheet(List.of("a"), List.of(List.of("b"))));
        List<String> names = List.of(
                "quyet-dinh.pdf",
                "../../../etc/passwd.pdf",
                "a\u0000.pdf",
                "x".repeat(400) + ".pdf",
                "anh.png",
                "tai-lieu.docx",
                "chương trình.exe",
                "\r\nContent-Type: text/html\r\n.pdf",
                "");
        List<String> findings = new ArrayList<>();
        long documents = documentCount();
        String before = fixtures.digest();
        for (int i = 0; i < UPLOAD_INPUTS; i++) {
            byte[] content = mutator.nextInt(3) == 0 ? mutator.pick(seeds) : mutator.bytes(mutator.pick(seeds));
            String name = mutator.pick(names);
            Multipart form = new Multipart()
                    .file(
                            "file",
                            name.replace("\"", ""),
                            mutator.pick(List.of("application/pdf", "image/png", "application/octet-stream")),
                            content);
            Caller.Reply reply = staff.apiRaw("POST", url, form.bytes(), form.contentType());
            check(findings, "upload " + abbreviated(name) + " (" + content.length + " bytes)", reply);
            if (reply.status() / 100 == 2) {
                findings.add("an upload of no accepted type was stored: " + abbreviated(name) + " → " + reply);
            }
        }
        assertThat(findings).isEmpty();
        assertThat(documentCount()).isEqualTo(documents);
        assertThat(fixtures.digest()).isEqualTo(before);
    }

    @Test
    void spreadsheetImport() {
        Mutator mutator = new Mutator(17L);
        Caller staff = fixtures.caller(Principal.ORG_STAFF);
        // Rows for a Hồ Chí Minh cell: outside hn.tochuc's scope, so no row may be imported.
        Map<String, String> member = MemberSheets.member(fixtures.hcmCell, "Nguyễn Văn Nhập Thử", "079080012345");
        List<String> headers = new ArrayList<>(member.keySet());
        List<String> valid = MemberSheets.row(headers, member);
        byte[] seed = MemberSheets.sheet(headers, List.of(valid, valid));
        List<String> findings = new ArrayList<>();
        String before = fixtures.digestWithoutImportJobs();
        for (int i = 0; i < XLSX_INPUTS; i++) {
            byte[] file;
            if (mutator.nextInt(2) == 0) {
                file = mutator.bytes(seed);
            } else {
                List<String> hs = new ArrayList<>(headers);
                List<String> row = new ArrayList<>(valid);
                int n = 1 + mutator.nextInt(4);
                for (int k = 0; k < n; k++) {
                    int c = mutator.nextInt(row.size());
                    if (mutator.nextInt(5) == 0) {
                        hs.set(c, mutator.text(hs.get(c)));
                    } else {
                        row.set(
                                c,
                                mutator.text(row.get(c)).replace("\u0000", "").replace("\uD800", ""));
                    }
                }
                file = MemberSheets.sheet(hs, List.of(row, valid));
            }
            Multipart form = new Multipart()
                    .file("file", "dang-vien.xlsx", MemberSheets.XLSX, file)
                    .field("mode", mutator.pick(List.of("valid", "all", "x", "")))
                    .field("source", mutator.pick(List.of("DIGITISED_PAPER", "?", "")));
            Caller.Reply reply = staff.apiRaw("POST", "/api/v1/members/import", form.bytes(), form.contentType());
            check(findings, "import #" + i, reply);
            if (reply.status() == 409) {
                findings.add("import #" + i + " failed inside the server: " + reply);
            }
        }
        assertThat(findings).isEmpty();
        assertThat(fixtures.digestWithoutImportJobs()).isEqualTo(before);
    }

    private long documentCount() {
        return fixtures.jdbc
                .sql("SELECT count(*) FROM document.document")
                .query(Long.class)
                .single();
    }

    private static void check(List<String> findings, String what, Caller.Reply reply) {
        if (reply.status() >= 500) {
            findings.add(what + " → " + reply);
        } else if (INTERNALS.matcher(reply.body()).find()) {
            Matcher m = INTERNALS.matcher(reply.body());
            m.find();
            findings.add(what + " shows internals (" + m.group() + "): " + reply);
        }
    }

    private static List<String> seeds(Entry entry) {
        List<String> seeds = new ArrayList<>();
        seeds.add("{}");
        if (entry.body() != null && !entry.body().equals("{}")) {
            seeds.add(entry.body());
        }
        seeds.add("""
                {"name": "Tên mới", "parentId": 1, "orgId": 1, "cellId": 1, "toCellId": 1, "code": "KT-1",
                 "kind": "GRASSROOTS_CELL", "status": "OFFICIAL", "role": "VIEWER", "databases": ["ORGANISATION_MEMBER"],
                 "ceiling": "UNCLASSIFIED", "validFrom": "2026-01-02", "validTo": "2026-02-02", "version": 0,
                 "decision": {"number": "1-QĐ/KT", "date": "2026-01-02", "issuer": "Kiểm thử"},
                 "effectiveOn": "2026-01-02", "reason": "Kiểm thử", "opinion": "Đồng ý", "action": "APPROVE",
                 "username": "kt.sec.fuzz.nobody", "password": "Sai-Mat-Khau#1", "otp": "123456",
                 "fields": {"fullName": "Nguyễn Văn Thử", "birthDate": "1980-05-05", "citizenId": "001080000001"},
                 "days": [{"date": "2098-07-01", "kind": "OFF", "name": "Thử"}], "items": [1, 2, 3], "flag": true}""");
        return seeds;
    }

    private static String encode(String value, Mutator mutator) {
        String encoded = java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
        // Sometimes raw percent signs and reserved characters, as a hand-typed URL has them.
        return mutator.nextInt(8) == 0 ? encoded.replace("%25", "%").replace("%26", "&") : encoded;
    }

    private static String abbreviated(String s) {
        String flat = s.replaceAll("\\s+", " ");
        return flat.length() > 120 ? flat.substring(0, 120) + "…(" + flat.length() + ")" : flat;
    }
}
