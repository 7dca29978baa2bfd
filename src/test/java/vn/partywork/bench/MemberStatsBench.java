package vn.partywork.bench;

import java.time.LocalDate;
import java.util.Locale;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import vn.partywork.member.internal.stats.MemberStatsQueries;

/**
 * Issue 5 item 10 (b): the member statistics of one province and of the whole country, through
 * the HTTP API (as a province-scope and a central-scope user) and as the statistics' own SQL
 * ({@link MemberStatsQueries}) without HTTP, security, catalogue labels or audit; today's figures of
 * a province and of the country come from the rollup, the direct query is timed once beside them.
 */
final class MemberStatsBench {

    private MemberStatsBench() {}

    static void run(
            ConfigurableApplicationContext context,
            MemberBenchmark.Api provincial,
            long provinceId,
            String provincePath,
            TransactionTemplate tx)
            throws Exception {
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        MemberStatsQueries queries = context.getBean(MemberStatsQueries.class);
        LocalDate today = LocalDate.now(context.getBean(java.time.Clock.class));
        long rootId = jdbc.sql("SELECT org_id FROM org.current_organisation WHERE parent_id IS NULL")
                .query(Long.class)
                .single();
        MemberBenchmark.Api central =
                MemberBenchmark.Api.signIn(context, MemberBenchmark.account(context, "bench.trunguong", rootId));
        LocalDate past = LocalDate.of(2020, 1, 1);
        LocalDate yearStart = today.withDayOfYear(1);

        MemberBenchmark.compare(
                "(b) province statistics today",
                MemberBenchmark.time(() -> provincial.get("/api/v1/members/stats?org=" + provinceId)),
                MemberBenchmark.time(() -> tx.execute(s -> queries.counts(provincePath, today, today))));
        MemberBenchmark.compare(
                "(b) province statistics as of 01/01/2020",
                MemberBenchmark.time(() -> provincial.get("/api/v1/members/stats?org=" + provinceId + "&asOf=" + past)),
                MemberBenchmark.time(() -> tx.execute(s -> queries.counts(provincePath, past, today))));
        MemberBenchmark.compare(
                "(b) province movements since 1 January",
                MemberBenchmark.time(() -> provincial.get(
                        "/api/v1/members/stats?org=" + provinceId + "&from=" + yearStart + "&to=" + today)),
                MemberBenchmark.time(() -> tx.execute(s -> queries.movements(provincePath, yearStart, today))));
        int warmup = 1;
        int runs = 5;
        MemberBenchmark.compare(
                "(b) national statistics today",
                Timings.time(() -> central.get("/api/v1/members/stats?org=" + rootId), warmup, runs),
                Timings.time(() -> tx.execute(s -> queries.counts("1", today, today)), warmup, runs));
        MemberBenchmark.compare(
                "(b) national statistics as of 01/01/2020",
                Timings.time(() -> central.get("/api/v1/members/stats?org=" + rootId + "&asOf=" + past), warmup, runs),
                Timings.time(() -> tx.execute(s -> queries.counts("1", past, today)), warmup, runs));
        MemberBenchmark.compare(
                "(b) national movements since 1 January",
                Timings.time(
                        () -> central.get(
                                "/api/v1/members/stats?org=" + rootId + "&from=" + yearStart + "&to=" + today),
                        warmup,
                        runs),
                Timings.time(() -> tx.execute(s -> queries.movements("1", yearStart, today)), warmup, runs));
        // The direct query over the member rows (what every figure above is tested against), once each.
        Timings.time(() -> tx.execute(s -> queries.directCounts(provincePath, today, today)), 0, 1)
                .forEach(ms -> System.out.printf(Locale.ROOT, "    direct query, province today: %.1f ms%n", ms));
        Timings.time(() -> tx.execute(s -> queries.directCounts("1", today, today)), 0, 1)
                .forEach(ms -> System.out.printf(Locale.ROOT, "    direct query, country today: %.1f ms%n", ms));
        String answer = central.get("/api/v1/members/stats?org=" + rootId);
        System.out.printf(
                Locale.ROOT, "    national total in the answer: %s%n", answer.replaceAll(".*\"total\":(\\d+).*", "$1"));
    }
}
