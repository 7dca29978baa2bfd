package vn.partywork.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import vn.partywork.PartyworkApplication;
import vn.partywork.access.Grants;
import vn.partywork.access.NewGrant;
import vn.partywork.access.Role;
import vn.partywork.identity.AccountAdministration;
import vn.partywork.identity.AccountType;
import vn.partywork.identity.AccountView;
import vn.partywork.identity.NewAccount;
import vn.partywork.member.MemberQuery;
import vn.partywork.member.internal.Members;
import vn.partywork.shared.Classification;
import vn.partywork.shared.Database;

/**
 * Issue 5 item 10: the national member data set (~6,000,000 members over the ~300,000 cells of
 * the national tree, bulk-loaded by {@link MemberLoader} into {@code bench/out/members-pg}, kept
 * between runs) and the figures: (a) scoped search of a province-scope user through the HTTP API
 * (token from {@code /api/v1/auth/token}) and the same query straight in SQL, with the ratio;
 * (b) statistics of one province and of the whole country, API and SQL; (d) peak heap while
 * measuring. Run with {@code bench/members}; {@code bench/members <dir> load} stops after loading,
 * {@code bench/members <dir> stats} measures the statistics only, {@code search} the search only.
 */
public final class MemberBenchmark {

    static final int WARMUP = 2;
    static final int RUNS = 15;
    private static final int PER_CELL = 20;
    private static final String PASSWORD = "Do-Hieu-Nang#2026";

    /** The filter without a name measured for a province and for the country, as the API reads it. */
    private static final MemberQuery PROBATIONARY_WOMEN = new MemberQuery(
            null,
            null,
            null,
            null,
            vn.partywork.member.MemberStatus.PROBATIONARY,
            vn.partywork.member.Gender.FEMALE,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null);

