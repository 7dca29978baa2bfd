package vn.partywork.member.internal.stats;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Folds the delta rows of the statistics rollup once a night, so that reading a province or the
 * whole country stays a few thousand rows however many changes were made. Safe beside writers and
 * on several nodes at once (see {@code member.stats_compact}).
 */
@Component
class StatsCompaction {

    private final MemberStatsQueries queries;

    StatsCompaction(MemberStatsQueries queries) {
        this.queries = queries;
    }

    @Scheduled(cron = "${partywork.stats.compact-cron:0 45 2 * * *}", zone = "Asia/Ho_Chi_Minh")
    @Transactional
    public void compact() {
        queries.compact();
    }
}
