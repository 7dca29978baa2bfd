package vn.partywork.member;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.partywork.audit.AuditAction;
import vn.partywork.audit.AuditEvent;
import vn.partywork.audit.AuditLog;
import vn.partywork.member.internal.DecidingLevels;
import vn.partywork.member.internal.LifeEvents;
import vn.partywork.member.internal.Members;
import vn.partywork.member.internal.Transfers;
import vn.partywork.org.OrgDirectory;
import vn.partywork.org.OrgSummary;
import vn.partywork.shared.AccessScope;
import vn.partywork.shared.Database;
import vn.partywork.shared.Decision;
import vn.partywork.shared.DomainException;

/**
 * Life events of a member (M-4), each with its decision and effective date, each one transaction,
 * audited on the member with old → new and the decision as basis:
 *
 * <ul>
 * <li><b>Transfer of party activity</b>, official or temporary, within a province or between
 * provinces. The sending organisation issues it (grassroots level within a province, the province
 * when it leaves the province); the receiving one accepts (staff of the destination cell within a
 * province, of the receiving province between provinces). In transit the member stays in the
 * sending cell and both sides see them; an official transfer moves the membership on acceptance
 * (never in two cells, never in none); a temporary one keeps the home cell as the official cell and
 * gives the temporary cell sight of the member until the return is recorded.</li>
 * <li><b>Exemption</b> from activity for a period; <b>removal</b>, <b>expulsion</b>, <b>leaving</b>
 * and <b>death</b>, which close the membership on the effective date (members of a subtree as of a
 * date count the member before it and not from it on); <b>party badge</b> awards.</li>
 * </ul>
 *
 * Who decides is {@link LifeEventKind#level()}, checked as WRITE on the member database over the
 * deciding organisation ({@link DecidingLevel}).
 */
@Service
public class MemberLifeEvents {

    /**
     * Huy hiệu Đảng milestones in years of party age (Quy định of the Secretariat on the Party badge:
     * 30, 40, 45, 50, 55, 60 years and every 5 years after). The seeds give no rule; ours: party age
     * counts from the admission date, a milestone is awarded once, on or after the day it is reached,
     * and only above the highest one already awarded.
     */
    public static final List<Integer> BADGE_MILESTONES = List.of(30, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90);

