package vn.partywork.bench;

import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.partywork.PartyworkApplication;
import vn.partywork.member.internal.xlsx.MemberColumns;
import vn.partywork.web.ApiClient;
import vn.partywork.web.Multipart;

/**
 * Issue 5 item 10c: a 100,000-row import through the real HTTP path (token, multipart upload,
 * request filters, the import service, COPY and the bulk audit) into the demo tree, in its own
 * embedded database. Prints the file size, rows/s, the total time and the peak heap of the JVM
 * (which also holds the client and the generated file). Run with {@code bench/members-import}.
 */
public final class MemberImportBenchmark {

    private static final String[] FAMILY = {
        "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương",
        "Lý", "Đinh", "Trịnh", "Mai", "Lương"
    };
    private static final String[] MIDDLE = {
        "Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Quốc", "Ngọc", "Xuân", "Thu", "Hồng", "Bảo", "Gia", "Kim", "Anh",
        "Tuấn", "Thành", "Quang", "Phương", "Diệu"
    };
    private static final String[] GIVEN = {
        "An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hiếu", "Hoa", "Hùng", "Hương", "Khánh", "Lan",
        "Linh", "Long", "Mai", "Minh", "Nam", "Nga", "Ngân", "Nhung", "Phong", "Phúc", "Quân", "Sơn", "Tâm", "Thảo",
        "Thắng", "Trang", "Trung", "Tú", "Tùng", "Vân", "Việt", "Vinh", "Xuân", "Yến", "Hòa", "Lộc"
    };
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.ROOT);

    public static void main(String[] args) throws Exception {
        String dataDir = args.length > 0 ? args[0] : "bench/out/members-import-pg";
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        SpringApplication app = new SpringApplication(PartyworkApplication.class);
        app.setWebApplicationType(WebApplicationType.SERVLET);
        app.setLogStartupInfo(false);
        try (ConfigurableApplicationContext context = app.run(
                "--partywork.db.embedded.data-dir=" + dataDir,
                "--partywork.demo.enabled=true",
                "--partywork.identity.mfa.enforced=false",
                "--server.port=0",
                "--logging.level.root=warn",
                "--logging.level.vn.partywork.member.internal.xlsx=info",
                "--spring.main.banner-mode=off")) {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            // The previous run ended before the sealer chained its 100,000 events: chain them now, so
            // that this run's import does not share the machine with that work.
            long sealed = context.getBean(vn.partywork.audit.internal.ChainSealer.class)
                    .sealAll();
            System.out.printf(Locale.ROOT, "audit events of earlier runs chained before the import: %,d%n", sealed);
            run(context.getBean(JdbcClient.class), port, rows, Path.of(dataDir));
        }
    }

    private static void run(JdbcClient jdbc, int port, int rows, Path dataDir) throws Exception {
        List<Long> cells = jdbc.sql("""
                SELECT c.org_id FROM org.current_organisation c
                 WHERE c.kind IN ('CELL', 'GRASSROOTS_CELL')
                   AND c.path <@ (SELECT path FROM org.current_organisation WHERE name = 'Đảng bộ Thành phố Hà Nội')
                 ORDER BY c.org_id
                """).query(Long.class).list();
        long first =
                jdbc.sql("SELECT count(*) FROM member.member").query(Long.class).single();
        long start = System.nanoTime();
        // The demo's random members may share a name and birth day with a generated row (an error in
        // mode all): such rows are born a day later, off the generator's three-day grid.
        java.util.Set<String> taken = new java.util.HashSet<>(jdbc.sql("""
                        SELECT full_name || '|' || birth_date FROM member.member
                         WHERE birth_date BETWEEN DATE '1955-01-01' AND DATE '1955-01-01' + :days
                        """)
                .param("days", (int) ((first + rows) / names() * 3 + 6))
                .query(String.class)
                .list());
        byte[] file = generate(rows, cells, first, taken);
        System.out.printf(
                Locale.ROOT,
                "generated %,d rows over %d Hà Nội cells: %.1f MB in %.1f s%n",
                rows,
                cells.size(),
                file.length / 1024.0 / 1024.0,
                (System.nanoTime() - start) / 1e9);

        ApiClient api = ApiClient.as(port, "hn.tochuc");
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long jvmCpu = jvmCpuNanos();
        long pgCpu = postgresCpuTicks(dataDir);
        start = System.nanoTime();
        Multipart form = new Multipart()
                .field("mode", "all")
                .field("source", "DIGITISED_PAPER")
                .file(
                        "file",
                        "dang-vien-100k.xlsx",
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        file);
        // The API answers when the import has ended: no 60 s client timeout here.
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(
                                        java.net.URI.create("http://localhost:" + port + "/api/v1/members/import"))
                                .timeout(java.time.Duration.ofMinutes(30))
                                .header("Authorization", "Bearer " + api.token())
                                .header("Content-Type", form.contentType())
                                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(form.bytes()))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
        ApiClient.Reply reply = new ApiClient.Reply(response.statusCode(), response.body());
        double seconds = (System.nanoTime() - start) / 1e9;
        jvmCpu = jvmCpuNanos() - jvmCpu;
        pgCpu = postgresCpuTicks(dataDir) - pgCpu;
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        if (reply.status() != 200) {
            System.out.println("import refused: "
                    + reply.body().substring(0, Math.min(2000, reply.body().length())));
            return;
        }
        int imported = reply.<Integer>json("$.rowsImported");
        System.out.printf(
                Locale.ROOT,
                "imported %,d of %,d rows in %.1f s: %,.0f rows/s (target ≥ 5,000)%n",
                imported,
                rows,
                seconds,
                imported / seconds);
        System.out.printf(
                Locale.ROOT,
                "peak heap during the import (sum of heap pools' peaks, -Xmx1g): %.0f MB%n",
                peak / 1024.0 / 1024.0);
        // CPU time rather than the clock: comparable between runs on a machine that others share.
        System.out.printf(
                Locale.ROOT,
                "CPU time during the import: JVM %.1f s, PostgreSQL %.1f s (its processes' user + system time)%n",
                jvmCpu / 1e9,
                pgCpu / 100.0);
        long pending =
                jdbc.sql("SELECT count(*) FROM audit.pending").query(Long.class).single();
        System.out.printf(Locale.ROOT, "audit events waiting for the sealer right after: %,d%n", pending);
    }

    private static long jvmCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /**
     * User + system clock ticks (1/100 s on Linux) of the embedded server's postmaster and its
     * children (backends, WAL writer, autovacuum) that are alive when asked; 0 where there is no /proc.
     */
    private static long postgresCpuTicks(Path dataDir) {
        try {
            String postmaster =
                    Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).strip();
            long ticks = 0;
            try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
                for (Path proc : procs) {
                    String stat;
                    try {
                        stat = Files.readString(proc.resolve("stat"));
                    } catch (java.io.IOException gone) {
                        continue;
                    }
                    // pid (comm) state ppid … utime(14) stime(15): fields counted after the comm's ')'.
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    if (proc.getFileName().toString().equals(postmaster) || f[1].equals(postmaster)) {
                        ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                    }
                }
            }
            return ticks;
        } catch (java.io.IOException | RuntimeException e) {
            return 0;
        }
    }

    private static int names() {
        return FAMILY.length * MIDDLE.length * GIVEN.length;
    }

    static byte[] generate(int rows, List<Long> cells, long first, java.util.Set<String> taken) throws Exception {
        List<String> headers = new ArrayList<>();
        MemberColumns.template().forEach(c -> headers.add(c.header()));
        int cell = headers.indexOf("Mã chi bộ");
        int status = headers.indexOf("Trạng thái");
        int name = headers.indexOf("Họ và tên khai sinh");
        int gender = headers.indexOf("Giới tính");
        int birth = headers.indexOf("Ngày sinh");
        int ethnicity = headers.indexOf("Dân tộc");
        int religion = headers.indexOf("Tôn giáo");
        int cid = headers.indexOf("Số căn cước công dân");
        int address = headers.indexOf("Nơi ở hiện nay");
        int occupation = headers.indexOf("Nghề nghiệp");
        int admission = headers.indexOf("Ngày vào Đảng");
        int official = headers.indexOf("Ngày chính thức");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook workbook = new Workbook(out, "bench", "1.0");
        Worksheet ws = workbook.newWorksheet("Đảng viên");
        for (int c = 0; c < headers.size(); c++) {
            ws.value(0, c, headers.get(c));
        }
        int names = FAMILY.length * MIDDLE.length * GIVEN.length;
        for (int i = 0; i < rows; i++) {
            long serial = first + i;
            int n = (int) (serial % names);
            boolean female = n / (FAMILY.length * MIDDLE.length) % 2 == 1;
            // (name, birth) unique across runs: the birth moves on once every name is used.
            LocalDate born = LocalDate.of(1955, 1, 1).plusDays(serial / names * 3);
            String fullName = FAMILY[n % FAMILY.length] + " " + MIDDLE[(n / FAMILY.length) % MIDDLE.length] + " "
                    + GIVEN[(n / FAMILY.length / MIDDLE.length) % GIVEN.length];
            while (taken.contains(fullName + "|" + born)) {
                born = born.plusDays(1);
            }
            int r = i + 1;
            ws.value(r, cell, String.valueOf(cells.get(i % cells.size())));
            ws.value(r, status, "Chính thức");
            ws.value(r, name, fullName);
            ws.value(r, gender, female ? "Nữ" : "Nam");
            ws.value(r, birth, DAY.format(born));
            ws.value(r, ethnicity, "01");
            ws.value(r, religion, "00");
            // Province 096 (none of the demo members'), gender and century, year, a serial.
            ws.value(
                    r,
                    cid,
                    String.format(
                            Locale.ROOT, "096%d%02d%06d", female ? 1 : 0, born.getYear() % 100, serial % 1_000_000));
            ws.value(r, address, "Số " + (i % 300 + 1) + " phố Hàng Bạc, phường Hoàn Kiếm, Hà Nội");
            ws.value(r, occupation, i % 3 == 0 ? "Cán bộ hưu trí" : "Công chức");
            LocalDate admitted = born.plusYears(25 + i % 10);
            ws.value(r, admission, DAY.format(admitted));
            ws.value(r, official, DAY.format(admitted.plusYears(1).plusDays(10)));
            if (r % 5000 == 0) {
                ws.flush();
            }
        }
        workbook.finish();
        return out.toByteArray();
    }
}
