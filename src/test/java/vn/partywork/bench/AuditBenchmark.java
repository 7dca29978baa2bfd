package vn.partywork.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.partywork.PartyworkApplication;
import vn.partywork.audit.AuditEvent;
import vn.partywork.audit.AuditLog;
import vn.partywork.audit.AuditVerifyCommand;
import vn.partywork.audit.internal.ChainSealer;
import vn.partywork.org.EstablishOrganisation;
import vn.partywork.org.OrgDirectory;
import vn.partywork.org.OrgKind;
import vn.partywork.org.OrgRestructuring;
import vn.partywork.org.OrgSeeding;
import vn.partywork.org.OrgSummary;
import vn.partywork.org.RenameOrganisation;
import vn.partywork.shared.AccessScope;
import vn.partywork.shared.Decision;

/**
 * Issue 3 benchmark, in its own embedded database ({@code bench/out/audit-pg}, kept between runs):
 * (1) throughput of the same organisation renames with the audit log on and off (a primary
 * {@link AuditLog} that delegates to the real one or does nothing), in alternating blocks;
 * (2) sealing and verification speed over at least a million chained events (generated once).
 * Run with {@code bench/audit}.
 */
public final class AuditBenchmark {

    private static final int ORGS = 100;
    private static final int ROUNDS_PER_BLOCK = 4;
    private static final int BLOCKS = 10;
    private static final long MILLION = 1_000_000;

