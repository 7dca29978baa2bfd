package vn.partywork.member;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.partywork.approval.ApprovalRequests;
import vn.partywork.approval.ProposedChange;
import vn.partywork.approval.RequestDetails;
import vn.partywork.approval.SubmitRequest;
import vn.partywork.audit.AuditAction;
import vn.partywork.audit.AuditEvent;
import vn.partywork.audit.AuditLog;
import vn.partywork.identity.AccountType;
import vn.partywork.identity.AccountView;
import vn.partywork.identity.Accounts;
import vn.partywork.member.internal.DecidingLevels;
import vn.partywork.member.internal.MemberRules;
import vn.partywork.member.internal.Members;
import vn.partywork.member.internal.Transfers;
import vn.partywork.org.OrgDirectory;
import vn.partywork.org.OrgSummary;
import vn.partywork.shared.AccessScope;
import vn.partywork.shared.Database;
import vn.partywork.shared.DomainException;

/**
 * The party member database (M-1..M-6). Every method takes the caller's {@link AccessScope}:
 *
 * <ul>
 * <li><b>Who sees a record</b> (P-AZ-1, H-4): staff who read {@code ORGANISATION_MEMBER} over the
 * member's current cell, and the member's own MEMBER account. A MEMBER account's implicit scope
 * (its own cell's organisation information) opens no other member's personal record. A record
 * outside this answers {@code member.notFound} exactly like a missing one.</li>
 * <li><b>Who writes what</b> (M-6, {@link FieldGroup}): party data, the cell and the status are
 * entered directly by staff with WRITE over the cell; self-declared data (identity, background) is
 * changed only through MEMBER_UPDATE, proposed by the member or by staff with WRITE on their
 * behalf (seed 002 Đ12.1a), and applied when the chain completes. A new probationary member's form
 * goes through MEMBER_ADMISSION (M-2) and becomes active when it completes.</li>
 * <li><b>Audit</b> (P-AU-1, P-AU-2): every change with old → new and its basis, every read of a
 * record (READ) and every search (one SEARCH with the criteria).</li>
 * </ul>
 */
@Service
public class MemberRegistry {

    public static final int MAX_PAGE_SIZE = 100;
    /** Offset paging stops here: narrow the criteria rather than page through thousands. */
    public static final int MAX_OFFSET = 10_000;
    /** Searches count their matches up to here and then say "more than". */
    public static final int COUNT_CAP = 10_000;

