package vn.partywork.access;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.partywork.access.internal.AccessSettings;
import vn.partywork.access.internal.ShareStore;
import vn.partywork.audit.AuditAction;
import vn.partywork.audit.AuditEvent;
import vn.partywork.audit.AuditLog;
import vn.partywork.identity.AccountType;
import vn.partywork.identity.AccountView;
import vn.partywork.identity.Accounts;
import vn.partywork.identity.DeviceCheck;
import vn.partywork.shared.AccessScope;
import vn.partywork.shared.Classification;
import vn.partywork.shared.DomainException;

/**
 * Record-level shares (P-AZ-2, issue 6 item 3): the creator of a record shares it with a named
 * account at a level ({@link ShareLevel}) until a last day, at most
 * {@code partywork.access.share-max-days} (90) ahead; the share ends by itself after that day
 * (checked at every use, no job needed) or at once when revoked. Independent of what the record is:
 * each module that offers sharing implements {@link ShareableRecords}.
 *
 * <p><b>Who shares.</b> Only the record's creator. Holders of WRITE on the record's organisation do
 * not: P-AZ-2 (seed 000 Đ5.2-3, Đ8) lets the creator of a dossier share it with named people and
 * sends everyone else through an explicit approval, so an organisation's staff who want a colleague
 * elsewhere to see a record ask for a grant (P-AZ-4) rather than share around the creator. The creator
 * (who is the one who shared) revokes.
 *
 * <p><b>A share never lifts classification (P-CL-1).</b> The grantee must hold a grant ceiling at
 * least the record's classification on the record's database, when the share is made and again at
 * every use; a record at Mật or above is given only to a permitted device (P-ID-7). Shares,
 * revocations and every use are audited (target {@value #TARGET}).
 */
@Service
public class RecordShares {

    static final String TARGET = "record_share";
    private static final int RECEIVED_LIMIT = 200;

    private final ShareStore store;
    private final Accounts accounts;
    private final AccessScopes scopes;
    private final AuditLog audit;
    private final DeviceCheck devices;
    private final AccessSettings settings;
    private final Clock clock;
    private final ObjectProvider<ShareableRecords> kinds;

    RecordShares(
            ShareStore store,
            Accounts accounts,
            AccessScopes scopes,
            AuditLog audit,
            DeviceCheck devices,
            AccessSettings settings,
            Clock clock,
            ObjectProvider<ShareableRecords> kinds) {
        this.store = store;
        this.accounts = accounts;
        this.scopes = scopes;
        this.audit = audit;
        this.devices = devices;
        this.settings = settings;
        this.clock = clock;
        this.kinds = kinds;
    }

    /** The longest a share may last, in days from today. */
    public int maxDays() {
        return settings.shareMaxDays();
    }

