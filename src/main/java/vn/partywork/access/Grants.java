package vn.partywork.access;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.partywork.access.internal.GrantRecord;
import vn.partywork.access.internal.GrantStore;
import vn.partywork.audit.AuditAction;
import vn.partywork.audit.AuditEvent;
import vn.partywork.audit.AuditLog;
import vn.partywork.identity.AccountAdministration;
import vn.partywork.identity.AccountPositionChanged;
import vn.partywork.identity.AccountPrincipal;
import vn.partywork.identity.AccountQuery;
import vn.partywork.identity.AccountType;
import vn.partywork.identity.AccountView;
import vn.partywork.identity.Accounts;
import vn.partywork.identity.StepUp;
import vn.partywork.org.OrgDirectory;
import vn.partywork.org.OrgSummary;
import vn.partywork.shared.Database;
import vn.partywork.shared.DomainException;

/**
 * Granting and revoking access (P-AZ-1). A system administrator grants anywhere; an organisation
 * administrator only to accounts it manages and only on organisations inside its own subtree.
 * Every grant and revocation is audited.
 */
@Service
public class Grants {

    private static final int MAX_DOCUMENT = 100;
    private static final int MAX_NOTE = 1000;
    private static final int LIST_LIMIT = 500;
    /** P-ID-5: the review reason set when the holder changes position or unit. */
    public static final String REVIEW_POSITION_CHANGED = "POSITION_CHANGED";

    private final GrantStore grants;
    private final AccountAdministration administration;
    private final Accounts accounts;
    private final OrgDirectory orgs;
    private final AuditLog audit;
    private final Clock clock;
    private final StepUp stepUp;

