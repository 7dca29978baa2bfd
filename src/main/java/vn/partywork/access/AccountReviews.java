package vn.partywork.access;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.partywork.access.internal.AccessSettings;
import vn.partywork.access.internal.AccountReviewRecords;
import vn.partywork.audit.AuditAction;
import vn.partywork.audit.AuditEvent;
import vn.partywork.audit.AuditLog;
import vn.partywork.identity.AccountPrincipal;
import vn.partywork.identity.AccountReview;
import vn.partywork.identity.AccountReviewPage;
import vn.partywork.org.OrgDirectory;
import vn.partywork.org.OrgSummary;
import vn.partywork.shared.DomainException;

/**
 * P-ID-5: the periodic review of an organisation's accounts and grants by its administrator: the
 * review sheet (accounts with their last sign-in, dormant ones first; grants ending soon; the
 * earlier reviews) and the record that the review was done, with its date and what it covered.
 */
@Service
public class AccountReviews {

    /** The sheet of one organisation's subtree. */
    public record ReviewSheet(
            OrgSummary org,
            AccountReviewPage accounts,
            List<GrantView> grantsEndingSoon,
            List<GrantView> grantsAwaitingReview,
            int expiryWarningDays,
            List<ReviewRecord> history) {}

    /** One completed review. */
    public record ReviewRecord(
            long id,
            long orgId,
            String reviewedBy,
            Instant reviewedAt,
            int accounts,
            int dormant,
            int grantsNearExpiry,
            @Nullable String note) {}

    static final int PAGE_SIZE = 50;
    private static final int HISTORY = 20;
    private static final int MAX_NOTE = 1000;

    private final AccountReview accountReview;
    private final Grants grants;
    private final AccountReviewRecords records;
    private final OrgDirectory orgs;
    private final AuditLog audit;
    private final Clock clock;
    private final int expiryWarningDays;

    AccountReviews(
            AccountReview accountReview,
            Grants grants,
            AccountReviewRecords records,
            OrgDirectory orgs,
            AuditLog audit,
            Clock clock,
            AccessSettings settings) {
        this.accountReview = accountReview;
        this.grants = grants;
        this.records = records;
        this.orgs = orgs;
        this.audit = audit;
        this.clock = clock;
        this.expiryWarningDays = settings.reviewExpiryWarningDays();
    }

    /** The review sheet; the actor must manage the organisation (403 otherwise). */
    @Transactional
    public ReviewSheet sheet(AccountPrincipal actor, long orgId, int page) {
        AccountReviewPage accounts = accountReview.accounts(actor, orgId, page, PAGE_SIZE);
        OrgSummary org = orgs.current(orgId).orElseThrow(() -> DomainException.notFound("identity.review.orgNotFound"));
        return new ReviewSheet(
                org,
                accounts,
                grants.endingSoon(actor, orgId, expiryWarningDays),
                grants.awaitingReview(actor, orgId),
                expiryWarningDays,
                history(orgId));
    }

    /**
     * Records that the actor reviewed the organisation's accounts and grants today, keeping the
     * counts the sheet showed; audited.
     */
    @Transactional
    public ReviewRecord markDone(AccountPrincipal actor, long orgId, @Nullable String note) {
        String text = note == null || note.isBlank() ? null : note.strip();
        if (text != null && text.length() > MAX_NOTE) {
            throw DomainException.invalid("access.review.noteTooLong");
        }
        long accounts = accountReview.accountCount(actor, orgId);
        long dormant = accountReview.dormantCount(actor, orgId);
        long ending = grants.endingSoon(actor, orgId, expiryWarningDays).size();
        Instant now = clock.instant();
        long id = records.insert(orgId, actor.accountId(), actor.identifier(), now, accounts, dormant, ending, text);
        audit.record(AuditEvent.of(AuditAction.CREATE, "accountReview", id)
                .change("orgId", null, orgId)
                .change("reviewedAt", null, now.toString())
                .detail("accounts", accounts)
                .detail("dormant", dormant)
                .detail("grantsNearExpiry", ending)
                .detail("note", text)
                .build());
        return history(orgId).get(0);
    }

    private List<ReviewRecord> history(long orgId) {
        return records.of(orgId, HISTORY).stream()
                .map(r -> new ReviewRecord(
                        r.id(),
                        r.orgId(),
                        r.reviewedBy(),
                        r.reviewedAt(),
                        r.accounts(),
                        r.dormant(),
                        r.grantsNearExpiry(),
                        r.note()))
                .toList();
    }
}