    public static final int MAX_NOTE = 1000;
    static final String TRANSFER_TARGET = "member_transfer";
    private static final Database DB = Database.ORGANISATION_MEMBER;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.ROOT);

    private final MemberRegistry registry;
    private final Members members;
    private final Transfers transfers;
    private final LifeEvents events;
    private final DecidingLevels levels;
    private final MemberDocuments documents;
    private final OrgDirectory orgs;
    private final AuditLog audit;
    private final Clock clock;

    MemberLifeEvents(
            MemberRegistry registry,
            Members members,
            Transfers transfers,
            LifeEvents events,
            DecidingLevels levels,
            MemberDocuments documents,
            OrgDirectory orgs,
            AuditLog audit,
            Clock clock) {
        this.registry = registry;
        this.members = members;
        this.transfers = transfers;
        this.events = events;
        this.levels = levels;
        this.documents = documents;
        this.orgs = orgs;
        this.audit = audit;
        this.clock = clock;
    }

    // --- reads (parts of the record page, whose READ MemberRegistry.record records)

    @Transactional(readOnly = true)
    public List<MemberLifeEvent> events(AccessScope scope, long memberId) {
        registry.visible(scope, memberId);
        return events.ofMember(memberId);
    }

    @Transactional(readOnly = true)
    public List<MemberTransfer> transfers(AccessScope scope, long memberId) {
        registry.visible(scope, memberId);
        return transfers.ofMember(memberId);
    }

    /** The exemption from activity in force today, if any. */
    @Transactional(readOnly = true)
    public Optional<MemberLifeEvent> exemptionToday(AccessScope scope, long memberId) {
        registry.visible(scope, memberId);
        return events.exemptionOn(memberId, today());
    }

    /** Everything the record page shows beside the form; part of the page whose READ the registry records. */
    @Transactional(readOnly = true)
    public MemberDossier dossier(AccessScope scope, long memberId) {
        Members.Row row = registry.visible(scope, memberId);
        return new MemberDossier(
                events.ofMember(memberId),
                transfers.ofMember(memberId),
                transfers.open(memberId).orElse(null),
                events.exemptionOn(memberId, today()).orElse(null),
                documents.list(scope, memberId),
                decidable(scope, memberId),
                mayIssueTransfer(scope, memberId),
                registry.mayWrite(scope, row));
    }

    /** The life events the caller may record for this member now (none for an ended membership). */
    @Transactional(readOnly = true)
    public Set<LifeEventKind> decidable(AccessScope scope, long memberId) {
        Members.Row row = registry.visible(scope, memberId);
        Set<LifeEventKind> kinds = EnumSet.noneOf(LifeEventKind.class);
        if (!row.status().active() || row.cellPath() == null || registry.isMemberAccount(scope)) {
            return kinds;
        }
        for (LifeEventKind kind : LifeEventKind.values()) {
            if (decides(scope, row.cellPath(), kind.level())) {
                kinds.add(kind);
            }
        }
        return kinds;
    }

    /** Whether the caller may issue a transfer of this member (at least within the province). */
    @Transactional(readOnly = true)
    public boolean mayIssueTransfer(AccessScope scope, long memberId) {
        Members.Row row = registry.visible(scope, memberId);
        return row.status().active()
                && row.cellPath() != null
                && !registry.isMemberAccount(scope)
                && decides(scope, row.cellPath(), DecidingLevel.GRASSROOTS)
                && transfers.open(memberId).isEmpty();
    }

    /** Open transfers into and out of the cells the caller reads (the page {@code /members/transfers}). */
    @Transactional(readOnly = true)
    public TransferLists pending(AccessScope scope) {
        List<String> paths = registry.isMemberAccount(scope) ? List.of() : scope.readablePaths(DB);
        return new TransferLists(transfers.openWithin(paths, true, 500), transfers.openWithin(paths, false, 500));
    }

    /** A transfer either side of which the caller reads. */
    @Transactional(readOnly = true)
    public MemberTransfer transfer(AccessScope scope, long transferId) {
        MemberTransfer transfer = transfers.byId(transferId).orElseThrow(MemberLifeEvents::transferNotFound);
        registry.visible(scope, transfer.memberId());
        return transfer;
    }

    /** Whether the caller may accept this open transfer (the receiving side at its level). */
    public boolean mayAccept(AccessScope scope, MemberTransfer transfer) {
        return "ISSUED".equals(transfer.status())
                && !registry.isMemberAccount(scope)
                && orgs.current(transfer.toCellId())
                        .filter(to -> scope.canWrite(DB, acceptingPath(transfer, to)))
                        .isPresent();
    }

    /** Whether the caller may record the return from this temporary transfer (either cell's staff). */
    public boolean mayReturn(AccessScope scope, MemberTransfer transfer) {
        if (!transfer.temporary() || !"ACCEPTED".equals(transfer.status()) || registry.isMemberAccount(scope)) {
            return false;
        }
        return orgs.current(List.of(transfer.fromCellId(), transfer.toCellId())).stream()
                .anyMatch(o -> scope.canWrite(DB, o.path()));
    }

    // --- life events other than transfers

    /**
     * Records a life event. Refused: a member whose membership ended or who is not admitted
     * ({@code member.notActive}, {@code member.pendingAdmission}); a caller who does not decide at the
     * event's level ({@code member.event.notAuthorised}); dates in the future, before admission or
     * before the current membership row ({@code member.date.inFuture}, {@code member.event.beforeAdmission},
     * {@code member.effectiveDate.beforeCurrent}); an exemption that ends before it starts or overlaps
     * another ({@code member.event.endBeforeStart}, {@code member.exemption.overlap}); a badge that is
     * no milestone, not yet reached or not above the last one ({@code member.badge.*}).
     */
    @Transactional
    public MemberLifeEvent record(AccessScope scope, long memberId, RecordLifeEvent command) {
        Members.Row row = registry.lockVisible(scope, memberId);
        MemberRegistry.requireActive(row);
        LifeEventKind kind = command.kind();
        requireLevel(scope, row, kind.level());
        LocalDate effective = command.effectiveOn();
        Decision decision = command.decision();
        LocalDate admission = LocalDate.parse(row.values().get(MemberField.ADMISSION_DATE));
        checkDates(decision, effective, admission);
        String note = note(command.note());
        MemberStatus newStatus = kind.endsMembership() ? kind.endsAs() : row.status();
        String basis = basis(decision);
        AuditEvent.Builder event = AuditEvent.of(AuditAction.UPDATE, MemberRegistry.TARGET, memberId)
                .actorIdentifier(scope.identifier())
                .basis(basis)
                .detail("lifeEvent", kind.name())
                .detail("effectiveOn", effective.toString());
        Integer badge = null;
        LocalDate endsOn = null;
        switch (kind) {
            case EXEMPTION -> {
                endsOn = command.endsOn();
                if (endsOn != null && !endsOn.isAfter(effective)) {
                    throw DomainException.invalid("member.event.endBeforeStart");
                }
                if (events.exemptionOverlaps(memberId, effective, endsOn)) {
                    throw DomainException.conflict("member.exemption.overlap");
                }
                event.change(
                        "exemption", null, DAY.format(effective) + " – " + (endsOn == null ? "" : DAY.format(endsOn)));
            }
            case BADGE -> {
                badge = command.badgeYears();
                if (badge == null || !BADGE_MILESTONES.contains(badge)) {
                    throw DomainException.invalid("member.badge.milestone");
                }
                LocalDate reached = admission.plusYears(badge);
                if (effective.isBefore(reached)) {
                    throw DomainException.invalid("member.badge.notReached", badge, DAY.format(reached));
                }
                Optional<Integer> highest = events.highestBadge(memberId);
                if (highest.isPresent() && highest.get() >= badge) {
                    throw DomainException.conflict("member.badge.alreadyAwarded", highest.get());
                }
                String text = "Huy hiệu " + badge + " năm tuổi Đảng (" + DAY.format(effective) + ")";
                members.setPartyBadge(memberId, text);
                event.change(MemberField.PARTY_BADGE.key(), row.values().get(MemberField.PARTY_BADGE), text);
            }
            default -> {
                // Removal, expulsion, leaving, death: the membership ends on the effective day.
                LocalDate since = members.openMembershipSince(memberId).orElse(admission);
                if (!since.isBefore(effective)) {
                    throw DomainException.invalid("member.effectiveDate.beforeCurrent", DAY.format(since));
                }
                members.closeMembership(memberId, effective);
                transfers.closeOpen(memberId, effective, scope.accountId());
                events.endExemptions(memberId, effective);
                if (!members.end(memberId, row.version(), newStatus, effective, clock.instant())) {
                    throw DomainException.conflict("member.version.stale");
                }
                event.change("status", row.status().name(), newStatus.name());
                event.change("endedOn", null, effective.toString());
            }
        }
        Long documentId = attach(scope, memberId, command.decisionFile());
        long id;
        try {
            id = events.insert(
                    memberId,
                    kind,
                    effective,
                    endsOn,
                    badge,
                    decision,
                    note,
                    row.status(),
                    newStatus,
                    documentId,
                    clock.instant(),
                    scope.accountId());
        } catch (DuplicateKeyException e) {
            throw DomainException.conflict("member.badge.alreadyAwarded", badge);
        } catch (DataIntegrityViolationException e) {
            // The exclusion constraint caught an overlapping exemption recorded at the same moment.
            throw DomainException.conflict("member.exemption.overlap");
        }
        event.detail("lifeEventId", id);
        if (documentId != null) {
            event.detail("document", documentId);
        }
        if (note != null) {
            event.detail("note", note);
        }
        audit.record(event.build());
        return events.byId(id).orElseThrow();
    }

    // --- transfers of party activity

    /**
     * The sending organisation issues a transfer (see the class comment). Refused: a destination that
     * is no current cell or was dissolved ({@code member.transfer.destinationNotFound},
     * {@code member.transfer.notCell}), the member's own cell ({@code member.transfer.sameCell}), a
     * second open transfer ({@code member.transfer.open}), a temporary one without a later end date
     * ({@code member.transfer.untilRequired}), a caller below the issuing level
     * ({@code member.event.notAuthorised}), impossible dates.
     */
    @Transactional
    public MemberTransfer issueTransfer(AccessScope scope, long memberId, IssueTransfer command) {
        Members.Row row = registry.lockVisible(scope, memberId);
        if (!registry.mayWrite(scope, row)) {
            throw DomainException.forbidden("member.forbidden");
        }
        MemberRegistry.requireActive(row);
        LocalDate day = command.issuedOn() == null ? today() : command.issuedOn();
        LocalDate admission = LocalDate.parse(row.values().get(MemberField.ADMISSION_DATE));
        checkDates(command.decision(), day, admission);
        OrgSummary to = orgs.current(command.toCellId())
                .orElseThrow(() -> DomainException.notFound("member.transfer.destinationNotFound"));
        if (!to.kind().isCell()) {
            throw DomainException.invalid("member.transfer.notCell", to.name());
        }
        if (to.id() == row.cellId()) {
            throw DomainException.invalid("member.transfer.sameCell");
        }
        boolean between = !DecidingLevels.province(to.path()).equals(DecidingLevels.province(row.cellPath()));
        // Within a province the grassroots committee issues the letter; out of it, the province.
        requireLevel(scope, row, between ? DecidingLevel.PROVINCE : DecidingLevel.GRASSROOTS);
        LocalDate until = null;
        if (command.temporary()) {
            until = command.until();
            if (until == null || !until.isAfter(day)) {
                throw DomainException.invalid("member.transfer.untilRequired", DAY.format(day));
            }
        }
        if (transfers.open(memberId).isPresent()) {
            throw DomainException.conflict("member.transfer.open");
        }
        String kind = command.temporary() ? "TEMPORARY" : "OFFICIAL";
        long transferId;
        try {
            transferId = transfers.issue(
                    memberId, kind, row.cellId(), to.id(), command.decision(), day, until, scope.accountId());
        } catch (DuplicateKeyException e) {
            throw DomainException.conflict("member.transfer.open");
        }
        Long documentId = attach(scope, memberId, command.decisionFile());
        String basis = basis(command.decision());
        audit.record(AuditEvent.of(AuditAction.CREATE, TRANSFER_TARGET, transferId)
                .actorIdentifier(scope.identifier())
                .basis(basis)
                .detail("memberId", memberId)
                .detail("kind", kind)
                .detail("betweenProvinces", between)
                .detail("document", documentId)
                .change("fromCellId", null, row.cellId())
                .change("toCellId", null, to.id())
                .change("until", null, until == null ? null : until.toString())
                .change("status", null, "ISSUED")
                .build());
        audit.record(AuditEvent.of(AuditAction.UPDATE, MemberRegistry.TARGET, memberId)
                .actorIdentifier(scope.identifier())
                .basis(basis)
                .detail("lifeEvent", kind + "_TRANSFER_ISSUED")
                .detail("transfer", transferId)
                .change("transferTo", null, to.name())
                .build());
        return transfers.byId(transferId).orElseThrow();
    }

    /**
     * The receiving organisation accepts on {@code acceptedOn} (default today): an official transfer
     * moves the membership to the new cell from that day; a temporary one starts the temporary
     * activity (the home cell stays the official one). Accepting twice or at a stale version answers
     * {@code member.transfer.alreadyAccepted}; a cancelled transfer {@code member.transfer.cancelled}.
     */
    @Transactional
    public MemberTransfer acceptTransfer(
            AccessScope scope, long transferId, @Nullable LocalDate acceptedOn, int version) {
        MemberTransfer transfer = transfers.byId(transferId).orElseThrow(MemberLifeEvents::transferNotFound);
        OrgSummary to = orgs.current(transfer.toCellId())
                .filter(o -> !registry.isMemberAccount(scope) && scope.canRead(DB, o.path()))
                .orElseThrow(MemberLifeEvents::transferNotFound);
        String accepting = acceptingPath(transfer, to);
        if (!scope.canWrite(DB, accepting)) {
            throw DomainException.forbidden(
                    "member.event.notAuthorised",
                    transfer.betweenProvinces() ? DecidingLevel.PROVINCE.label() : DecidingLevel.CELL.label());
        }
        Members.Row row = members.lock(transfer.memberId()).orElseThrow();
        if ("CANCELLED".equals(transfer.status())) {
            throw DomainException.conflict("member.transfer.cancelled");
        }
        LocalDate day = acceptedOn == null ? today() : acceptedOn;
        if (day.isAfter(today())) {
            throw DomainException.invalid("member.date.inFuture", "Ngày tiếp nhận");
        }
        if (day.isBefore(transfer.issuedOn())) {
            throw DomainException.invalid("member.transfer.acceptedBeforeIssued", DAY.format(transfer.issuedOn()));
        }
        if (!"ISSUED".equals(transfer.status()) || !transfers.accept(transferId, version, day, scope.accountId())) {
            throw DomainException.conflict("member.transfer.alreadyAccepted");
        }
        String basis =
                basis(new Decision(transfer.decisionNumber(), transfer.decisionDate(), transfer.decisionIssuer()));
        audit.record(AuditEvent.of(AuditAction.UPDATE, TRANSFER_TARGET, transferId)
                .actorIdentifier(scope.identifier())
                .basis(basis)
                .change("status", "ISSUED", "ACCEPTED")
                .detail("acceptedOn", day.toString())
                .build());
        if (transfer.temporary()) {
            audit.record(AuditEvent.of(AuditAction.UPDATE, MemberRegistry.TARGET, row.id())
                    .actorIdentifier(scope.identifier())
                    .basis(basis)
                    .detail("transfer", transferId)
                    .detail("lifeEvent", "TEMPORARY_TRANSFER_ACCEPTED")
                    .change("temporaryCellId", null, to.id())
                    .build());
            return transfers.byId(transferId).orElseThrow();
        }
        LocalDate since = members.openMembershipSince(row.id()).orElse(LocalDate.MIN);
        if (!since.isBefore(day)) {
            throw DomainException.invalid("member.effectiveDate.beforeCurrent", DAY.format(since));
        }
        members.closeMembership(row.id(), day);
        members.openMembership(row.id(), to.id(), row.status(), day, "Chuyển sinh hoạt đảng chính thức: " + basis);
        if (!members.update(row.id(), row.version(), Map.of(), to.id(), row.status(), row.sources(), clock.instant())) {
            throw DomainException.conflict("member.version.stale");
        }
        audit.record(AuditEvent.of(AuditAction.UPDATE, MemberRegistry.TARGET, row.id())
                .actorIdentifier(scope.identifier())
                .basis(basis)
                .detail("transfer", transferId)
                .change("cellId", row.cellId(), to.id())
                .build());
        return transfers.byId(transferId).orElseThrow();
    }

    /**
     * Return from a temporary transfer (staff of the home cell or of the temporary cell): the
     * temporary activity ends on {@code returnedOn} (default today). Refused for anything but an
     * accepted temporary transfer ({@code member.transfer.notTemporaryActive}).
     */
    @Transactional
    public MemberTransfer returnFromTransfer(
            AccessScope scope, long transferId, @Nullable LocalDate returnedOn, int version) {
        MemberTransfer transfer = transfers.byId(transferId).orElseThrow(MemberLifeEvents::transferNotFound);
        registry.visible(scope, transfer.memberId());
        if (!transfer.temporary() || !"ACCEPTED".equals(transfer.status())) {
            throw DomainException.conflict("member.transfer.notTemporaryActive");
        }
        if (!mayReturn(scope, transfer)) {
            throw DomainException.forbidden("member.forbidden");
        }
        LocalDate day = returnedOn == null ? today() : returnedOn;
        if (day.isAfter(today())) {
            throw DomainException.invalid("member.date.inFuture", "Ngày trở về");
        }
        if (transfer.acceptedOn() != null && day.isBefore(transfer.acceptedOn())) {
            throw DomainException.invalid("member.transfer.returnBeforeAccepted", DAY.format(transfer.acceptedOn()));
        }
        members.lock(transfer.memberId()).orElseThrow();
        if (!transfers.returned(transferId, version, day, scope.accountId())) {
            throw DomainException.conflict("member.transfer.notTemporaryActive");
        }
        String basis =
                basis(new Decision(transfer.decisionNumber(), transfer.decisionDate(), transfer.decisionIssuer()));
        audit.record(AuditEvent.of(AuditAction.UPDATE, TRANSFER_TARGET, transferId)
                .actorIdentifier(scope.identifier())
                .basis(basis)
                .change("status", "ACCEPTED", "RETURNED")
                .detail("returnedOn", day.toString())
                .build());
        audit.record(AuditEvent.of(AuditAction.UPDATE, MemberRegistry.TARGET, transfer.memberId())
                .actorIdentifier(scope.identifier())
                .basis("Trở về sau chuyển sinh hoạt đảng tạm thời: " + basis)
                .detail("transfer", transferId)
                .change("temporaryCellId", transfer.toCellId(), null)
                .build());
        return transfers.byId(transferId).orElseThrow();
    }

    /** Whether the caller may take back this transfer in transit (the issuing level of the sending side). */
    @Transactional(readOnly = true)
    public boolean mayCancel(AccessScope scope, MemberTransfer transfer) {
        if (!"ISSUED".equals(transfer.status()) || registry.isMemberAccount(scope)) {
            return false;
        }
        return orgs.current(transfer.fromCellId())
                .filter(from -> decides(
                        scope,
                        from.path(),
                        transfer.betweenProvinces() ? DecidingLevel.PROVINCE : DecidingLevel.GRASSROOTS))
                .isPresent();
    }

    /**
     * The sending side takes back a transfer still in transit (a mistaken destination, a changed
     * decision): the member simply stays in the sending cell. Refused once it was accepted or cancelled
     * ({@code member.transfer.notInTransit}) and below the issuing level ({@code member.event.notAuthorised}).
     */
    @Transactional
    public MemberTransfer cancelTransfer(AccessScope scope, long transferId, int version) {
        MemberTransfer transfer = transfers.byId(transferId).orElseThrow(MemberLifeEvents::transferNotFound);
        Members.Row row = registry.lockVisible(scope, transfer.memberId());
        if (!"ISSUED".equals(transfer.status())) {
            throw DomainException.conflict("member.transfer.notInTransit");
        }
        requireLevel(scope, row, transfer.betweenProvinces() ? DecidingLevel.PROVINCE : DecidingLevel.GRASSROOTS);
        if (!transfers.cancel(transferId, version, today())) {
            throw DomainException.conflict("member.transfer.notInTransit");
        }
        String basis =
                basis(new Decision(transfer.decisionNumber(), transfer.decisionDate(), transfer.decisionIssuer()));
        audit.record(AuditEvent.of(AuditAction.UPDATE, TRANSFER_TARGET, transferId)
                .actorIdentifier(scope.identifier())
                .basis("Hủy giấy chuyển sinh hoạt đảng: " + basis)
                .change("status", "ISSUED", "CANCELLED")
                .build());
        audit.record(AuditEvent.of(AuditAction.UPDATE, MemberRegistry.TARGET, row.id())
                .actorIdentifier(scope.identifier())
                .basis("Hủy giấy chuyển sinh hoạt đảng: " + basis)
                .detail("transfer", transferId)
                .change("transferTo", transfer.toCellName(), null)
                .build());
        return transfers.byId(transferId).orElseThrow();
    }

    // --- rules

    private boolean decides(AccessScope scope, String cellPath, DecidingLevel level) {
        return scope.canWrite(DB, levels.path(cellPath, level));
    }

    private void requireLevel(AccessScope scope, Members.Row row, DecidingLevel level) {
        if (row.cellPath() == null || registry.isMemberAccount(scope) || !decides(scope, row.cellPath(), level)) {
            throw DomainException.forbidden("member.event.notAuthorised", level.label());
        }
    }

    /** Between provinces the receiving province accepts; within one, the destination cell's staff. */
    private static String acceptingPath(MemberTransfer transfer, OrgSummary to) {
        return transfer.betweenProvinces() ? DecidingLevels.province(to.path()) : to.path();
    }

    private void checkDates(Decision decision, LocalDate effective, LocalDate admission) {
        if (effective.isAfter(today())) {
            throw DomainException.invalid("member.date.inFuture", "Ngày hiệu lực");
        }
        if (decision.date().isAfter(today())) {
            throw DomainException.invalid("member.date.inFuture", "Ngày quyết định");
        }
        if (!effective.isAfter(admission)) {
            throw DomainException.invalid("member.event.beforeAdmission", "Ngày hiệu lực", DAY.format(admission));
        }
        if (decision.date().isBefore(admission)) {
            throw DomainException.invalid("member.event.beforeAdmission", "Ngày quyết định", DAY.format(admission));
        }
    }

    private @Nullable Long attach(AccessScope scope, long memberId, @Nullable AttachedFile file) {
        if (file == null || file.content().length == 0) {
            return null;
        }
        return documents.store(scope, memberId, file).id();
    }

    private static @Nullable String note(@Nullable String note) {
        if (note == null || note.isBlank()) {
            return null;
        }
        if (note.strip().length() > MAX_NOTE) {
            throw DomainException.invalid("member.field.tooLong", "Ghi chú", MAX_NOTE);
        }
        return note.strip();
    }

    static String basis(Decision decision) {
        return "Quyết định số " + decision.number() + " ngày " + DAY.format(decision.date()) + " của "
                + decision.issuer();
    }

    private static DomainException transferNotFound() {
        return DomainException.notFound("member.transfer.notFound");
    }

    private LocalDate today() {
        return registry.today();
    }
}