    /**
     * Shares a record the caller reaches through their own grants and created. Refused:
     * {@code access.share.recordNotFound} (404), {@code access.share.notCreator} (403),
     * {@code access.share.levelRequired}, {@code access.share.granteeUnknown},
     * {@code access.share.granteeDisabled}, {@code access.share.self}, {@code access.share.expiryRequired},
     * {@code access.share.expiryPast}, {@code access.share.expiryTooFar}, {@code access.share.ceilingTooLow}
     * (400), {@code access.share.exists} (409, revoke the share in force first). Nothing is written then.
     */
    @Transactional
    public ShareView share(AccessScope actor, String kind, String recordId, NewShare command) {
        SharedRecord record = ownerSide(actor, kind, recordId);
        // P-AZ-2: the creator of the record shares it; nobody else (see the class comment).
        if (record.creatorAccountId() != actor.accountId()) {
            throw DomainException.forbidden("access.share.notCreator");
        }
        if (command.level() == null) {
            throw DomainException.invalid("access.share.levelRequired");
        }
        String identifier = command.grantee() == null ? "" : command.grantee().strip();
        AccountView grantee = identifier.isEmpty()
                ? null
                : accounts.byIdentifier(identifier)
                        .filter(a -> a.type() != AccountType.SYSTEM_ADMIN)
                        .orElse(null);
        if (grantee == null) {
            throw DomainException.invalid("access.share.granteeUnknown", identifier);
        }
        if (grantee.id() == actor.accountId()) {
            throw DomainException.invalid("access.share.self");
        }
        if (!grantee.isActive()) {
            throw DomainException.invalid("access.share.granteeDisabled", grantee.identifier());
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate expiresOn = command.expiresOn();
        if (expiresOn == null) {
            throw DomainException.invalid("access.share.expiryRequired");
        }
        if (expiresOn.isBefore(today)) {
            throw DomainException.invalid("access.share.expiryPast");
        }
        if (expiresOn.isAfter(today.plusDays(settings.shareMaxDays()))) {
            throw DomainException.invalid("access.share.expiryTooFar", settings.shareMaxDays());
        }
        // P-CL-1: a share never lifts classification.
        if (!record.classification().atMost(ceiling(scopes.forAccount(grantee.id(), today), record))) {
            throw DomainException.invalid(
                    "access.share.ceilingTooLow",
                    grantee.identifier(),
                    record.classification().label());
        }
        if (store.activeFor(kind, recordId, grantee.id(), today).isPresent()) {
            throw DomainException.conflict("access.share.exists", grantee.identifier());
        }
        long id = store.insert(
                kind, recordId, grantee.id(), command.level(), expiresOn, actor.accountId(), clock.instant());
        audit.record(AuditEvent.of(AuditAction.SHARE, TARGET, id)
                .classification(record.classification())
                .actorIdentifier(actor.identifier())
                .change("recordKind", null, kind)
                .change("recordId", null, recordId)
                .change("granteeAccountId", null, grantee.id())
                .change("level", null, command.level().name())
                .change("expiresOn", null, expiresOn.toString())
                .detail("grantee", grantee.identifier())
                .detail("title", record.title())
                .build());
        return view(store.byId(id).orElseThrow(), new HashMap<>());
    }

    /**
     * Ends a share at once. Only the record's creator or whoever made the share
     * ({@code access.share.notCreator}); a share of another record is {@code access.share.notFound}; one
     * already revoked or past its last day {@code access.share.ended} (409).
     */
    @Transactional
    public ShareView revoke(AccessScope actor, String kind, String recordId, long shareId) {
        SharedRecord record = ownerSide(actor, kind, recordId);
        ShareStore.Row row = store.byId(shareId)
                .filter(r -> r.recordKind().equals(kind) && r.recordId().equals(recordId))
                .orElseThrow(() -> DomainException.notFound("access.share.notFound"));
        if (record.creatorAccountId() != actor.accountId() && row.sharedBy() != actor.accountId()) {
            throw DomainException.forbidden("access.share.notCreator");
        }
        LocalDate today = LocalDate.now(clock);
        if (row.revokedAt() != null
                || row.expiresOn().isBefore(today)
                || !store.revoke(shareId, actor.accountId(), clock.instant())) {
            throw DomainException.conflict("access.share.ended");
        }
        audit.record(AuditEvent.of(AuditAction.REVOKE, TARGET, shareId)
                .classification(record.classification())
                .actorIdentifier(actor.identifier())
                .change("revoked", false, true)
                .detail("recordKind", kind)
                .detail("recordId", recordId)
                .detail("granteeAccountId", row.granteeAccount())
                .detail("level", row.level().name())
                .build());
        return view(store.byId(shareId).orElseThrow(), new HashMap<>());
    }

    /** The shares in force of a record the caller reaches through their own grants (the owner side). */
    @Transactional(readOnly = true)
    public List<ShareView> active(AccessScope scope, String kind, String recordId) {
        ownerSide(scope, kind, recordId);
        Map<Long, AccountView> names = new HashMap<>();
        return store.activeOn(kind, recordId, LocalDate.now(clock)).stream()
                .map(r -> view(r, names))
                .toList();
    }

    /** Whether the caller may share the record (they reach it through their grants and created it). */
    @Transactional(readOnly = true)
    public boolean mayShare(AccessScope scope, String kind, String recordId) {
        return kind(kind)
                .flatMap(k -> k.find(recordId).filter(r -> k.visibleWithoutShare(scope, r)))
                .filter(r -> r.creatorAccountId() == scope.accountId())
                .isPresent();
    }

    /**
     * The records shared with the caller that the caller may still open (share in force, grant ceiling
     * high enough, the record still exists), newest share first, at most 200. Lists titles only: opening
     * a record is a {@link #use}.
     */
    @Transactional(readOnly = true)
    public List<ReceivedShare> received(AccessScope scope) {
        if (!activeAccount(scope.accountId())) {
            return List.of();
        }
        Map<Long, AccountView> names = new HashMap<>();
        List<ReceivedShare> received = new ArrayList<>();
        for (ShareStore.Row row : store.receivedBy(scope.accountId(), LocalDate.now(clock), RECEIVED_LIMIT)) {
            kind(row.recordKind())
                    .flatMap(k -> k.find(row.recordId()))
                    .filter(r -> r.classification().atMost(ceiling(scope, r)))
                    .ifPresent(r -> received.add(new ReceivedShare(view(row, names), r)));
        }
        return received;
    }

    /**
     * The share that lets the caller do {@code needed} with the record now, without auditing (to decide
     * what a page offers): in force, at that level or above, the account active and its grant ceiling
     * at least the record's classification. Empty otherwise.
     */
    @Transactional(readOnly = true)
    public Optional<ShareView> authorised(AccessScope scope, String kind, String recordId, ShareLevel needed) {
        return authorisedRecord(scope, kind, recordId, needed).map(ReceivedShare::share);
    }

    /**
     * Uses a share: as {@link #authorised}, then a record at Mật or above only from a permitted device
     * ({@code identity.device.notPermitted}, 403, the refusal audited), and the use audited (READ on
     * {@value #TARGET} with the record and the level used). Joins the caller's transaction, so that a
     * comment or an edit made through the share commits with its audit event. Empty when no share
     * allows it: the caller then answers as for a record that does not exist.
     */
    public Optional<ShareView> use(AccessScope scope, String kind, String recordId, ShareLevel needed) {
        Optional<ReceivedShare> found = authorisedRecord(scope, kind, recordId, needed);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ShareView share = found.get().share();
        SharedRecord record = found.get().record();
        AuditEvent.Builder event = AuditEvent.of(AuditAction.READ, TARGET, share.id())
                .classification(record.classification())
                .actorIdentifier(scope.identifier())
                .detail("recordKind", kind)
                .detail("recordId", recordId)
                .detail("use", needed.name())
                .detail("level", share.level().name());
        try {
            // P-ID-7: a share is no way around the permitted device.
            devices.requirePermitted(scope.accountId(), record.classification());
        } catch (DomainException refused) {
            audit.record(event.detail("device", "NOT_PERMITTED").build());
            throw refused;
        }
        audit.record(event.build());
        return Optional.of(share);
    }

    private Optional<ReceivedShare> authorisedRecord(
            AccessScope scope, String kind, String recordId, ShareLevel needed) {
        LocalDate today = LocalDate.now(clock);
        Optional<ShareStore.Row> row = store.activeFor(kind, recordId, scope.accountId(), today)
                .filter(r -> r.level().includes(needed));
        if (row.isEmpty() || !activeAccount(scope.accountId())) {
            return Optional.empty();
        }
        return kind(kind)
                .flatMap(k -> k.find(recordId))
                // P-CL-1: checked at every use: a grant lowered or ended since the share takes effect at once.
                .filter(r -> r.classification().atMost(ceiling(scope, r)))
                .map(r -> new ReceivedShare(view(row.get(), new HashMap<>()), r));
    }

    private SharedRecord ownerSide(AccessScope scope, String kind, String recordId) {
        return kind(kind)
                .flatMap(k -> k.find(recordId).filter(r -> k.visibleWithoutShare(scope, r)))
                .orElseThrow(() -> DomainException.notFound("access.share.recordNotFound"));
    }

    private Optional<ShareableRecords> kind(String kind) {
        return kinds.orderedStream().filter(k -> k.kind().equals(kind)).findFirst();
    }

    private boolean activeAccount(long accountId) {
        return accounts.byId(accountId).filter(AccountView::isActive).isPresent();
    }

    /** The grant ceiling that limits the record: on its database, or the highest of any detail grant. */
    private static Classification ceiling(AccessScope scope, SharedRecord record) {
        if (record.database() != null) {
            return scope.ceiling(record.database());
        }
        // P-AZ-3: aggregate-only grants open no record, so their ceiling does not count.
        return scope.entries().stream()
                .filter(e -> !e.aggregateOnly())
                .map(AccessScope.Entry::ceiling)
                .reduce(Classification.UNCLASSIFIED, Classification::max);
    }

    private ShareView view(ShareStore.Row row, Map<Long, AccountView> names) {
        AccountView grantee = account(row.granteeAccount(), names);
        AccountView by = account(row.sharedBy(), names);
        return new ShareView(
                row.id(),
                row.recordKind(),
                row.recordId(),
                row.granteeAccount(),
                grantee == null ? "" : grantee.identifier(),
                grantee == null ? "" : grantee.displayName(),
                row.level(),
                row.expiresOn(),
                row.sharedBy(),
                by == null ? "" : by.identifier(),
                row.sharedAt(),
                row.revokedAt());
    }

    private @Nullable AccountView account(long id, Map<Long, AccountView> names) {
        if (!names.containsKey(id)) {
            names.put(id, accounts.byId(id).orElse(null));
        }
        return names.get(id);
    }
}
