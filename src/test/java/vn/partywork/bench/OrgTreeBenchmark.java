package vn.partywork.bench;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.partywork.PartyworkApplication;
import vn.partywork.org.OrgPage;
import vn.partywork.org.OrgRestructuring;
import vn.partywork.org.OrgSeeding;
import vn.partywork.org.OrgStructure;
import vn.partywork.org.OrgSummary;
import vn.partywork.org.TransferOrganisation;
import vn.partywork.shared.AccessScope;
import vn.partywork.shared.Decision;

/**
 * Issue 2 §9: builds the national-scale tree (~355,000 organisations) in its own embedded
 * database ({@code bench/out/pg}, kept between runs) and prints server-side timings of the org
 * module's own services: subtree listing of a province, unaccented search, and the transfer of a
 * ~2,000-organisation subtree. Run with {@code bench/org-tree}.
 */
public final class OrgTreeBenchmark {

    private static final int WARMUP = 5;
    private static final int RUNS = 50;

    public static void main(String[] args) throws Exception {
        String dataDir = args.length > 0 ? args[0] : "bench/out/pg";
        SpringApplication app = new SpringApplication(PartyworkApplication.class);
        // The security filter chains need a servlet context; a random port keeps clear of running apps.
        app.setWebApplicationType(WebApplicationType.SERVLET);
        app.setLogStartupInfo(false);
        try (ConfigurableApplicationContext context = app.run(
                "--partywork.db.embedded.data-dir=" + dataDir,
                "--partywork.demo.enabled=false",
                "--server.port=0",
                "--logging.level.root=warn",
                "--spring.main.banner-mode=off")) {
            run(context);
        }
    }

    private static void run(ConfigurableApplicationContext context) throws Exception {
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        OrgStructure structure = context.getBean(OrgStructure.class);
        OrgRestructuring restructuring = context.getBean(OrgRestructuring.class);
        OrgSeeding seeding = context.getBean(OrgSeeding.class);

        long existing = jdbc.sql("SELECT count(*) FROM org.organisation")
                .query(Long.class)
                .single();
        if (existing == 0) {
            String sql = new ClassPathResource("bench/national-tree.sql").getContentAsString(StandardCharsets.UTF_8);
            long start = System.nanoTime();
            try (Connection connection = context.getBean(DataSource.class).getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute(sql);
            }
            System.out.printf(Locale.ROOT, "generated national tree in %.1f s%n", (System.nanoTime() - start) / 1e9);
        }
        System.out.println(jdbc.sql("""
                SELECT string_agg(kind || '=' || n, ', ' ORDER BY kind) FROM (
                  SELECT kind, count(*) n FROM org.organisation_version WHERE valid_to = 'infinity' GROUP BY kind) k
                """).query(String.class).single());

        AccessScope national = seeding.seedingScope("1");
        OrgSummary province =
                structure.search(national, "Đảng bộ tỉnh Nghệ An", 0, 1).items().get(0);
        AccessScope provincial = seeding.seedingScope(province.path());
        long provinceSize = structure.descendants(national, province.id(), 0, 1).total();
        System.out.printf(
                Locale.ROOT,
                "machine: %d cores, %s; province %s has %d descendants%n",
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"),
                province.name(),
                provinceSize);

        report(
                "subtree listing, first page of 200 + total (national scope)",
                time(() -> structure.descendants(national, province.id(), 0, 200)));
        report(
                "subtree listing, page 50 of 200 (national scope)",
                time(() -> structure.descendants(national, province.id(), 50, 200)));
        report(
                "subtree listing, every page walked (province scope)",
                Timings.time(
                        () -> {
                            int page = 0;
                            OrgPage p;
                            do {
                                p = structure.descendants(provincial, province.id(), page++, 200);
                            } while (p.hasNext());
                            return p;
                        },
                        1,
                        10));
        report("search 'xa an hoa' (national scope)", time(() -> structure.search(national, "xa an hoa", 0, 20)));
        report(
                "search 'chi bo thon dong' (national scope)",
                time(() -> structure.search(national, "chi bo thon dong", 0, 20)));
        report("search 'phu cuong' (one province)", time(() -> structure.search(provincial, "phu cuong", 0, 20)));
        report(
                "children of a province with child counts",
                time(() -> structure.children(national, province.id(), null)));

        // Transfer the big upper-grassroots committee of one province to another and back.
        OrgSummary big = jdbc.sql("""
                SELECT org_id FROM org.organisation_version
                 WHERE valid_to = 'infinity' AND kind = 'UPPER_GRASSROOTS' AND code LIKE '%-U01' AND parent_id = :p
                """)
                .param("p", province.id())
                .query(Long.class)
                .optional()
                .map(id -> structure.organisation(national, id, null).org())
                .orElseThrow();
        long subtree = structure.descendants(national, big.id(), 0, 1).total() + 1;
        OrgSummary other =
                structure.search(national, "Đảng bộ tỉnh Hà Tĩnh", 0, 1).items().get(0);
        LocalDate today = structure.today();
        LocalDate day = jdbc.sql("SELECT max(valid_from) FROM org.organisation_version WHERE valid_to = 'infinity'")
                .query(LocalDate.class)
                .single()
                .plusDays(1);
        if (day.isAfter(today)) {
            System.out.println(
                    "transfer skipped: the tree was already changed today; rebuild bench/out to measure again");
            return;
        }
        Decision decision = new Decision("99-QĐ/BENCH", day, "Bộ dữ liệu đo hiệu năng");
        long start = System.nanoTime();
        restructuring.transfer(national, new TransferOrganisation(big.id(), other.id(), decision, day, null));
        double ms = (System.nanoTime() - start) / 1e6;
        System.out.printf(Locale.ROOT, "transfer of a subtree of %d organisations: %.0f ms%n", subtree, ms);
    }

    private static List<Double> time(Callable<?> work) throws Exception {
        return Timings.time(work, WARMUP, RUNS);
    }

    private static void report(String what, List<Double> sorted) {
        System.out.printf(
                Locale.ROOT,
                "%-62s p50 %7.1f ms   p95 %7.1f ms   (n=%d)%n",
                what,
                Timings.percentile(sorted, 50),
                Timings.percentile(sorted, 95),
                sorted.size());
    }
}
