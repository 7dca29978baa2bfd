package vn.partywork.member.internal.stats;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The aggregate queries of the member statistics, one pass each. Members are counted in the cells
 * of a subtree of the current tree ({@code org.current_organisation}, the org module's published
 * view): a cell keeps its id when restructuring moves it, so history follows the cell.
 */
@Repository
public class MemberStatsQueries {

    /** The dimensions of {@link #counts}, in the order of the GROUPING SETS below. */
    public enum Dimension {
        STATUS,
        GENDER,
        AGE_BAND,
        ETHNICITY,
        RELIGION,
        GENERAL_EDUCATION,
        PROFESSIONAL_DEGREE,
        POLITICAL_THEORY,
        ADMISSION_COHORT
    }

    /** Age bands as of the day (upper bound inclusive; the last is open). */
    public static final int[] AGE_BOUNDS = {30, 40, 50, 60, 70, 80};

    /**
     * Membership statuses that count as being a member now (the member row's status). Anything else
     * (ended memberships, a form still in MEMBER_ADMISSION) is not counted in the current figures.
     */
    static final List<String> COUNTED_NOW = List.of("PROBATIONARY", "OFFICIAL");

    private static final String GROUPED = """
            SELECT GROUPING(status, gender, age_band, ethnicity, religion, edu, degree, theory, cohort) AS g,
                   coalesce(status, gender, age_band, ethnicity, religion, edu, degree, theory, cohort) AS value,
                   count(*) AS n
              FROM s
             GROUP BY GROUPING SETS ((status), (gender), (age_band), (ethnicity), (religion), (edu), (degree),
                                     (theory), (cohort), ())
            """;

    private final JdbcClient jdbc;

    MemberStatsQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Counts by dimension and value (code; "" when not recorded), and the total under key null. */
    public record Counts(long total, Map<Dimension, Map<String, Long>> byDimension) {}

    /**
     * The members of the subtree as of {@code asOf}, exactly as {@link #directCounts}. Today's figures
     * of an organisation of the top {@value #ROLLUP_LEVELS} levels of the tree that holds no members
     * itself (central, a province, a district-level or first-level committee) come from the rollup
     * that the triggers of {@code V2026_12_05_1100__member_stats_rollup.sql} keep (a few thousand rows
     * instead of millions of members); everything else from the direct query.
     */
    public Counts counts(String subtreePath, LocalDate asOf, LocalDate today) {
        if (!asOf.isBefore(today) && rolledUp(subtreePath)) {
            return rolledUpCounts(subtreePath, asOf);
        }
        return directCounts(subtreePath, asOf, today);
    }

    /** The levels of the tree whose organisations have their members' counts rolled up (SQL: stats_ancestors). */
    static final int ROLLUP_LEVELS = 3;

    private static final int BIRTH_MONTH = 3;

    /** Counts by birth day, kept for the top {@value #BIRTH_DAY_LEVELS} levels only (V2026_12_05_1101). */
    private static final int BIRTH_DAY = 10;

    private static final int BIRTH_DAY_LEVELS = 2;

    /** Dimensions of member.stats_rollup by their code there (1..9), birth month (3) aside. */
    private static final Dimension[] ROLLUP_DIMENSIONS = {
        null,
        Dimension.STATUS,
        Dimension.GENDER,
        null,
        Dimension.ETHNICITY,
        Dimension.RELIGION,
        Dimension.GENERAL_EDUCATION,
        Dimension.PROFESSIONAL_DEGREE,
        Dimension.POLITICAL_THEORY,
        Dimension.ADMISSION_COHORT
    };

    private boolean rolledUp(String subtreePath) {
        String[] labels = subtreePath.split("\\.");
        if (labels.length > ROLLUP_LEVELS) {
            return false;
        }
        // Members are counted at the ancestors of their cell, never at the cell itself.
        return !jdbc.sql("SELECT EXISTS (SELECT 1 FROM member.member WHERE cell_id = :org AND status IN (:counted))")
                .param("org", Long.parseLong(labels[labels.length - 1]))
                .param("counted", COUNTED_NOW)
                .query(Boolean.class)
                .single();
    }