    static final String TARGET = "member";
    static final String SUBJECT_UPDATE = "member";
    static final String SUBJECT_ADMISSION = "member-admission";
    static final String CHAIN_UPDATE = "MEMBER_UPDATE";
    static final String CHAIN_ADMISSION = "MEMBER_ADMISSION";
    private static final Database DB = Database.ORGANISATION_MEMBER;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.ROOT);
    private static final Logger log = LoggerFactory.getLogger(MemberRegistry.class);

    private final Members members;
    private final Transfers transfers;
    private final MemberRules rules;
    private final DecidingLevels levels;
    private final OrgDirectory orgs;
    private final Accounts accounts;
    private final ApprovalRequests approvals;
    private final AuditLog audit;
    private final Clock clock;

    MemberRegistry(
            Members members,
            Transfers transfers,
            MemberRules rules,
            DecidingLevels levels,
            OrgDirectory orgs,
            Accounts accounts,
            ApprovalRequests approvals,
            AuditLog audit,
            Clock clock) {
        this.members = members;
        this.transfers = transfers;
        this.rules = rules;
        this.levels = levels;
        this.orgs = orgs;
        this.accounts = accounts;
        this.approvals = approvals;
        this.audit = audit;
        this.clock = clock;
    }

    // --- reads

    /**
     * Scoped search (issue 5 item 5); records one SEARCH event with the criteria. Not a read-only
     * transaction on purpose: the event is then written in the search's own transaction (one
     * commit), not in a second transaction on a second connection (issue 5 item 10a, API/SQL ratio).
     */
    @Transactional
    public MemberPage search(AccessScope scope, MemberQuery query, int page, int size) {
        checkCriteria(query);
        int pageSize = size <= 0 ? 20 : Math.min(size, MAX_PAGE_SIZE);
        int pageNumber = Math.max(page, 0);
        long offset = (long) pageNumber * pageSize;
        if (offset > MAX_OFFSET) {
            throw DomainException.invalid("member.search.pageTooFar", MAX_OFFSET);
        }
        List<String> paths = staffPaths(scope);
        String subtree = subtree(query, paths);
        String key = query.name() == null ? null : members.searchKey(query.name());
        Members.Found found =
                members.search(query, key, paths, scope.accountId(), subtree, today(), pageSize, offset, COUNT_CAP);
        AuditEvent.Builder event =
                AuditEvent.of(AuditAction.SEARCH, TARGET, null).actorIdentifier(scope.identifier());
        query.criteria().forEach(event::detail);
        audit.record(event.detail("page", pageNumber)
                .detail("results", found.items().size())
                .build());
        return new MemberPage(found.items(), pageNumber, pageSize, found.total(), found.capped());
    }

    /**
     * Issue 5 item 5: every match of a search (all pages, the whole form, in the search's order)
     * handed to {@code sink} one record at a time, at most {@code max}; one EXPORT event (P-AU-1)
     * with the criteria and the number of records. The criteria are checked before the first
     * record, so a refusal comes before anything is written. Returns the number handed over.
     */
    @Transactional(readOnly = true)
    public Exported export(AccessScope scope, MemberQuery query, int max, String format, Consumer<MemberRecord> sink) {
        checkCriteria(query);
        List<String> paths = staffPaths(scope);
        String subtree = subtree(query, paths);
        String key = query.name() == null ? null : members.searchKey(query.name());
        Members.Match match = members.match(query, key, paths, scope.accountId(), subtree, today());
        long[] count = {0};
        boolean[] more = {false};
        boolean complete = false;
        try {
            // One more than the cap is read to tell the reader that the list was cut.
            members.forEachMatch(match, max + 1, row -> {
                if (count[0] == max) {
                    more[0] = true;
                    return;
                }
                sink.accept(view(scope, row));
                count[0]++;
            });
            complete = true;
        } finally {
            AuditEvent.Builder event =
                    AuditEvent.of(AuditAction.EXPORT, TARGET, null).actorIdentifier(scope.identifier());
            query.criteria().forEach(event::detail);
            audit.record(event.detail("format", format)
                    .detail("rows", count[0])
                    .detail("truncated", more[0])
                    .detail("complete", complete)
                    .build());
        }
        return new Exported(count[0], more[0]);
    }

    /** What an export handed over: how many records, and whether more matched than the cap. */
    public record Exported(long rows, boolean truncated) {}

    private static void checkCriteria(MemberQuery query) {
        if (query.name() != null && query.name().length() > MemberQuery.MAX_NAME) {
            throw DomainException.invalid("member.search.tooLong", MemberQuery.MAX_NAME);
        }
        for (String exact : java.util.Arrays.asList(
                query.citizenId(), query.partyCard(), query.ethnicity(), query.education(), query.theory())) {
            if (exact != null && exact.length() > MemberQuery.MAX_NAME) {
                throw DomainException.invalid("member.search.tooLong", MemberQuery.MAX_NAME);
            }
        }
        if (query.ageFrom() != null && query.ageTo() != null && query.ageFrom() > query.ageTo()
                || query.ageFrom() != null && query.ageFrom() < 0
                || query.ageTo() != null && query.ageTo() > 150) {
            throw DomainException.invalid("member.search.badAge");
        }
        if (query.admissionYear() != null && (query.admissionYear() < 1930 || query.admissionYear() > 2200)) {
            throw DomainException.invalid("member.search.badYear");
        }
    }

    /** The path of the organisation the search is narrowed to, which must lie in the caller's scope. */
    private @Nullable String subtree(MemberQuery query, List<String> paths) {
        if (query.orgId() == null) {
            return null;
        }
        return orgs.current(query.orgId())
                .map(OrgSummary::path)
                .filter(p -> paths.stream().anyMatch(root -> AccessScope.isWithin(p, root)))
                .orElseThrow(() -> DomainException.notFound("member.org.notFound"));
    }

    /** One record; records a READ event (P-AU-1). */
    @Transactional(readOnly = true)
    public MemberRecord record(AccessScope scope, long id) {
        Members.Row row = visible(scope, id);
        audit.record(AuditEvent.of(AuditAction.READ, TARGET, id)
                .actorIdentifier(scope.identifier())
                .build());
        return view(scope, row);
    }

    /** The caller's own record (a MEMBER account's handbook page), with a READ event; empty when it has none. */
    @Transactional(readOnly = true)
    public Optional<MemberRecord> ownRecord(AccessScope scope) {
        return members.idByAccount(scope.accountId()).map(id -> record(scope, id));
    }

    /**
     * The membership history (cell and status over time), newest first: part of the record page,
     * whose READ {@link #record} records.
     */
    @Transactional(readOnly = true)
    public List<MembershipPeriod> history(AccessScope scope, long id) {
        visible(scope, id);
        return members.history(id);
    }

    /** The history read on its own (the API), with its own READ event (P-AU-1). */
    @Transactional(readOnly = true)
    public List<MembershipPeriod> readHistory(AccessScope scope, long id) {
        List<MembershipPeriod> history = history(scope, id);
        audit.record(AuditEvent.of(AuditAction.READ, TARGET, id)
                .actorIdentifier(scope.identifier())
                .detail("part", "history")
                .build());
        return history;
    }

    /**
     * M-6: the party fields of the member that this scope may not enter, each with the level that
     * decides it, and the confirmation as official under the key {@code status} — so that the party
     * data form shows them read-only instead of refusing them on save. Part of the form page, whose
     * READ {@link #record} records.
     */
    @Transactional(readOnly = true)
    public Map<String, String> decidedElsewhere(AccessScope scope, long id) {
        Members.Row row = visible(scope, id);
        Map<String, String> locked = new LinkedHashMap<>();
        for (MemberField field : MemberRecord.fields(FieldGroup.PARTY)) {
            DecidingLevel level = DecidingLevel.of(field);
            if (!decides(scope, row, level)) {
                locked.put(field.key(), level.label());
            }
        }
        if (!decides(scope, row, DecidingLevel.UPPER)) {
            locked.put("status", DecidingLevel.UPPER.label());
        }
        return locked;
    }

    // --- commands

    /**
     * Records an existing member (digitising a paper record, or data from other software: M-5) in
     * status PROBATIONARY or OFFICIAL, directly: staff with WRITE over the cell. Opens the membership
     * history from the admission date (and the official date).
     */
    @Transactional
    public MemberRecord register(AccessScope scope, NewMember command) {
        MemberStatus status = command.status() == null ? MemberStatus.OFFICIAL : command.status();
        if (status == MemberStatus.PENDING_ADMISSION) {
            throw DomainException.invalid("member.status.invalid");
        }
        DataSource source = command.source() == null ? DataSource.DIGITISED_PAPER : command.source();
        Map<MemberField, String> values = present(rules.parse(command.values()));
        rules.check(values, status);
        OrgSummary cell = writableCell(scope, command.cellId());
        checkUnique(values, null);
        Long accountId = checkAccount(command.accountId(), null);
        Map<FieldGroup, DataSource> sources = sources(source, source, source);
        Instant now = clock.instant();
        long id = translatingDuplicates(
                () -> members.insert(values, cell.id(), status, accountId, sources, scope.accountId(), now));
        LocalDate admission = LocalDate.parse(values.get(MemberField.ADMISSION_DATE));
        String official = values.get(MemberField.OFFICIAL_DATE);
        members.insertMemberships(id, cell.id(), admission, official == null ? null : LocalDate.parse(official));
        audit.record(created(scope, id, values, cell.id(), status, accountId, source)
                .basis(source.label())
                .build());
        // Built from what was written (no re-read: the demo loader registers hundreds in a row).
        return view(
                scope,
                new Members.Row(
                        id,
                        values,
                        cell.id(),
                        cell.name(),
                        cell.path(),
                        status,
                        accountId,
                        null,
                        sources,
                        now,
                        now,
                        0));
    }

    /**
     * M-2: the admission form of a new probationary member, entered by the cell (staff with WRITE
     * over it) or declared by the member's own MEMBER account for its home cell. The record is kept
     * as PENDING_ADMISSION and goes into MEMBER_ADMISSION; when the chain completes it becomes
     * PROBATIONARY and its membership starts on the admission date.
     */
    @Transactional
    public MemberRecord admit(AccessScope scope, NewMember command) {
        Map<MemberField, String> values = present(rules.parse(command.values()));
        rules.check(values, MemberStatus.PENDING_ADMISSION);
        boolean self = isMemberAccount(scope);
        OrgSummary cell;
        Long accountId;
        if (self) {
            // The member declares for themself, in their own cell, once.
            AccountView account = accounts.byId(scope.accountId()).orElseThrow();
            if (account.homeOrgId() == null || account.homeOrgId() != command.cellId()) {
                throw DomainException.notFound("member.cell.notFound");
            }
            cell = cellOf(command.cellId());
            accountId = checkAccount(scope.accountId(), null);
        } else {
            cell = writableCell(scope, command.cellId());
            accountId = checkAccount(command.accountId(), null);
        }
        checkUnique(values, null);
        DataSource declared = self
                ? DataSource.SELF_DECLARED
                : command.source() == null ? DataSource.OPERATIONAL_SOFTWARE : command.source();
        Map<FieldGroup, DataSource> sources = sources(declared, declared, DataSource.OPERATIONAL_SOFTWARE);
        long id = translatingDuplicates(() -> members.insert(
                values,
                cell.id(),
                MemberStatus.PENDING_ADMISSION,
                accountId,
                sources,
                scope.accountId(),
                clock.instant()));
        audit.record(created(scope, id, values, cell.id(), MemberStatus.PENDING_ADMISSION, accountId, declared)
                .basis("Phiếu đảng viên kê khai khi kết nạp")
                .build());
        Map<MemberField, String> names = rules.catalogueNames(values);
        List<ProposedChange> changes = new ArrayList<>();
        for (MemberField f : MemberField.values()) {
            if (values.get(f) != null) {
                changes.add(new ProposedChange(f.key(), f.label(), null, display(f, values.get(f), names)));
            }
        }
        RequestDetails request = approvals.submit(
                scope,
                new SubmitRequest(
                        CHAIN_ADMISSION,
                        cell.id(),
                        SUBJECT_ADMISSION,
                        String.valueOf(id),
                        "Kết nạp đảng viên: " + values.get(MemberField.FULL_NAME),
                        changes));
        members.setAdmissionRequest(id, request.summary().id());
        return view(scope, members.byId(id).orElseThrow());
    }

    /**
     * M-6: the organisation enters party data it decided (admission details, official date, card,
     * positions, awards, discipline, badge), moves the member to another cell it writes, or
     * confirms them as official. A change of a self-declared field is refused
     * ({@code member.field.selfDeclared}): that goes through {@link #proposeUpdate}.
     */
    @Transactional
    public MemberRecord updatePartyData(AccessScope scope, long id, PartyDataChange command) {
        Members.Row row = lockVisible(scope, id);
        if (!mayWrite(scope, row)) {
            throw DomainException.forbidden("member.forbidden");
        }
        requireActive(row);
        if (row.version() != command.version()) {
            throw DomainException.conflict("member.version.stale");
        }
        Map<MemberField, @Nullable String> input = rules.parse(command.values());
        Map<MemberField, @Nullable String> changed = new EnumMap<>(MemberField.class);
        input.forEach((field, value) -> {
            if (!Objects.equals(row.values().get(field), value)) {
                if (field.group().selfDeclared()) {
                    throw DomainException.forbidden("member.field.selfDeclared", field.label());
                }
                changed.put(field, value);
            }
        });
        MemberStatus status = command.status() == null ? row.status() : command.status();
        // M-4: ending a membership is a life event with its decision (MemberLifeEvents), not an edit.
        if (!status.active() || row.status() == MemberStatus.OFFICIAL && status == MemberStatus.PROBATIONARY) {
            throw DomainException.invalid("member.status.invalid");
        }
        long cellId = command.cellId() == null ? row.cellId() : command.cellId();
        boolean moves = cellId != row.cellId();
        if (moves) {
            writableCell(scope, cellId);
        }
        boolean confirms = status != row.status();
        if (changed.isEmpty() && !moves && !confirms) {
            throw DomainException.invalid("member.change.empty");
        }
        // M-6: each party field, and the confirmation as official, is entered by the level that decides it.
        for (MemberField field : changed.keySet()) {
            requireLevel(scope, row, DecidingLevel.of(field), field.label());
        }
        if (confirms) {
            requireLevel(scope, row, DecidingLevel.UPPER, "Công nhận đảng viên chính thức");
        }
        Map<MemberField, String> merged = new EnumMap<>(MemberField.class);
        merged.putAll(row.values());
        changed.forEach((f, v) -> {
            if (v == null) {
                merged.remove(f);
            } else {
                merged.put(f, v);
            }
        });
        rules.check(merged, status);
        checkUnique(merged, id);
        String basis = basisText(command.basis());
        if (moves || confirms) {
            LocalDate effective = command.effectiveOn() != null
                    ? command.effectiveOn()
                    : confirms ? LocalDate.parse(merged.get(MemberField.OFFICIAL_DATE)) : today();
            if (effective.isAfter(today())) {
                throw DomainException.invalid("member.date.inFuture", "Ngày hiệu lực");
            }
            LocalDate since = members.openMembershipSince(id).orElse(LocalDate.MIN);
            if (!since.isBefore(effective)) {
                throw DomainException.invalid("member.effectiveDate.beforeCurrent", DAY.format(since));
            }
            members.closeMembership(id, effective);
            members.openMembership(
                    id,
                    cellId,
                    status,
                    effective,
                    basis != null ? basis : confirms ? "Công nhận đảng viên chính thức" : "Chuyển chi bộ");
        }
        DataSource source = command.source() == null ? DataSource.OPERATIONAL_SOFTWARE : command.source();
        Map<FieldGroup, DataSource> sources = new EnumMap<>(row.sources());
        sources.put(FieldGroup.PARTY, source);
        if (!translatingDuplicates(
                () -> members.update(id, row.version(), changed, cellId, status, sources, clock.instant()))) {
            throw DomainException.conflict("member.version.stale");
        }
        AuditEvent.Builder event = AuditEvent.of(AuditAction.UPDATE, TARGET, id)
                .actorIdentifier(scope.identifier())
                .basis(basis)
                .detail("source", source.name());
        changed.forEach((f, v) -> event.change(f.key(), row.values().get(f), v));
        event.change("cellId", row.cellId(), cellId);
        event.change("status", row.status().name(), status.name());
        event.change("sourceParty", row.sources().get(FieldGroup.PARTY).name(), source.name());
        audit.record(event.build());
        return view(scope, members.byId(id).orElseThrow());
    }

    /**
     * M-3: proposes a change of self-declared data (field key → new value), by the member or by
     * staff with WRITE over the cell on the member's behalf. The values are checked now; the change
     * goes into MEMBER_UPDATE (cell confirms, grassroots appraises and signs, upper level approves)
     * and is applied when it completes. Returns the request.
     */
    @Transactional
    public RequestDetails proposeUpdate(AccessScope scope, long id, Map<String, @Nullable String> proposed) {
        Members.Row row = visible(scope, id);
        boolean own = row.accountId() != null && row.accountId() == scope.accountId();
        if (!own && !mayWrite(scope, row)) {
            throw DomainException.forbidden("member.forbidden");
        }
        requireActive(row);
        for (String key : proposed.keySet()) {
            MemberField field =
                    MemberField.byKey(key).orElseThrow(() -> DomainException.invalid("member.field.unknown", key));
            // M-6: party data is decided by party organisations, never declared.
            if (!field.group().selfDeclared()) {
                throw DomainException.forbidden("member.field.organisationOwned", field.label());
            }
        }
        Map<MemberField, @Nullable String> input = rules.parse(proposed);
        Map<MemberField, String> merged = new EnumMap<>(MemberField.class);
        merged.putAll(row.values());
        Map<MemberField, @Nullable String> changed = new LinkedHashMap<>();
        input.forEach((field, value) -> {
            if (!Objects.equals(row.values().get(field), value)) {
                changed.put(field, value);
                if (value == null) {
                    merged.remove(field);
                } else {
                    merged.put(field, value);
                }
            }
        });
        if (changed.isEmpty()) {
            throw DomainException.invalid("member.change.empty");
        }
        rules.check(merged, row.status());
        checkUnique(merged, id);
        Map<MemberField, String> oldNames = rules.catalogueNames(row.values());
        Map<MemberField, String> newNames = rules.catalogueNames(merged);
        List<ProposedChange> changes = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        changed.forEach((field, value) -> {
            changes.add(new ProposedChange(
                    field.key(),
                    field.label(),
                    display(field, row.values().get(field), oldNames),
                    display(field, value, newNames)));
            labels.add(field.label().toLowerCase(Locale.ROOT));
        });
        String list = labels.size() == 1
                ? labels.get(0)
                : String.join(", ", labels.subList(0, labels.size() - 1)) + " và " + labels.get(labels.size() - 1);
        String title = row.values().get(MemberField.FULL_NAME) + ": cập nhật " + list;
        return approvals.submit(
                scope,
                new SubmitRequest(
                        CHAIN_UPDATE,
                        row.cellId(),
                        SUBJECT_UPDATE,
                        String.valueOf(id),
                        title.length() > 300 ? title.substring(0, 297) + "…" : title,
                        changes));
    }

    /**
     * P-ORG-2: the members of a cell that ended into a single cell (a merge, an absorption) follow
     * it on the day it ended, with the structural change as the basis of their membership history.
     * Called by the listener of {@code OrganisationEnded}; the org module has already refused the
     * endings members cannot follow ({@code MemberDissolutionCheck}).
     */
    @Transactional
    public void followEndedCell(long fromCell, long toCell, LocalDate day, String basis) {
        for (long id : members.idsInCell(fromCell)) {
            Members.Row row = members.lock(id).orElseThrow();
            Optional<LocalDate> since = members.openMembershipSince(id);
            if (since.isPresent() && since.get().isBefore(day)) {
                members.closeMembership(id, day);
                members.openMembership(id, toCell, row.status(), day, basis);
            } else if (since.isPresent()) {
                // Its membership began on the day itself (or is dated later): it moves whole.
                members.moveOpenMembership(id, toCell);
            } // a pending admission has no membership yet: only its cell moves
            if (!members.update(id, row.version(), Map.of(), toCell, row.status(), row.sources(), clock.instant())) {
                throw new IllegalStateException("member " + id + " changed while its cell ended");
            }
            audit.record(AuditEvent.of(AuditAction.UPDATE, TARGET, id)
                    .basis(basis)
                    .change("cellId", fromCell, toCell)
                    .build());
        }
    }

    // --- applying completed approvals (called by the module's own listener)

    /** MEMBER_UPDATE completed: the proposed self-declared values replace the current ones. */
    @Transactional
    void applyUpdate(long requestId, long id, List<ProposedChange> payload) {
        Members.Row row = members.lock(id).orElse(null);
        if (row == null) {
            log.warn("Approval request {} completed for member {}, which does not exist", requestId, id);
            return;
        }
        Map<String, @Nullable String> input = new LinkedHashMap<>();
        payload.forEach(c -> input.put(c.field(), c.newValue()));
        String basis = "Yêu cầu phê duyệt số " + requestId + " (" + CHAIN_UPDATE + ")";
        try {
            Map<MemberField, @Nullable String> parsed = rules.parse(input);
            Map<MemberField, String> merged = new EnumMap<>(MemberField.class);
            merged.putAll(row.values());
            Map<MemberField, @Nullable String> changed = new EnumMap<>(MemberField.class);
            Map<FieldGroup, DataSource> sources = new EnumMap<>(row.sources());
            parsed.forEach((field, value) -> {
                if (!field.group().selfDeclared()) {
                    throw DomainException.forbidden("member.field.organisationOwned", field.label());
                }
                if (!Objects.equals(row.values().get(field), value)) {
                    changed.put(field, value);
                    sources.put(field.group(), DataSource.SELF_DECLARED);
                    if (value == null) {
                        merged.remove(field);
                    } else {
                        merged.put(field, value);
                    }
                }
            });
            if (changed.isEmpty()) {
                return;
            }
            rules.check(merged, row.status());
            checkUnique(merged, id);
            members.update(id, row.version(), changed, row.cellId(), row.status(), sources, clock.instant());
            AuditEvent.Builder event = AuditEvent.of(AuditAction.UPDATE, TARGET, id)
                    .actorIdentifier("system")
                    .basis(basis)
                    .detail("approvalRequest", requestId)
                    .detail("source", DataSource.SELF_DECLARED.name());
            changed.forEach((f, v) -> event.change(f.key(), row.values().get(f), v));
            audit.record(event.build());
        } catch (DomainException e) {
            // The record changed while the request went through the chain (e.g. the CCCD is now taken).
            log.warn("Approved request {} could not be applied to member {}: {}", requestId, id, e.code());
            audit.record(AuditEvent.of(AuditAction.REJECT, TARGET, id)
                    .actorIdentifier("system")
                    .basis(basis)
                    .detail("approvalRequest", requestId)
                    .detail("notApplied", e.code())
                    .build());
        }
    }

    /** MEMBER_ADMISSION completed: the record enters the database as PROBATIONARY from the admission date. */
    @Transactional
    void applyAdmission(long requestId, long id) {
        Members.Row row = members.lock(id).orElse(null);
        if (row == null || row.status() != MemberStatus.PENDING_ADMISSION) {
            log.warn("Admission request {} completed for member {}, which is not pending", requestId, id);
            return;
        }
        String basis = "Yêu cầu phê duyệt số " + requestId + " (" + CHAIN_ADMISSION + ")";
        LocalDate admission = LocalDate.parse(row.values().get(MemberField.ADMISSION_DATE));
        members.update(
                id, row.version(), Map.of(), row.cellId(), MemberStatus.PROBATIONARY, row.sources(), clock.instant());
        members.openMembership(id, row.cellId(), MemberStatus.PROBATIONARY, admission, basis);
        audit.record(AuditEvent.of(AuditAction.UPDATE, TARGET, id)
                .actorIdentifier("system")
                .basis(basis)
                .detail("approvalRequest", requestId)
                .change("status", row.status().name(), MemberStatus.PROBATIONARY.name())
                .build());
    }

    /**
     * MEMBER_ADMISSION was rejected or withdrawn: the record leaves the pending state as NOT_ADMITTED
     * (it never entered the database: no membership, out of member searches), audited with the request
     * as its basis. Anything else (already decided, another request) is left alone, so a redelivered
     * event changes nothing.
     */
    @Transactional
    void markNotAdmitted(long requestId, String outcome) {
        Optional<Long> id = members.idByAdmissionRequest(requestId);
        if (id.isEmpty()) {
            return;
        }
        Members.Row row = members.lock(id.get()).orElseThrow();
        if (row.status() != MemberStatus.PENDING_ADMISSION) {
            return;
        }
        members.update(
                row.id(),
                row.version(),
                Map.of(),
                row.cellId(),
                MemberStatus.NOT_ADMITTED,
                row.sources(),
                clock.instant());
        audit.record(AuditEvent.of(AuditAction.UPDATE, TARGET, row.id())
                .actorIdentifier("system")
                .basis("Yêu cầu phê duyệt số " + requestId + " (" + CHAIN_ADMISSION + ") " + outcome)
                .detail("approvalRequest", requestId)
                .change("status", row.status().name(), MemberStatus.NOT_ADMITTED.name())
                .build());
    }

    // --- correction requests (P-WF-3, through MemberCorrections)

    /** The checks of a correction's new values against the whole record (as a direct change would get them). */
    @Transactional(readOnly = true)
    void checkCorrection(long id, List<ProposedChange> changes) {
        Members.Row row = members.byId(id).orElseThrow(MemberRegistry::notFound);
        corrected(row, changes);
    }

    /**
     * Applies an approved correction inside the approving transaction: every old value must still be
     * the record's current one ({@code approval.correction.stale} otherwise), the result obeys the
     * record's rules, and one audit event carries field old → new with the request as its basis.
     */
    @Transactional
    void applyCorrection(long id, List<ProposedChange> changes, String basis, long requestId, String approvedBy) {
        Members.Row row = members.lock(id).orElseThrow(vn.partywork.approval.CorrectionRequests::stale);
        for (ProposedChange change : changes) {
            MemberField field = MemberField.byKey(change.field()).orElseThrow();
            String current = row.values().get(field);
            if (!Objects.equals(current == null ? "" : current, change.oldValue() == null ? "" : change.oldValue())) {
                throw vn.partywork.approval.CorrectionRequests.stale();
            }
        }
        Map<MemberField, @Nullable String> changed = corrected(row, changes);
        if (!translatingDuplicates(() -> members.update(
                id, row.version(), changed, row.cellId(), row.status(), row.sources(), clock.instant()))) {
            throw vn.partywork.approval.CorrectionRequests.stale();
        }
        AuditEvent.Builder event = AuditEvent.of(AuditAction.UPDATE, TARGET, id)
                .actorIdentifier(approvedBy)
                .basis(basis)
                .detail("correctionRequest", requestId);
        changed.forEach((f, v) -> event.change(f.key(), row.values().get(f), v));
        audit.record(event.build());
    }

    /** The changed fields after parsing, with the whole record checked as it would become. */
    private Map<MemberField, @Nullable String> corrected(Members.Row row, List<ProposedChange> changes) {
        requireActive(row);
        Map<String, @Nullable String> input = new LinkedHashMap<>();
        changes.forEach(
                c -> input.put(c.field(), c.newValue() == null || c.newValue().isBlank() ? null : c.newValue()));
        Map<MemberField, @Nullable String> parsed = rules.parse(input);
        Map<MemberField, String> merged = new EnumMap<>(MemberField.class);
        merged.putAll(row.values());
        Map<MemberField, @Nullable String> changed = new EnumMap<>(MemberField.class);
        parsed.forEach((field, value) -> {
            if (!Objects.equals(row.values().get(field), value)) {
                changed.put(field, value);
                if (value == null) {
                    merged.remove(field);
                } else {
                    merged.put(field, value);
                }
            }
        });
        if (changed.isEmpty()) {
            throw DomainException.invalid("member.change.empty");
        }
        rules.check(merged, row.status());
        checkUnique(merged, row.id());
        return changed;
    }

    // --- scope

    /**
     * True for a member's self-service account (MEMBER): it reads only its own record and declares
     * its own admission form, for its home cell.
     */
    public boolean selfService(AccessScope scope) {
        return isMemberAccount(scope);
    }

    /** Whether the account is a member's self-service account (H-4: reads its cell, not its members). */
    boolean isMemberAccount(AccessScope scope) {
        // Carried by the scope (built from the account once per request): no look-up per call.
        return scope.selfService();
    }

    /** Subtrees whose members' personal records the caller may read; none for a MEMBER account. */
    private List<String> staffPaths(AccessScope scope) {
        return isMemberAccount(scope) ? List.of() : scope.readablePaths(DB);
    }

    private boolean decides(AccessScope scope, Members.Row row, DecidingLevel level) {
        return row.cellPath() != null && scope.canWrite(DB, levels.path(row.cellPath(), level));
    }

    private void requireLevel(AccessScope scope, Members.Row row, DecidingLevel level, String what) {
        if (!decides(scope, row, level)) {
            throw DomainException.forbidden("member.field.notAuthorised", what, level.label());
        }
    }

    /** A pending admission, a refused one or an ended membership takes no changes. */
    static void requireActive(Members.Row row) {
        if (row.status() == MemberStatus.PENDING_ADMISSION) {
            throw DomainException.conflict("member.pendingAdmission");
        }
        if (!row.status().active()) {
            throw DomainException.conflict("member.notActive", row.status().label());
        }
    }

    Members.Row visible(AccessScope scope, long id) {
        return members.byId(id).filter(row -> visible(scope, row)).orElseThrow(MemberRegistry::notFound);
    }

    Members.Row lockVisible(AccessScope scope, long id) {
        return members.lock(id).filter(row -> visible(scope, row)).orElseThrow(MemberRegistry::notFound);
    }

    boolean visible(AccessScope scope, Members.Row row) {
        if (row.accountId() != null && row.accountId() == scope.accountId()) {
            return true;
        }
        List<String> paths = staffPaths(scope);
        if (row.cellPath() != null && paths.stream().anyMatch(root -> AccessScope.isWithin(row.cellPath(), root))) {
            return true;
        }
        // M-4: while a transfer is in transit the receiving side sees the member too.
        return !paths.isEmpty()
                && transfers
                        .openDestinationPath(row.id())
                        .filter(to -> paths.stream().anyMatch(root -> AccessScope.isWithin(to, root)))
                        .isPresent();
    }

    boolean mayWrite(AccessScope scope, Members.Row row) {
        return row.cellPath() != null && !isMemberAccount(scope) && scope.canWrite(DB, row.cellPath());
    }

    private OrgSummary cellOf(long cellId) {
        OrgSummary cell = orgs.current(cellId).orElseThrow(() -> DomainException.notFound("member.cell.notFound"));
        if (!cell.kind().isCell()) {
            throw DomainException.invalid("member.cell.notCell", cell.name());
        }
        return cell;
    }

    private OrgSummary writableCell(AccessScope scope, long cellId) {
        OrgSummary org = orgs.current(cellId)
                .filter(o -> !isMemberAccount(scope) && scope.canRead(DB, o.path()))
                .orElseThrow(() -> DomainException.notFound("member.cell.notFound"));
        if (!scope.canWrite(DB, org.path())) {
            throw DomainException.forbidden("member.forbidden");
        }
        if (!org.kind().isCell()) {
            throw DomainException.invalid("member.cell.notCell", org.name());
        }
        return org;
    }

    private MemberRecord view(AccessScope scope, Members.Row row) {
        boolean own = row.accountId() != null && row.accountId() == scope.accountId();
        boolean write = mayWrite(scope, row);
        boolean active = row.status().active();
        return new MemberRecord(
                row.id(),
                row.values(),
                rules.catalogueNames(row.values()),
                row.cellId(),
                row.cellName() == null ? "(tổ chức đã giải thể)" : row.cellName(),
                row.cellPath() == null ? "" : row.cellPath(),
                row.status(),
                row.accountId(),
                row.admissionRequestId(),
                row.sources(),
                row.createdAt(),
                row.updatedAt(),
                row.version(),
                write && active,
                (own || write) && active);
    }

    // --- rules needing the table

    private void checkUnique(Map<MemberField, String> values, @Nullable Long self) {
        Members.Taken taken =
                members.taken(values.get(MemberField.CITIZEN_ID), values.get(MemberField.PARTY_CARD_NUMBER), self);
        if (taken.citizenId()) {
            throw DomainException.conflict("member.citizenId.duplicate");
        }
        if (taken.partyCard()) {
            throw DomainException.conflict("member.partyCard.duplicate");
        }
    }

    private @Nullable Long checkAccount(@Nullable Long accountId, @Nullable Long self) {
        if (accountId == null) {
            return null;
        }
        accounts.byId(accountId)
                .filter(a -> a.type() == AccountType.MEMBER)
                .orElseThrow(() -> DomainException.invalid("member.account.invalid"));
        Optional<Long> holder = members.idByAccount(accountId);
        if (holder.isPresent() && !holder.get().equals(self)) {
            throw DomainException.conflict("member.account.duplicate");
        }
        return accountId;
    }

    /** Races past the checks end at the unique indexes; they get the same codes. */
    private static <T> T translatingDuplicates(Supplier<T> work) {
        try {
            return work.get();
        } catch (DuplicateKeyException e) {
            String text = String.valueOf(e.getMessage());
            if (text.contains("member_party_card")) {
                throw DomainException.conflict("member.partyCard.duplicate");
            }
            if (text.contains("member_account")) {
                throw DomainException.conflict("member.account.duplicate");
            }
            throw DomainException.conflict("member.citizenId.duplicate");
        }
    }

    // --- helpers

    private AuditEvent.Builder created(
            AccessScope scope,
            long id,
            Map<MemberField, String> values,
            long cellId,
            MemberStatus status,
            @Nullable Long accountId,
            DataSource source) {
        AuditEvent.Builder event = AuditEvent.of(AuditAction.CREATE, TARGET, id)
                .actorIdentifier(scope.identifier())
                .detail("source", source.name());
        values.forEach((f, v) -> event.change(f.key(), null, v));
        event.change("cellId", null, cellId);
        event.change("status", null, status.name());
        event.change("accountId", null, accountId);
        return event;
    }

    private static Map<MemberField, String> present(Map<MemberField, @Nullable String> parsed) {
        Map<MemberField, String> values = new EnumMap<>(MemberField.class);
        parsed.forEach((f, v) -> {
            if (v != null) {
                values.put(f, v);
            }
        });
        return values;
    }

    private static Map<FieldGroup, DataSource> sources(DataSource identity, DataSource background, DataSource party) {
        Map<FieldGroup, DataSource> sources = new EnumMap<>(FieldGroup.class);
        sources.put(FieldGroup.IDENTITY, identity);
        sources.put(FieldGroup.BACKGROUND, background);
        sources.put(FieldGroup.PARTY, party);
        return sources;
    }

    private static @Nullable String display(MemberField field, @Nullable String value, Map<MemberField, String> names) {
        if (value == null) {
            return null;
        }
        String name = names.get(field);
        return name != null ? name : field.display(value);
    }

    private static @Nullable String basisText(@Nullable String basis) {
        if (basis == null || basis.isBlank()) {
            return null;
        }
        if (basis.strip().length() > 500) {
            throw DomainException.invalid("member.field.tooLong", "Căn cứ", 500);
        }
        return basis.strip();
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    private static DomainException notFound() {
        return DomainException.notFound("member.notFound");
    }
}
