package vn.partywork.member;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Member statistics of an organisation's subtree (issue 5 item 7, P-RP-1): the members as of a day
 * broken down by status, gender, age band, ethnicity, religion, education, political theory and
 * admission cohort, and the movements of a period (admissions, confirmations, transfers in and out,
 * endings by the member's status).
 *
 * @param total members as of the day; null when suppressed
 * @param period the movements, when a period was asked for
 * @param minCell the small-cell threshold applied (counts below it are hidden), 0 when none
 */
public record MemberStats(
        long orgId,
        String orgName,
        LocalDate asOf,
        @Nullable Long total,
        List<Breakdown> breakdowns,
        @Nullable Period period,
        int minCell) {

    public MemberStats {
        breakdowns = List.copyOf(breakdowns);
    }

    /** One breakdown: a dimension's title and its rows (codes and Vietnamese labels) in display order. */
    public record Breakdown(String key, String title, List<Row> rows) {
        public Breakdown {
            rows = List.copyOf(rows);
        }
    }

    /**
     * One count; {@code count} null when suppressed (below the small-cell threshold, or hidden so
     * that it cannot be worked back from the total).
     */
    public record Row(String code, String label, @Nullable Long count) {}

    /** The movements of [from, to] (both days included). */
    public record Period(LocalDate from, LocalDate to, List<Row> movements) {
        public Period {
            movements = List.copyOf(movements);
        }
    }

    /**
     * The same figures with small cells hidden (P-AZ-3: aggregate-only readers must not single out
     * a person): every breakdown count from 1 to {@code minCell - 1} is suppressed, and when a
     * breakdown would then hide exactly one count (which total minus the others would give away),
     * its next smallest count is hidden too. A total below the threshold hides everything.
     */
    public MemberStats suppress(int minCell) {
        if (minCell <= 1) {
            return this;
        }
        boolean smallTotal = total != null && total > 0 && total < minCell;
        List<Breakdown> hidden = new ArrayList<>();
        for (Breakdown b : breakdowns) {
            hidden.add(new Breakdown(b.key(), b.title(), suppressRows(b.rows(), minCell, smallTotal)));
        }
        Period p = period == null
                ? null
                : new Period(period.from(), period.to(), suppressRows(period.movements(), minCell, false, false));
        return new MemberStats(orgId, orgName, asOf, smallTotal ? null : total, hidden, p, minCell);
    }

    private static List<Row> suppressRows(List<Row> rows, int minCell, boolean all) {
        return suppressRows(rows, minCell, all, true);
    }

    private static List<Row> suppressRows(List<Row> rows, int minCell, boolean all, boolean complementary) {
        List<Row> out = new ArrayList<>();
        int suppressed = 0;
        for (Row r : rows) {
            boolean small = r.count() != null && r.count() > 0 && r.count() < minCell;
            if (all || small || r.count() == null) {
                out.add(new Row(r.code(), r.label(), null));
                suppressed++;
            } else {
                out.add(r);
            }
        }
        if (complementary && suppressed == 1) {
            // The rows of a breakdown add up to the total: one hidden count alone can be recomputed.
            out.stream()
                    .filter(r -> r.count() != null && r.count() > 0)
                    .min(Comparator.comparingLong(Row::count))
                    .ifPresent(smallest ->
                            out.set(out.indexOf(smallest), new Row(smallest.code(), smallest.label(), null)));
        }
        return out;
    }
}
