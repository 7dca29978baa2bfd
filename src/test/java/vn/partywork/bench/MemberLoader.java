package vn.partywork.bench;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import vn.partywork.demo.DemoPeople;

/**
 * Bulk-loads the national member data set (issue 5 item 10) with COPY: about twenty members per
 * cell of the national tree (~6,000,000), with their membership history (probation, official, and
 * for some an earlier cell in the same province). The secondary indexes and constraints of the two
 * tables are dropped first and rebuilt afterwards from their own definitions (one sort each instead
 * of six million inserts into each). Deterministic: the same seed gives the same data.
 */
final class MemberLoader {

    /** CCCD province codes in the order of the benchmark tree's provinces (ids 2..35). */
    private static final String[] PROVINCE_CODES = {
        "002", "004", "010", "011", "012", "014", "019", "020", "022", "025", "027", "033", "031", "037", "038",
        "040", "042", "045", "046", "048", "051", "064", "056", "066", "068", "075", "072", "087", "086", "089",
        "092", "096", "008", "079"
    };

    /** Ethnic minorities with rough weights (Tày, Thái, Hoa, Khmer, Mường, Nùng, H'Mông, Dao, Gia Rai, Ê Đê, Chăm). */
    private static final String[] MINORITIES = {
        "02", "02", "02", "03", "03", "03", "04", "05", "05", "06", "06", "06", "07", "07", "08", "09", "10", "12", "17"
    };

    private final DataSource superuser;
    private final LocalDate today;

    MemberLoader(DataSource superuser, LocalDate today) {
        this.superuser = superuser;
        this.today = today;
    }

    private record Cell(long id, int province, String path) {}