    public static void main(String[] args) throws Exception {
        String dataDir = args.length > 0 ? args[0] : "bench/out/members-pg";
        boolean loadOnly = args.length > 1 && args[1].equals("load");
        boolean statsOnly = args.length > 1 && args[1].equals("stats");
        boolean searchOnly = args.length > 1 && args[1].equals("search");
        SpringApplication app = new SpringApplication(PartyworkApplication.class);
        app.setWebApplicationType(WebApplicationType.SERVLET);
        app.setLogStartupInfo(false);
        try (ConfigurableApplicationContext context = app.run(
                "--partywork.db.embedded.data-dir=" + dataDir,
                "--partywork.demo.enabled=false",
                "--partywork.audit.generate-key=true",
                "--partywork.audit.key-path=bench/out/members-audit-key",
                "--partywork.audit.checkpoint-dir=bench/out/members-audit-checkpoints",
                "--server.port=0",
                "--logging.level.root=warn",
                "--spring.main.banner-mode=off")) {
            System.out.printf(
                    Locale.ROOT,
                    "machine: %d cores, Java %s, max heap %d MB, load average %.1f%n",
                    Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.version"),
                    Runtime.getRuntime().maxMemory() >> 20,
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            prepare(context);
            if (!loadOnly) {
                measure(context, statsOnly, searchOnly);
            }
        }
    }

    private static void prepare(ConfigurableApplicationContext context) throws Exception {
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        DataSource superuser = context.getBean(EmbeddedPostgres.class).getPostgresDatabase();
        if (jdbc.sql("SELECT count(*) FROM org.organisation").query(Long.class).single() == 0) {
            String sql = new ClassPathResource("bench/national-tree.sql").getContentAsString(StandardCharsets.UTF_8);
            long start = System.nanoTime();
            try (Connection connection = context.getBean(DataSource.class).getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute(sql);
            }
            System.out.printf(Locale.ROOT, "generated national tree in %.1f s%n", (System.nanoTime() - start) / 1e9);
        }
        if (jdbc.sql("SELECT count(*) FROM member.member").query(Long.class).single() == 0) {
            LocalDate today = LocalDate.now(context.getBean(java.time.Clock.class));
            long loaded = new MemberLoader(superuser, today).load(PER_CELL);
            System.out.printf(Locale.ROOT, "loaded %,d members%n", loaded);
        }
        // A migration that rewrote the table leaves its visibility map empty (no index-only scans)
        // until autovacuum gets to it; a database in service has been vacuumed. Quick when it has.
        long vacuum = System.nanoTime();
        try (Connection connection = superuser.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("VACUUM (ANALYZE) member.member");
        }
        System.out.printf(Locale.ROOT, "vacuumed member.member in %.1f s%n", (System.nanoTime() - vacuum) / 1e9);
        System.out.println(jdbc.sql("""
                SELECT format('%s members (%s official), %s membership rows, %s cells',
                       to_char((SELECT count(*) FROM member.member), 'FM999,999,999'),
                       to_char((SELECT count(*) FROM member.member WHERE status = 'OFFICIAL'), 'FM999,999,999'),
                       to_char((SELECT count(*) FROM member.membership), 'FM999,999,999'),
                       to_char((SELECT count(*) FROM org.current_organisation WHERE kind IN ('CELL', 'GRASSROOTS_CELL')), 'FM999,999,999'))
                """).query(String.class).single());
    }

    private static void measure(ConfigurableApplicationContext context, boolean statsOnly, boolean searchOnly)
            throws Exception {
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        long provinceId = jdbc.sql(
                        "SELECT org_id FROM org.current_organisation WHERE kind = 'PROVINCE' AND name = 'Đảng bộ tỉnh Nghệ An'")
                .query(Long.class)
                .single();
        String provincePath = jdbc.sql("SELECT path::text FROM org.current_organisation WHERE org_id = :id")
                .param("id", provinceId)
                .query(String.class)
                .single();
        long provinceMembers =
                jdbc.sql("""
                SELECT count(*) FROM member.member m JOIN org.current_organisation c ON c.org_id = m.cell_id
                 WHERE c.path <@ CAST(:p AS ltree)
                """).param("p", provincePath).query(Long.class).single();
        System.out.printf(Locale.ROOT, "province Nghệ An: %,d members now%n", provinceMembers);

        Api provincial = Api.signIn(context, account(context, "bench.tinh", provinceId));
        Members members = context.getBean(Members.class);
        TransactionTemplate tx = new TransactionTemplate(
                context.getBean(org.springframework.transaction.PlatformTransactionManager.class));
        tx.setReadOnly(true);
        LocalDate today = LocalDate.now(context.getBean(java.time.Clock.class));

        resetPeaks();
        if (statsOnly) {
            MemberStatsBench.run(context, provincial, provinceId, provincePath, tx);
            System.out.printf(Locale.ROOT, "(d) peak heap while measuring: %d MB%n", peakHeapMb());
            return;
        }
        List<String> names = names(jdbc, provincePath);
        System.out.printf(
                Locale.ROOT,
                "(a) %d name queries drawn from the province's members (unaccented, accented, one-letter typos,"
                        + " surname + given name), e.g. %s%n",
                names.size(),
                names.subList(0, 6));
        // Each name once after a short warm-up: p50/p95 over the spread of names, not one name's cache.
        // The API call and its SQL run in turn on the same name, each first on every other name, so
        // that the cold reads of a name's index pages fall on both sides alike.
        List<List<Double>> paired = Timings.paired(
                k -> provincial.get("/api/v1/members?size=20&q="
                        + URLEncoder.encode(names.get(k % names.size()), StandardCharsets.UTF_8)),
                k -> tx.execute(status -> {
                    String name = names.get(k % names.size());
                    String key = members.searchKey(name);
                    MemberQuery query = new MemberQuery(
                            name, null, null, null, null, null, null, null, null, null, null, null, null, null);
                    return members.search(query, key, List.of(provincePath), -1, null, today, 20, 0, 10_000);
                }),
                WARMUP,
                names.size());
        List<Double> api = paired.get(0);
        List<Double> sql = paired.get(1);
        compare("(a) search by name, province scope", api, sql);
        System.out.printf(
                Locale.ROOT,
                "    load average now %.1f%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());

        api = time(() -> provincial.get("/api/v1/members?size=20&status=PROBATIONARY&gender=FEMALE"));
        sql = time(() -> tx.execute(status ->
                members.search(PROBATIONARY_WOMEN, null, List.of(provincePath), -1, null, today, 20, 0, 10_000)));
        compare("(a) search by status and gender, province scope", api, sql);
        // A central officer's filter without a name: read province by province (Members.provinces).
        long rootId = jdbc.sql("SELECT org_id FROM org.current_organisation WHERE parent_id IS NULL")
                .query(Long.class)
                .single();
        Api central = Api.signIn(context, account(context, "bench.trunguong", rootId));
        String rootPath = String.valueOf(rootId);
        api = time(() -> central.get("/api/v1/members?size=20&status=PROBATIONARY&gender=FEMALE"));
        sql = time(() -> tx.execute(
                status -> members.search(PROBATIONARY_WOMEN, null, List.of(rootPath), -1, null, today, 20, 0, 10_000)));
        compare("(a) search by status and gender, national scope", api, sql);
        if (Boolean.getBoolean("bench.explain")) {
            tx.execute(status -> {
                Members.Match match = members.match(PROBATIONARY_WOMEN, null, List.of(rootPath), -1, null, today);
                // The page's form when the scope is read province by province (Members.page).
                JdbcClient.StatementSpec explain = jdbc.sql("EXPLAIN (ANALYZE, BUFFERS) SELECT m.id, m.full_name"
                        + " FROM (SELECT m.id" + match.from() + " ORDER BY " + match.order()
                        + " LIMIT 20) k JOIN member.member m ON m.id = k.id ORDER BY " + match.order());
                for (var e : match.params().entrySet()) {
                    explain = explain.param(e.getKey(), e.getValue());
                }
                explain.query(String.class).list().stream().limit(40).forEach(System.out::println);
                return null;
            });
        }
        // The floor of any API call on this machine (bearer token, scope from the grants, JSON, HTTP):
        // what the ratio of a fast query is made of.
        List<Double> floor = time(() -> provincial.get("/api/v1/me"));
        System.out.printf(
                Locale.ROOT,
                "(a) API floor, GET /api/v1/me (token, scope, JSON):   p50 %7.1f p95 %7.1f ms%n",
                Timings.percentile(floor, 50),
                Timings.percentile(floor, 95));

        if (!searchOnly) {
            MemberStatsBench.run(context, provincial, provinceId, provincePath, tx);
        }
        System.out.printf(Locale.ROOT, "(d) peak heap while measuring: %d MB%n", peakHeapMb());
    }

    /**
     * Name queries as users type them, drawn from the province's members (deterministically): 30
     * unaccented full names, 10 as written (with diacritics), 10 with a one-letter typo in the given
     * name (two letters swapped, or one left out), 5 surname + given name.
     */
    static List<String> names(JdbcClient jdbc, String provincePath) {
        List<String> full =
                jdbc.sql("""
                SELECT full_name FROM member.member
                 WHERE cell_path <@ CAST(:p AS ltree) AND id % 3001 = 0
                 ORDER BY id LIMIT 55
                """).param("p", provincePath).query(String.class).list();
        List<String> names = new java.util.ArrayList<>();
        for (int k = 0; k < full.size(); k++) {
            String name = full.get(k);
            String plain = java.text.Normalizer.normalize(
                            name.replace('Đ', 'D').replace('đ', 'd'), java.text.Normalizer.Form.NFD)
                    .replaceAll("\\p{M}", "")
                    .toLowerCase(Locale.ROOT);
            String[] words = plain.split(" ");
            String given = words[words.length - 1];
            if (k < 30) {
                names.add(plain);
            } else if (k < 40) {
                names.add(name);
            } else if (k < 50) {
                String typo = given.length() >= 4
                        ? given.substring(0, 1) + given.charAt(2) + given.charAt(1) + given.substring(3)
                        : given.substring(0, given.length() - 1);
                words[words.length - 1] = typo;
                names.add(String.join(" ", words));
            } else {
                names.add(words[0] + " " + given);
            }
        }
        return names;
    }

    /** A USER account with an ORG_STAFF grant on the organisation (created on the first run). */
    static String account(ConfigurableApplicationContext context, String identifier, long orgId) {
        AccountAdministration administration = context.getBean(AccountAdministration.class);
        vn.partywork.identity.Accounts accounts = context.getBean(vn.partywork.identity.Accounts.class);
        if (accounts.byIdentifier(identifier).isEmpty()) {
            AccountView account = administration.createForSeeding(
                    new NewAccount(identifier, "Đo hiệu năng", AccountType.USER, orgId, null, null, "BENCH"), PASSWORD);
            context.getBean(Grants.class)
                    .grantForSeeding(new NewGrant(
                            account.id(),
                            Role.ORG_STAFF,
                            orgId,
                            Set.copyOf(EnumSet.of(Database.ORGANISATION_MEMBER)),
                            Classification.UNCLASSIFIED,
                            LocalDate.of(2026, 1, 1),
                            null,
                            "BENCH",
                            "Đo hiệu năng"));
        }
        return identifier;
    }

    /** A bearer-token client of the running application. */
    record Api(HttpClient http, String base, String token) {

        static Api signIn(ConfigurableApplicationContext context, String identifier) throws Exception {
            String base = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/token"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "{\"username\":\"" + identifier + "\",\"password\":\"" + PASSWORD + "\"}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher m = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
            if (response.statusCode() != 200 || !m.find()) {
                throw new IllegalStateException("token refused: " + response.statusCode() + " " + response.body());
            }
            return new Api(http, base, m.group(1));
        }

        String get(String path) {
            try {
                HttpResponse<String> response = http.send(
                        HttpRequest.newBuilder(URI.create(base + path))
                                .header("Authorization", "Bearer " + token)
                                .header("Accept", "application/json")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException(path + " → " + response.statusCode() + " " + response.body());
                }
                return response.body();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    static List<Double> time(Callable<?> work) throws Exception {
        return Timings.time(work, WARMUP, RUNS);
    }

    static void compare(String what, List<Double> api, List<Double> sql) {
        System.out.printf(
                Locale.ROOT,
                "%-52s API p50 %7.1f p95 %7.1f ms | SQL p50 %7.1f p95 %7.1f ms | ratio p50 %.2f%n",
                what,
                Timings.percentile(api, 50),
                Timings.percentile(api, 95),
                Timings.percentile(sql, 50),
                Timings.percentile(sql, 95),
                Timings.percentile(api, 50) / Timings.percentile(sql, 50));
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    private static long peakHeapMb() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum >> 20;
    }
}
