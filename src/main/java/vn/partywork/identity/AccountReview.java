package vn.partywork.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import vn.partywork.audit.AuditAction;
import vn.partywork.audit.AuditEvent;
import vn.partywork.audit.AuditLog;
import vn.partywork.identity.internal.AccountReviewStore;
import vn.partywork.identity.internal.AccountReviewStore.Dormant;
import vn.partywork.identity.internal.IdentitySettings;
import vn.partywork.identity.internal.ManagementRules;
import vn.partywork.identity.internal.TokenService;
import vn.partywork.org.OrgDirectory;
import vn.partywork.org.OrgSummary;
import vn.partywork.shared.DomainException;

/**
 * P-ID-5: the periodic review of the accounts of an organisation's subtree (last sign-in, dormant
 * accounts) by its administrators, and the daily check that deactivates dormant accounts (reason
 * recorded and audited; an administrator may reactivate them, which starts the count again).
 */
@Service
public class AccountReview {

    /** The daily check deactivates at most this many accounts per transaction, then goes on. */
    private static final int BATCH = 200;

    private final AccountReviewStore store;
    private final ManagementRules rules;
    private final OrgDirectory orgs;
    private final TokenService tokens;
    private final AuditLog audit;
    private final Clock clock;
    private final int dormantDays;
    private final TransactionTemplate tx;

    AccountReview(
            AccountReviewStore store,
            ManagementRules rules,
            OrgDirectory orgs,
            TokenService tokens,
            AuditLog audit,
            Clock clock,
            IdentitySettings settings,
            TransactionTemplate tx) {
        this.tx = tx;
        this.store = store;
        this.rules = rules;
        this.orgs = orgs;
        this.tokens = tokens;
        this.audit = audit;
        this.clock = clock;
        this.dormantDays = settings.dormantDays();
    }

    public int dormantDays() {
        return dormantDays;
    }

    /**
     * The accounts homed in the organisation's subtree, dormant ones first. The actor must manage
     * the organisation ({@code identity.review.orgOutsideScope}, 403). Audited as a search.
     */
    @Transactional(readOnly = true)
    public AccountReviewPage accounts(AccountPrincipal actor, long orgId, int page, int size) {
        OrgSummary org = managedOrganisation(actor, orgId);
        Instant cutoff = cutoff();
        List<ReviewedAccount> items = store.accounts(org.path(), cutoff, Math.max(page, 0) * size, size).stream()
                .map(r -> new ReviewedAccount(
                        r.account().view(clock.instant()),
                        r.orgName(),
                        r.lastLoginAt(),
                        r.dormant(),
                        r.suspendedForDormancy()))
                .toList();
        long total = store.count(org.path());
        long dormant = store.countDormant(org.path(), cutoff);
        // P-AU-1: the review lists people: one SEARCH event with what was asked.
        audit.record(AuditEvent.of(AuditAction.SEARCH, "account", null)
                .detail("purpose", "accountReview")
                .detail("orgId", orgId)
                .detail("page", page)
                .detail("results", total)
                .build());
        return new AccountReviewPage(items, Math.max(page, 0), size, total, dormant, dormantDays);
    }

    /** Active accounts of the subtree that are dormant now (the count the review record keeps). */
    @Transactional(readOnly = true)
    public long dormantCount(AccountPrincipal actor, long orgId) {
        return store.countDormant(managedOrganisation(actor, orgId).path(), cutoff());
    }

    /** Accounts homed in the subtree (the count the review record keeps). */
    @Transactional(readOnly = true)
    public long accountCount(AccountPrincipal actor, long orgId) {
        return store.count(managedOrganisation(actor, orgId).path());
    }

    /**
     * P-ID-5: deactivates every dormant account (not system administrators), revokes its API tokens
     * and audits each with the reason; returns how many. Runs daily; several nodes are safe (only
     * the one holding the lock works).
     */
    @Scheduled(cron = "${partywork.identity.dormancy-check-cron:0 30 1 * * *}", zone = "Asia/Ho_Chi_Minh")
    public int suspendDormantAccounts() {
        int total = 0;
        int done;
        do {
            Integer batch = tx.execute(s -> suspendBatch());
            done = batch == null ? 0 : batch;
            total += done;
        } while (done == BATCH);
        return total;
    }

    private int suspendBatch() {
        if (!store.lockDormancyCheck()) {
            return 0;
        }
        Instant now = clock.instant();
        Instant cutoff = cutoff();
        int done = 0;
        for (Dormant account : store.dormant(cutoff, BATCH)) {
            if (!store.suspend(account.id(), cutoff, now)) {
                continue;
            }
            tokens.revokeAll(account.id());
            audit.record(AuditEvent.of(AuditAction.UPDATE, "account", account.id())
                    .actorIdentifier("system")
                    .change("status", AccountStatus.ACTIVE.name(), AccountStatus.DEACTIVATED.name())
                    .detail("reason", "dormant")
                    .detail("account", account.identifier())
                    .detail("dormantDays", dormantDays)
                    .detail(
                            "lastLoginAt",
                            account.lastLoginAt() == null
                                    ? null
                                    : account.lastLoginAt().toString())
                    .build());
            done++;
        }
        return done;
    }

    private Instant cutoff() {
        return clock.instant().minus(Duration.ofDays(dormantDays));
    }

    private OrgSummary managedOrganisation(AccountPrincipal actor, long orgId) {
        rules.requireManager(actor);
        OrgSummary org = orgs.current(orgId).orElseThrow(() -> DomainException.notFound("identity.review.orgNotFound"));
        if (!rules.managesOrg(actor, orgId)) {
            throw DomainException.forbidden("identity.review.orgOutsideScope");
        }
        return org;
    }
}