    long load(int perCellAverage) throws Exception {
        long start = System.nanoTime();
        List<Cell> cells = new ArrayList<>();
        Map<Integer, List<Long>> cellsByProvince = new HashMap<>();
        try (Connection c = superuser.getConnection();
                Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("""
                    SELECT org_id, subpath(path, 1, 1)::text::int AS province, path::text
                      FROM org.current_organisation
                     WHERE kind IN ('CELL', 'GRASSROOTS_CELL') AND nlevel(path) > 1
                     ORDER BY org_id
                    """)) {
                while (rs.next()) {
                    Cell cell = new Cell(rs.getLong(1), rs.getInt(2), rs.getString(3));
                    cells.add(cell);
                    cellsByProvince
                            .computeIfAbsent(cell.province(), k -> new ArrayList<>())
                            .add(cell.id());
                }
            }
        }
        List<String> restore = dropSecondaryStructures();
        SplittableRandom random = new SplittableRandom(6_000_000L);
        Map<String, Integer> citizenSerials = new HashMap<>();
        long id = 0;
        try (Connection mc = superuser.getConnection();
                Connection hc = superuser.getConnection()) {
            mc.setAutoCommit(false);
            hc.setAutoCommit(false);
            try (Writer members = new BufferedWriter(
                            new OutputStreamWriter(
                                    new PGCopyOutputStream(mc.unwrap(PGConnection.class), """
                                    COPY member.member (id, full_name, gender, birth_date, birth_place, hometown,
                                      permanent_address, current_address, ethnicity, religion, citizen_id, occupation,
                                      general_education, professional_degree, political_theory, admission_date,
                                      admission_place, official_date, party_card_number, party_card_issued_on,
                                      party_position, cell_id, cell_path, status, source_identity, source_background,
                                      source_party, created_at, updated_at) FROM STDIN
                                    """, 1 << 20),
                                    StandardCharsets.UTF_8),
                            1 << 20);
                    Writer history = new BufferedWriter(
                            new OutputStreamWriter(
                                    new PGCopyOutputStream(
                                            hc.unwrap(PGConnection.class),
                                            "COPY member.membership (member_id, cell_id, status, valid_from, valid_to, basis)"
                                                    + " FROM STDIN",
                                            1 << 20),
                                    StandardCharsets.UTF_8),
                            1 << 20)) {
                for (Cell cell : cells) {
                    int n = perCellAverage / 4 + random.nextInt(perCellAverage * 3 / 2 + 1);
                    String province = PROVINCE_CODES[(cell.province() - 2) % PROVINCE_CODES.length];
                    List<Long> neighbours = cellsByProvince.get(cell.province());
                    for (int i = 0; i < n; i++) {
                        id++;
                        member(random, id, cell, province, neighbours, citizenSerials, members, history);
                    }
                    if (cell.id() % 20_000 == 0) {
                        System.out.printf(Locale.ROOT, "  … %,d members%n", id);
                    }
                }
            }
            mc.commit();
            hc.commit();
        }
        System.out.printf(
                Locale.ROOT,
                "copied %,d members in %.0f s; rebuilding indexes%n",
                id,
                (System.nanoTime() - start) / 1e9);
        long rebuild = System.nanoTime();
        try (Connection c = superuser.getConnection();
                Statement s = c.createStatement()) {
            s.execute("SET maintenance_work_mem = '1GB'");
            s.execute("SET max_parallel_maintenance_workers = 2");
            for (String ddl : restore) {
                long t = System.nanoTime();
                s.execute(ddl);
                System.out.printf(Locale.ROOT, "  %.0f s  %s%n", (System.nanoTime() - t) / 1e9, abbreviate(ddl));
            }
            s.execute(
                    "SELECT setval(pg_get_serial_sequence('member.member', 'id'), (SELECT max(id) FROM member.member))");
            s.execute("VACUUM ANALYZE member.member");
            s.execute("VACUUM ANALYZE member.membership");
        }
        System.out.printf(Locale.ROOT, "indexes rebuilt in %.0f s%n", (System.nanoTime() - rebuild) / 1e9);
        return id;
    }

    private void member(
            SplittableRandom random,
            long id,
            Cell cell,
            String province,
            List<Long> neighbours,
            Map<String, Integer> citizenSerials,
            Writer members,
            Writer history)
            throws Exception {
        boolean female = random.nextInt(100) < 38;
        LocalDate birth = today.minusYears(DemoPeople.age(random)).minusDays(1 + random.nextInt(360));
        int year = birth.getYear();
        int maxAge = Math.max(1, Math.min(28, today.getYear() - year - 18));
        LocalDate admission = birth.plusYears(18 + random.nextInt(maxAge)).plusDays(random.nextInt(300));
        if (admission.isAfter(today.minusDays(30))) {
            admission = today.minusDays(30 + random.nextInt(300));
        }
        if (admission.isBefore(birth.plusYears(18))) {
            admission = birth.plusYears(18);
        }
        LocalDate official = admission.plusYears(1).plusDays(random.nextInt(60));
        boolean isOfficial = official.isBefore(today);
        String name = DemoPeople.name(random, female);
        int century = year / 100 - 19;
        String prefix = province + (century * 2 + (female ? 1 : 0)) + String.format(Locale.ROOT, "%02d", year % 100);
        int serial = citizenSerials.merge(prefix, 1, Integer::sum);
        String citizenId = prefix + String.format(Locale.ROOT, "%06d", serial * 7 % 1_000_000);
        String ethnicity = random.nextInt(100) < 86 ? "01" : MINORITIES[random.nextInt(MINORITIES.length)];
        int r = random.nextInt(100);
        String religion = r < 92 ? "00" : r < 96 ? "01" : r < 99 ? "02" : "04";
        String education = year < 1965 && random.nextInt(3) == 0 ? "10-10" : random.nextInt(50) == 0 ? "9-12" : "12-12";
        int d = random.nextInt(100);
        String degree = d < 12 ? "\\N" : d < 22 ? "TC" : d < 32 ? "CD" : d < 82 ? "DH" : d < 97 ? "THS" : "TS";
        int t = random.nextInt(100);
        String theory = t < 6 ? "\\N" : t < 55 ? "SC" : t < 86 ? "TC" : t < 98 ? "CC" : "CN";
        String occupation = DemoPeople.occupation(random, year);
        String place = "Tỉnh mã " + province;
        String card = "\\N";
        String cardIssued = "\\N";
        if (isOfficial) {
            LocalDate issued = official.plusMonths(3 + random.nextInt(9));
            if (issued.isBefore(today)) {
                card = String.format(Locale.ROOT, "%010d", 1_000_000_000L + id);
                cardIssued = issued.toString();
            }
        }
        String position = random.nextInt(20) == 0 ? "BT" : "DV";
        String status = isOfficial ? "OFFICIAL" : "PROBATIONARY";
        String source = random.nextInt(10) < 8 ? "DIGITISED_PAPER" : "OPERATIONAL_SOFTWARE";
        members.write(id + "\t" + name + "\t" + (female ? "FEMALE" : "MALE") + "\t" + birth + "\t" + place + "\t"
                + place + "\t" + place + "\t" + place + "\t" + ethnicity + "\t" + religion + "\t" + citizenId + "\t"
                + occupation + "\t" + education + "\t" + degree + "\t" + theory + "\t" + admission + "\t"
                + "Chi bộ nơi sinh hoạt\t" + (isOfficial ? official.toString() : "\\N") + "\t" + card + "\t"
                + cardIssued + "\t" + position + "\t" + cell.id() + "\t" + cell.path() + "\t" + status + "\t" + source
                + "\t" + source
                + "\t" + source + "\t2026-01-01 00:00:00+07\t2026-01-01 00:00:00+07\n");
        // Membership history (valid time): probation, official, and for about one in twelve an
        // official transfer from another cell of the same province some time after confirmation.
        long firstCell = cell.id();
        LocalDate moved = null;
        if (isOfficial && neighbours.size() > 1 && random.nextInt(12) == 0) {
            long span = today.toEpochDay() - official.toEpochDay() - 2;
            if (span > 30) {
                moved = official.plusDays(1 + random.nextLong(span));
                long other = neighbours.get(random.nextInt(neighbours.size()));
                firstCell = other == cell.id() ? neighbours.get(0) : other;
                if (firstCell == cell.id()) {
                    moved = null;
                }
            }
        }
        if (!isOfficial) {
            history.write(id + "\t" + cell.id() + "\tPROBATIONARY\t" + admission + "\tinfinity\tKết nạp\n");
            return;
        }
        history.write(id + "\t" + firstCell + "\tPROBATIONARY\t" + admission + "\t" + official + "\tKết nạp\n");
        if (moved == null) {
            history.write(
                    id + "\t" + cell.id() + "\tOFFICIAL\t" + official + "\tinfinity\tCông nhận đảng viên chính thức\n");
        } else {
            history.write(id + "\t" + firstCell + "\tOFFICIAL\t" + official + "\t" + moved
                    + "\tCông nhận đảng viên chính thức\n");
            history.write(
                    id + "\t" + cell.id() + "\tOFFICIAL\t" + moved + "\tinfinity\tChuyển sinh hoạt đảng chính thức\n");
        }
    }

    /**
     * Drops the unique, exclusion and foreign-key constraints and the other secondary indexes of
     * member.member and member.membership; returns the statements that put them back.
     */
    private List<String> dropSecondaryStructures() throws Exception {
        List<String> restore = new ArrayList<>();
        List<String> drop = new ArrayList<>();
        try (Connection c = superuser.getConnection();
                Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("""
                    SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid)
                      FROM pg_constraint
                     WHERE conrelid IN ('member.member'::regclass, 'member.membership'::regclass)
                       AND contype IN ('f', 'x', 'u')
                     ORDER BY contype DESC
                    """)) {
                while (rs.next()) {
                    drop.add("ALTER TABLE " + rs.getString(1) + " DROP CONSTRAINT " + rs.getString(2));
                    restore.add("ALTER TABLE " + rs.getString(1) + " ADD CONSTRAINT " + rs.getString(2) + " "
                            + rs.getString(3));
                }
            }
            try (ResultSet rs = s.executeQuery("""
                    SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid)
                      FROM pg_index i
                     WHERE i.indrelid IN ('member.member'::regclass, 'member.membership'::regclass)
                       AND NOT i.indisprimary
                       AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
                    """)) {
                while (rs.next()) {
                    drop.add("DROP INDEX " + rs.getString(1));
                    restore.add(0, rs.getString(2));
                }
            }
            for (String ddl : drop) {
                s.execute(ddl);
            }
        }
        return restore;
    }

    private static String abbreviate(String ddl) {
        return ddl.length() > 110 ? ddl.substring(0, 110) + "…" : ddl;
    }
}