    private Counts rolledUpCounts(String subtreePath, LocalDate asOf) {
        long orgId = Long.parseLong(subtreePath.substring(subtreePath.lastIndexOf('.') + 1));
        Map<Dimension, Map<String, Long>> by = emptyCounts();
        Map<YearMonth, Long> births = new TreeMap<>();
        long[] total = {0};
        jdbc.sql("""
                SELECT dim, value, sum(n) AS n
                  FROM member.stats_rollup
                 WHERE org_id = :org AND dim < :days
                 GROUP BY dim, value
                HAVING sum(n) <> 0
                """).param("org", orgId).param("days", BIRTH_DAY).query(rs -> {
            int dim = rs.getInt("dim");
            long n = rs.getLong("n");
            String value = rs.getString("value");
            if (dim == BIRTH_MONTH) {
                births.put(YearMonth.parse(value), n);
                return;
            }
            if (dim == 1) {
                total[0] += n;
            }
            by.get(ROLLUP_DIMENSIONS[dim]).put(value, n);
        });
        ageBands(subtreePath, asOf, births, by.get(Dimension.AGE_BAND));
        return new Counts(total[0], by);
    }

    /**
     * Age bands from counts by birth month. A month lies wholly in one band as of {@code asOf} unless
     * a band boundary (born after asOf − (b + 1) years) falls inside it; the members of the subtree born
     * in that month after the boundary day are counted exactly.
     */
    private void ageBands(String subtreePath, LocalDate asOf, Map<YearMonth, Long> births, Map<String, Long> bands) {
        LocalDate[] born = new LocalDate[AGE_BOUNDS.length];
        for (int i = 0; i < AGE_BOUNDS.length; i++) {
            born[i] = asOf.minusYears(AGE_BOUNDS[i] + 1L);
        }
        long[] counts = new long[AGE_BOUNDS.length + 1];
        long[] afterBoundary = boundaryMonths(subtreePath, born);
        for (Map.Entry<YearMonth, Long> e : births.entrySet()) {
            LocalDate first = e.getKey().atDay(1);
            LocalDate last = e.getKey().atEndOfMonth();
            int band = AGE_BOUNDS.length;
            for (int i = 0; i < AGE_BOUNDS.length; i++) {
                if (first.isAfter(born[i])) {
                    band = i;
                    break;
                }
                if (last.isAfter(born[i])) {
                    // born[i] splits the month: after it band i, on or before it band i + 1.
                    counts[i] += afterBoundary[i];
                    counts[i + 1] += e.getValue() - afterBoundary[i];
                    band = -1;
                    break;
                }
            }
            if (band >= 0) {
                counts[band] += e.getValue();
            }
        }
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] != 0) {
                bands.put(String.valueOf(i), counts[i]);
            }
        }
    }

    /**
     * For each boundary day, the members of the subtree born after it within its month: from the
     * rollup's counts by birth day for the country and a province, from the member rows of the
     * subtree's cells below (a third-level subtree is a few thousand members).
     */
    private long[] boundaryMonths(String subtreePath, LocalDate[] born) {
        boolean byDay = subtreePath.split("\\.").length <= BIRTH_DAY_LEVELS;
        String column = byDay ? "value" : "m.birth_date";
        StringBuilder filters = new StringBuilder();
        StringBuilder ranges = new StringBuilder();
        for (int i = 0; i < born.length; i++) {
            String range = column + " > :born" + i + " AND " + column + " <= :end" + i;
            filters.append(i == 0 ? "" : ", ")
                    .append(byDay ? "coalesce(sum(n) FILTER (WHERE " : "count(*) FILTER (WHERE ")
                    .append(range)
                    .append(byDay ? "), 0)" : ")");
            ranges.append(i == 0 ? "" : " OR ").append("(").append(range).append(")");
        }
        JdbcClient.StatementSpec statement = byDay
                ? jdbc.sql("SELECT " + filters + """

                          FROM member.stats_rollup
                         WHERE org_id = :org AND dim = :days AND (%s)
                        """.formatted(ranges))
                        .param("org", Long.parseLong(subtreePath.substring(subtreePath.lastIndexOf('.') + 1)))
                        .param("days", BIRTH_DAY)
                : jdbc.sql("""
                        WITH cells AS MATERIALIZED (
                          SELECT org_id FROM org.current_organisation WHERE path <@ CAST(:path AS ltree)
                        )
                        SELECT %s
                          FROM cells JOIN member.member m ON m.cell_id = cells.org_id
                         WHERE m.status IN (:counted) AND (%s)
                        """.formatted(filters, ranges))
                        .param("path", subtreePath)
                        .param("counted", COUNTED_NOW);
        for (int i = 0; i < born.length; i++) {
            LocalDate end = YearMonth.from(born[i]).atEndOfMonth();
            // The rollup keeps the day as text (YYYY-MM-DD), which sorts as the date does.
            statement = statement
                    .param("born" + i, byDay ? born[i].toString() : born[i])
                    .param("end" + i, byDay ? end.toString() : end);
        }
        long[] after = new long[born.length];
        statement.query(rs -> {
            for (int i = 0; i < born.length; i++) {
                after[i] = rs.getLong(i + 1);
            }
        });
        return after;
    }

    /** Folds the rollup's delta rows (a nightly job); the figures stay the same. */
    public long compact() {
        return jdbc.sql("SELECT member.stats_compact()").query(Long.class).single();
    }

    private static Map<Dimension, Map<String, Long>> emptyCounts() {
        Map<Dimension, Map<String, Long>> by = new LinkedHashMap<>();
        for (Dimension d : Dimension.values()) {
            by.put(d, new LinkedHashMap<>());
        }
        return by;
    }

    /**
     * The members of the subtree as of {@code asOf} computed from the member rows: the reference the
     * rollup is tested against. For today (and the future, which nothing records yet) the member rows
     * as they stand, through {@code member_stats_by_cell} (an index-only scan of the subtree's cells);
     * for a past day the membership history valid then.
     */
    public Counts directCounts(String subtreePath, LocalDate asOf, LocalDate today) {
        boolean current = !asOf.isBefore(today);
        String ageBand = ageBandSql();
        String source = current ? """
                  SELECT m.status, m.gender, %s AS age_band, m.ethnicity, m.religion,
                         coalesce(m.general_education, '') AS edu, coalesce(m.professional_degree, '') AS degree,
                         coalesce(m.political_theory, '') AS theory,
                         (extract(year FROM m.admission_date)::int / 10 * 10)::text AS cohort
                    FROM org.current_organisation c
                    JOIN member.member m ON m.cell_id = c.org_id
                   WHERE c.path <@ CAST(:path AS ltree) AND m.status IN (:counted)
                  """.formatted(ageBand) : """
                  SELECT ms.status, m.gender, %s AS age_band, m.ethnicity, m.religion,
                         coalesce(m.general_education, '') AS edu, coalesce(m.professional_degree, '') AS degree,
                         coalesce(m.political_theory, '') AS theory,
                         (extract(year FROM m.admission_date)::int / 10 * 10)::text AS cohort
                    FROM org.current_organisation c
                    JOIN member.membership ms ON ms.cell_id = c.org_id
                    JOIN member.member m ON m.id = ms.member_id
                   WHERE c.path <@ CAST(:path AS ltree) AND ms.valid_from <= :asOf AND ms.valid_to > :asOf
                  """.formatted(ageBand);
        JdbcClient.StatementSpec statement = jdbc.sql("WITH s AS (" + source + ")\n" + GROUPED)
                .param("path", subtreePath)
                .param("asOf", asOf);
        for (int i = 0; i < AGE_BOUNDS.length; i++) {
            // Age in whole years on asOf is at most b  ⇔  born after asOf − (b + 1) years.
            statement = statement.param("born" + i, asOf.minusYears(AGE_BOUNDS[i] + 1L));
        }
        if (current) {
            statement = statement.param("counted", COUNTED_NOW);
        }
        Map<Dimension, Map<String, Long>> by = emptyCounts();
        long[] total = {0};
        int all = (1 << Dimension.values().length) - 1;
        statement.query(rs -> {
            int g = rs.getInt("g");
            long n = rs.getLong("n");
            if (g == all) {
                total[0] = n;
                return;
            }
            // GROUPING(...) sets the bit of every argument the row is NOT grouped by; the first
            // argument is the most significant bit.
            int free = all & ~g;
            int index = Dimension.values().length - 1 - Integer.numberOfTrailingZeros(free);
            by.get(Dimension.values()[index]).merge(rs.getString("value"), n, Long::sum);
        });
        return new Counts(total[0], by);
    }

    private static String ageBandSql() {
        StringBuilder sql = new StringBuilder("CASE");
        for (int i = 0; i < AGE_BOUNDS.length; i++) {
            sql.append(" WHEN m.birth_date > :born").append(i);
            sql.append(" THEN '").append(i).append("'");
        }
        return sql.append(" ELSE '").append(AGE_BOUNDS.length).append("' END").toString();
    }

    /** The movements of a period and the endings by the member's status now. */
    public record Movements(
            long admitted, long confirmed, long transferredIn, long transferredOut, Map<String, Long> endedByStatus) {}

    /**
     * Movements in [from, to] read from the membership history alone, so that any event recorded as
     * history counts: a member's first membership row beginning in the period is an admission; an
     * OFFICIAL row following a PROBATIONARY one is a confirmation; a row following (preceding) one in
     * a cell outside the subtree is a transfer in (out); a row ending without a successor is an
     * ending, counted by the member's status (the life events set it: death, expulsion, …).
     */
    public Movements movements(String subtreePath, LocalDate from, LocalDate to) {
        Map<String, Long> ended = new LinkedHashMap<>();
        long[] sums = new long[4];
        jdbc.sql("""
                WITH r AS (
                  SELECT ms.member_id, ms.status, ms.valid_from, ms.valid_to,
                         ms.valid_from BETWEEN :from AND :to AS began,
                         ms.valid_to BETWEEN :from AND :to AS ended
                    FROM member.membership ms
                    JOIN org.current_organisation c ON c.org_id = ms.cell_id
                   WHERE c.path <@ CAST(:path AS ltree)
                     AND (ms.valid_from BETWEEN :from AND :to OR ms.valid_to BETWEEN :from AND :to)
                ), x AS (
                  SELECT r.began, r.ended, r.status,
                         p.member_id IS NOT NULL AS has_prev, p.status AS prev_status,
                         coalesce(pc.path <@ CAST(:path AS ltree), false) AS prev_inside,
                         n.member_id IS NOT NULL AS has_next,
                         coalesce(nc.path <@ CAST(:path AS ltree), false) AS next_inside,
                         m.status AS member_status
                    FROM r
                    LEFT JOIN member.membership p
                           ON r.began AND p.member_id = r.member_id AND p.valid_to = r.valid_from
                    LEFT JOIN org.current_organisation pc ON pc.org_id = p.cell_id
                    LEFT JOIN member.membership n
                           ON r.ended AND n.member_id = r.member_id AND n.valid_from = r.valid_to
                    LEFT JOIN org.current_organisation nc ON nc.org_id = n.cell_id
                    LEFT JOIN member.member m ON r.ended AND n.member_id IS NULL AND m.id = r.member_id
                )
                SELECT member_status,
                       count(*) FILTER (WHERE began AND NOT has_prev) AS admitted,
                       count(*) FILTER (WHERE began AND has_prev AND status = 'OFFICIAL'
                                          AND prev_status = 'PROBATIONARY') AS confirmed,
                       count(*) FILTER (WHERE began AND has_prev AND NOT prev_inside) AS moved_in,
                       count(*) FILTER (WHERE ended AND has_next AND NOT next_inside) AS moved_out,
                       count(*) FILTER (WHERE ended AND NOT has_next) AS ended
                  FROM x
                 GROUP BY member_status
                """)
                .param("path", subtreePath)
                .param("from", from)
                .param("to", to)
                .query(rs -> {
                    sums[0] += rs.getLong("admitted");
                    sums[1] += rs.getLong("confirmed");
                    sums[2] += rs.getLong("moved_in");
                    sums[3] += rs.getLong("moved_out");
                    long n = rs.getLong("ended");
                    String status = rs.getString("member_status");
                    if (n > 0 && status != null) {
                        ended.merge(status, n, Long::sum);
                    }
                });
        return new Movements(sums[0], sums[1], sums[2], sums[3], ended);
    }
}
