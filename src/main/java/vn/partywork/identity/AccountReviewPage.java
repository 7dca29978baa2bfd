package vn.partywork.identity;

import java.util.List;

/**
 * A page of the account review of one organisation's subtree (P-ID-5): accounts needing attention
 * first (dormant, then the longest without a sign-in).
 *
 * @param total accounts homed in the subtree
 * @param dormant of them, active but dormant now
 * @param dormantDays the dormancy period ({@code partywork.identity.dormant-days})
 */
public record AccountReviewPage(
        List<ReviewedAccount> items, int page, int size, long total, long dormant, int dormantDays) {

    public int pages() {
        return (int) ((total + size - 1) / size);
    }
}