    public static void main(String[] args) throws Exception {
        String dataDir = args.length > 0 ? args[0] : "bench/out/audit-pg";
        SpringApplication app = new SpringApplication(PartyworkApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setLogStartupInfo(false);
        app.addInitializers(context -> ((GenericApplicationContext) context)
                .registerBean(
                        "benchAuditLog",
                        SwitchableAuditLog.class,
                        () -> new SwitchableAuditLog(context),
                        bd -> bd.setPrimary(true)));
        try (ConfigurableApplicationContext context = app.run(
                "--partywork.db.embedded.data-dir=" + dataDir,
                "--partywork.demo.enabled=false",
                "--partywork.audit.generate-key=true",
                "--partywork.audit.key-path=bench/out/audit-key",
                "--partywork.audit.checkpoint-dir=bench/out/audit-checkpoints",
                "--logging.level.root=warn",
                "--spring.main.banner-mode=off")) {
            System.out.printf(
                    Locale.ROOT,
                    "machine: %d cores, Java %s, max heap %d MB%n",
                    Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.version"),
                    Runtime.getRuntime().maxMemory() >> 20);
            renames(context);
            verification(context);
        }
    }

    private static void renames(ConfigurableApplicationContext context) {
        OrgSeeding seeding = context.getBean(OrgSeeding.class);
        OrgDirectory directory = context.getBean(OrgDirectory.class);
        OrgRestructuring restructuring = context.getBean(OrgRestructuring.class);
        SwitchableAuditLog audit = context.getBean(SwitchableAuditLog.class);
        LocalDate base = LocalDate.of(1990, 1, 1);
        OrgSummary root = directory
                .root()
                .orElseGet(() -> seeding.establishRoot(
                        "TW",
                        "Ban Chấp hành Trung ương Đảng",
                        new Decision("01", LocalDate.of(1930, 2, 3), "Hội nghị thành lập Đảng"),
                        LocalDate.of(1930, 2, 3)));
        AccessScope scope = seeding.seedingScope(root.path());
        String tag = Long.toString(System.currentTimeMillis(), 36).toUpperCase(Locale.ROOT);
        OrgSummary province = restructuring.establish(
                scope,
                new EstablishOrganisation(
                        root.id(),
                        "B" + tag,
                        "Đảng bộ đo hiệu năng " + tag,
                        OrgKind.PROVINCE,
                        new Decision("1", base, "Bộ Chính trị"),
                        base,
                        null));
        List<OrgSummary> orgs = new ArrayList<>();
        for (int i = 0; i < ORGS; i++) {
            orgs.add(restructuring.establish(
                    scope,
                    new EstablishOrganisation(
                            province.id(),
                            "H" + i,
                            "Huyện ủy " + i,
                            OrgKind.UPPER_GRASSROOTS,
                            new Decision("2", base, "Tỉnh ủy"),
                            base,
                            null)));
        }
        int[] round = {0};
        Runnable block = () -> {
            for (int r = 0; r < ROUNDS_PER_BLOCK; r++) {
                round[0]++;
                LocalDate day = base.plusDays(round[0]);
                for (OrgSummary org : orgs) {
                    restructuring.rename(
                            scope,
                            new RenameOrganisation(
                                    org.id(),
                                    "Huyện ủy " + org.code() + " lần " + round[0],
                                    null,
                                    new Decision("R" + round[0], day, "Tỉnh ủy"),
                                    day,
                                    null));
                }
            }
        };
        audit.on = true;
        block.run(); // warm-up, both paths
        audit.on = false;
        block.run();
        double[] millis = new double[2];
        int[] renames = new int[2];
        for (int b = 0; b < BLOCKS; b++) {
            boolean on = b % 2 == 1;
            audit.on = on;
            long start = System.nanoTime();
            block.run();
            millis[on ? 1 : 0] += (System.nanoTime() - start) / 1e6;
            renames[on ? 1 : 0] += ROUNDS_PER_BLOCK * ORGS;
        }
        audit.on = true;
        double off = renames[0] / (millis[0] / 1000);
        double on = renames[1] / (millis[1] / 1000);
        System.out.printf(
                Locale.ROOT,
                "organisation renames, 1 thread, %d organisations, %d renames per mode:%n",
                ORGS,
                renames[0]);
        System.out.printf(
                Locale.ROOT, "  without audit %8.1f renames/s  (%.2f ms each)%n", off, millis[0] / renames[0]);
        System.out.printf(
                Locale.ROOT,
                "  with audit    %8.1f renames/s  (%.2f ms each; chained in the background)%n",
                on,
                millis[1] / renames[1]);
        System.out.printf(Locale.ROOT, "  audit cost    %8.1f %% of throughput%n", (1 - on / off) * 100);
    }

    private static void verification(ConfigurableApplicationContext context) {
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        ChainSealer sealer = context.getBean(ChainSealer.class);
        sealer.sealAll();
        long have = sealer.head().seq();
        if (have < MILLION) {
            long missing = MILLION - have;
            long start = System.nanoTime();
            for (long done = 0; done < missing; done += 100_000) {
                jdbc.sql("""
                        SELECT count(audit.append(g % 5000, 'canbo.' || (g % 5000), g % 300, g % 900, '10.1.' || (g % 250) || '.7',
                                                  md5(g::text), 'UPDATE', 'member', (g % 6000000)::text, 'UNCLASSIFIED',
                                                  'Quyết định số ' || g || '-QĐ/TU',
                                                  '{"fullName":{"new":"Nguyễn Văn ' || g || '","old":"Nguyễn Văn A"}}',
                                                  '{"operation":"bench"}'))
                          FROM generate_series(:from, :to) g
                        """)
                        .param("from", done + 1)
                        .param("to", Math.min(missing, done + 100_000))
                        .query(Long.class)
                        .single();
            }
            double append = (System.nanoTime() - start) / 1e9;
            start = System.nanoTime();
            long sealed = sealer.sealAll();
            double seal = (System.nanoTime() - start) / 1e9;
            System.out.printf(
                    Locale.ROOT,
                    "generated %d events: append %.1f s, sealing %.1f s (%.0f events/s)%n",
                    sealed,
                    append,
                    seal,
                    sealed / seal);
        }
        EmbeddedPostgres postgres = context.getBean(EmbeddedPostgres.class);
        for (int run = 0; run < 2; run++) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            long start = System.nanoTime();
            int exit = AuditVerifyCommand.run(
                    new String[] {"audit-verify", "--db-url", postgres.getJdbcUrl("postgres", "postgres")},
                    new PrintStream(out),
                    new PrintStream(err));
            double seconds = (System.nanoTime() - start) / 1e9;
            String json = out.toString(StandardCharsets.UTF_8).strip();
            long checked = Long.parseLong(json.replaceAll(".*\"checked\":(\\d+).*", "$1"));
            System.out.printf(
                    Locale.ROOT,
                    "offline verification run %d: %s exit %d, %d events in %.1f s = %.0f events/s%n",
                    run + 1,
                    json,
                    exit,
                    checked,
                    seconds,
                    checked / seconds);
        }
    }

    /** The AuditLog the org module gets: the real one, or nothing (the un-audited baseline). */
    static final class SwitchableAuditLog implements AuditLog {
        private final ApplicationContext context;
        volatile boolean on = true;
        private AuditLog real;

        SwitchableAuditLog(ApplicationContext context) {
            this.context = context;
        }

        @Override
        public void record(AuditEvent event) {
            if (on) {
                if (real == null) {
                    real = (AuditLog) context.getBean("jdbcAuditLog");
                }
                real.record(event);
            }
        }
    }
}
