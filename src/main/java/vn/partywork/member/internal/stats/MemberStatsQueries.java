package vn.partywork.member.internal.stats;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
     * The members of the subtree as of {@code asOf}. For today (and the future, which nothing
     * records yet) the member rows as they stand, through {@code member_stats_by_cell} (an
     * index-only scan of the subtree's cells); for a past day the membership history valid then.
     */
    public Counts counts(String subtreePath, LocalDate asOf, LocalDate today) {
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
        Map<Dimension, Map<String, Long>> by = new LinkedHashMap<>();
        for (Dimension d : Dimension.values()) {
            by.put(d, new LinkedHashMap<>());
        }
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