    Grants(
            GrantStore grants,
            AccountAdministration administration,
            Accounts accounts,
            OrgDirectory orgs,
            AuditLog audit,
            Clock clock,
            StepUp stepUp) {
        this.stepUp = stepUp;
        this.grants = grants;
        this.administration = administration;
        this.accounts = accounts;
        this.orgs = orgs;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public GrantView grant(AccountPrincipal actor, NewGrant command) {
        // ASVS 5.0 7.5.3: changing rights needs a fresh second factor.
        stepUp.require(actor);
        AccountView account = administration.requireManaged(actor, command.accountId());
        return insert(actor, account, command, null);
    }

    /**
     * P-AZ-4: the time-limited grant that an approved data access request gives its requester. The
     * approval by the data owner is the authority (no account administrator acts), so the audit event
     * names the approving account of the current request and the request as its basis
     * ({@code command.documentNumber()}). A grant without an end date is refused.
     */
    @Transactional
    public GrantView grantForApprovedDataAccess(NewGrant command) {
        if (command.validTo() == null) {
            throw DomainException.invalid("access.grant.periodInvalid");
        }
        AccountView account = accounts.byId(command.accountId())
                .orElseThrow(() -> DomainException.invalid("access.grant.accountNotFound"));
        return insert(null, account, command, "approval");
    }

    private GrantView insert(
            @Nullable AccountPrincipal actor, AccountView account, NewGrant command, @Nullable String origin) {
        if (account.type() == AccountType.SYSTEM_ADMIN) {
            // P-ID-2: the system administrator never holds business rights.
            throw DomainException.invalid("access.grant.systemAdmin");
        }
        if (!account.isActive()) {
            throw DomainException.invalid("access.grant.accountInactive");
        }
        if (command.role() == null) {
            throw DomainException.invalid("access.grant.roleRequired");
        }
        if (command.aggregateOnly() && command.role() != Role.VIEWER) {
            // P-AZ-3: an aggregate-only grant reads statistics; writing or approving would need the records.
            throw DomainException.invalid("access.grant.aggregateOnlyViewer");
        }
        if (command.ceiling() == null) {
            throw DomainException.invalid("access.grant.ceilingRequired");
        }
        if (command.databases() == null || command.databases().isEmpty()) {
            throw DomainException.invalid("access.grant.databasesRequired");
        }
        OrgSummary org =
                orgs.current(command.orgId()).orElseThrow(() -> DomainException.invalid("access.grant.orgNotFound"));
        if (actor != null && !administration.managesOrganisation(actor, org.id())) {
            throw DomainException.forbidden("access.grant.orgOutsideScope");
        }
        if (command.role().requiresCell() && !org.kind().isCell()) {
            // P-AZ-1 least privilege: a cell secretary's rights stop at the cell.
            throw DomainException.invalid("access.grant.cellSecretaryNeedsCell", org.name());
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate from = command.validFrom() == null ? today : command.validFrom();
        if (command.validTo() != null && command.validTo().isBefore(from)) {
            throw DomainException.invalid("access.grant.periodInvalid");
        }
        String document = text(command.documentNumber());
        String note = text(command.note());
        if ((document != null && document.length() > MAX_DOCUMENT) || (note != null && note.length() > MAX_NOTE)) {
            throw DomainException.invalid("access.grant.tooLong");
        }
        Set<Database> databases = EnumSet.copyOf(command.databases());
        long id = grants.insert(
                account.id(),
                command.role(),
                org.id(),
                databases,
                command.ceiling(),
                from,
                command.validTo(),
                document,
                note,
                actor == null ? null : actor.accountId(),
                clock.instant(),
                command.aggregateOnly());
        audit.record(AuditEvent.of(AuditAction.GRANT, "grant", id)
                .actorIdentifier(actor == null && origin == null ? "seed" : null)
                .detail("origin", origin)
                .change("accountId", null, account.id())
                .change("role", null, command.role().name())
                .change("orgId", null, org.id())
                .change(
                        "databases",
                        null,
                        databases.stream().map(Enum::name).sorted().toList())
                .change("ceiling", null, command.ceiling().name())
                .change("aggregateOnly", null, command.aggregateOnly())
                .change("validFrom", null, from.toString())
                .change(
                        "validTo",
                        null,
                        command.validTo() == null ? null : command.validTo().toString())
                .detail("account", account.identifier())
                .detail("documentNumber", document)
                .basis(document)
                .build());
        return view(grants.byId(id).orElseThrow(), Map.of(account.id(), account.identifier()));
    }

    /**
     * For the demo-data loader only: the same rules on the grant itself (active non-administrator
     * account, existing organisation, cell secretary on a cell, period) without an acting
     * administrator. Never call it from a request path.
     */
    @Transactional
    public GrantView grantForSeeding(NewGrant command) {
        AccountView account = accounts.byId(command.accountId())
                .orElseThrow(() -> DomainException.invalid("access.grant.accountNotFound"));
        return insert(null, account, command, null);
    }

    @Transactional
    public GrantView revoke(AccountPrincipal actor, long grantId, @Nullable Integer version) {
        stepUp.require(actor);
        GrantRecord grant = grants.byId(grantId)
                .filter(g -> administration.manages(actor, g.accountId()))
                .orElseThrow(() -> DomainException.notFound("access.grant.notFound"));
        if (grant.revokedAt() != null) {
            throw DomainException.conflict("access.grant.alreadyRevoked");
        }
        // An organisation administrator revokes only inside its subtree; a grant on a dissolved organisation may go.
        if (orgs.current(grant.orgId()).isPresent() && !administration.managesOrganisation(actor, grant.orgId())) {
            throw DomainException.forbidden("access.grant.orgOutsideScope");
        }
        if (version != null && version != grant.version()) {
            throw DomainException.conflict("request.staleVersion");
        }
        Instant now = clock.instant();
        grants.revoke(grantId, grant.version(), actor.accountId(), now);
        audit.record(AuditEvent.of(AuditAction.REVOKE, "grant", grantId)
                .change("revokedAt", null, now.toString())
                .detail("accountId", grant.accountId())
                .detail("role", grant.role().name())
                .detail("orgId", grant.orgId())
                .build());
        return view(grants.byId(grantId).orElseThrow(), Map.of());
    }

    /**
     * P-ID-5: the holder changed position or unit: every grant of the account still in force waits
     * for review; one audit event per grant. Runs in the transaction of the change.
     */
    @EventListener(id = "access.position-changed")
    void on(AccountPositionChanged changed) {
        Instant now = clock.instant();
        for (long id : grants.flagForReview(changed.accountId(), REVIEW_POSITION_CHANGED, LocalDate.now(clock), now)) {
            audit.record(AuditEvent.of(AuditAction.UPDATE, "grant", id)
                    .change("reviewReason", null, REVIEW_POSITION_CHANGED)
                    .detail("accountId", changed.accountId())
                    .detail("oldOrgId", changed.oldOrgId())
                    .detail("newOrgId", changed.newOrgId())
                    .basis(changed.documentNumber())
                    .build());
        }
    }

    /**
     * P-ID-5: the administrator keeps a grant that waited for review (it stays as it is); audited.
     * Revoking it instead goes through {@link #revoke}.
     */
    @Transactional
    public GrantView confirmReview(AccountPrincipal actor, long grantId, @Nullable Integer version) {
        GrantRecord grant = grants.byId(grantId)
                .filter(g -> administration.manages(actor, g.accountId()))
                .orElseThrow(() -> DomainException.notFound("access.grant.notFound"));
        if (grant.revokedAt() != null || grant.reviewSince() == null) {
            throw DomainException.conflict("access.grant.noReviewPending");
        }
        if (orgs.current(grant.orgId()).isPresent() && !administration.managesOrganisation(actor, grant.orgId())) {
            throw DomainException.forbidden("access.grant.orgOutsideScope");
        }
        if (version != null && version != grant.version()) {
            throw DomainException.conflict("request.staleVersion");
        }
        grants.clearReview(grantId, grant.version());
        audit.record(AuditEvent.of(AuditAction.UPDATE, "grant", grantId)
                .change("reviewReason", grant.reviewReason(), null)
                .detail("accountId", grant.accountId())
                .detail("outcome", "CONFIRMED")
                .build());
        return view(grants.byId(grantId).orElseThrow(), Map.of());
    }

    /**
     * P-ID-5: grants on organisations of the subtree of {@code orgId} that wait for review (the
     * holder changed position), oldest first. The actor must manage the organisation.
     */
    @Transactional(readOnly = true)
    public List<GrantView> awaitingReview(AccountPrincipal actor, long orgId) {
        OrgSummary org = orgs.current(orgId).orElseThrow(() -> DomainException.notFound("identity.review.orgNotFound"));
        if (!administration.managesOrganisation(actor, orgId)) {
            throw DomainException.forbidden("identity.review.orgOutsideScope");
        }
        List<GrantRecord> records = grants.awaitingReview(org.path(), LIST_LIMIT);
        Map<Long, String> orgNames = new HashMap<>();
        orgs.current(records.stream().map(GrantRecord::orgId).distinct().toList())
                .forEach(o -> orgNames.put(o.id(), o.name()));
        return records.stream().map(g -> view(g, new HashMap<>(), orgNames)).toList();
    }

    /** Grants of one account, or of every account the actor manages when {@code accountId} is null. */
    @Transactional(readOnly = true)
    public List<GrantView> list(AccountPrincipal actor, @Nullable Long accountId) {
        List<GrantRecord> records;
        Map<Long, String> identifiers = new HashMap<>();
        if (accountId != null) {
            AccountView account = administration.requireManaged(actor, accountId);
            identifiers.put(account.id(), account.identifier());
            records = grants.of(List.of(accountId), LIST_LIMIT);
        } else if (actor.isSystemAdmin()) {
            records = grants.of(null, LIST_LIMIT);
        } else {
            Set<Long> managed = new LinkedHashSet<>();
            int page = 0;
            List<AccountView> batch;
            do {
                batch = administration
                        .search(actor, new AccountQuery(null, null, null, page++, 100))
                        .items();
                batch.forEach(a -> {
                    managed.add(a.id());
                    identifiers.put(a.id(), a.identifier());
                });
            } while (batch.size() == 100 && managed.size() < 10_000);
            records = grants.of(managed, LIST_LIMIT);
        }
        Map<Long, String> orgNames = new HashMap<>();
        orgs.current(records.stream().map(GrantRecord::orgId).distinct().toList())
                .forEach(o -> orgNames.put(o.id(), o.name()));
        return records.stream().map(g -> view(g, identifiers, orgNames)).toList();
    }

    /**
     * P-ID-5: grants in force on organisations of the subtree of {@code orgId} that end within
     * {@code days} days, soonest first (at most 500). The actor must manage the organisation.
     */
    @Transactional(readOnly = true)
    public List<GrantView> endingSoon(AccountPrincipal actor, long orgId, int days) {
        OrgSummary org = orgs.current(orgId).orElseThrow(() -> DomainException.notFound("identity.review.orgNotFound"));
        if (!administration.managesOrganisation(actor, orgId)) {
            throw DomainException.forbidden("identity.review.orgOutsideScope");
        }
        LocalDate today = LocalDate.now(clock);
        List<GrantRecord> records = grants.endingWithin(org.path(), today, today.plusDays(days), LIST_LIMIT);
        Map<Long, String> identifiers = new HashMap<>();
        Map<Long, String> orgNames = new HashMap<>();
        orgs.current(records.stream().map(GrantRecord::orgId).distinct().toList())
                .forEach(o -> orgNames.put(o.id(), o.name()));
        return records.stream()
                .map(g -> {
                    GrantView view = view(g, identifiers, orgNames);
                    if (view.accountIdentifier() != null) {
                        identifiers.put(g.accountId(), view.accountIdentifier());
                    }
                    return view;
                })
                .toList();
    }

    private GrantView view(GrantRecord g, Map<Long, String> identifiers) {
        return view(g, identifiers, Map.of());
    }

    private GrantView view(GrantRecord g, Map<Long, String> identifiers, Map<Long, String> orgNames) {
        String identifier = Optional.ofNullable(identifiers.get(g.accountId()))
                .orElseGet(() -> accounts.byId(g.accountId())
                        .map(AccountView::identifier)
                        .orElse(null));
        String orgName = orgNames.containsKey(g.orgId())
                ? orgNames.get(g.orgId())
                : orgs.current(g.orgId()).map(OrgSummary::name).orElse(null);
        return new GrantView(
                g.id(),
                g.accountId(),
                identifier,
                g.role(),
                g.orgId(),
                orgName,
                g.databases(),
                g.ceiling(),
                g.validFrom(),
                g.validTo(),
                g.documentNumber(),
                g.note(),
                g.grantedBy(),
                g.grantedAt(),
                g.revokedBy(),
                g.revokedAt(),
                g.statusOn(LocalDate.now(clock)),
                g.version(),
                g.aggregateOnly(),
                g.reviewReason(),
                g.reviewSince());
    }

    private static @Nullable String text(@Nullable String value) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        return stripped.isEmpty() ? null : stripped;
    }
}
