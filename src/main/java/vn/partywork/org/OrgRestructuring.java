package vn.partywork.org;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.partywork.audit.AuditAction;
import vn.partywork.audit.AuditEvent;
import vn.partywork.audit.AuditLog;
import vn.partywork.org.internal.Organisations;
import vn.partywork.org.internal.Organisations.Version;
import vn.partywork.org.internal.StructuralChanges;
import vn.partywork.shared.AccessScope;
import vn.partywork.shared.Database;
import vn.partywork.shared.Decision;
import vn.partywork.shared.DomainException;

/**
 * The restructuring operations of P-ORG-2. Each runs in one transaction: it checks everything
 * first, then records a {@code structural_change} with its participants, closes the affected
 * versions on the effective date and opens new ones, and writes the audit events. A refusal leaves
 * nothing behind.
 *
 * <p>The caller needs write permission on every organisation it changes and on the destination
 * parent (or target); an organisation it cannot read is reported as missing ({@code org.notFound}),
 * one it can read but not write as {@code org.forbidden}.
 *
 * <p>Effective-date rules (P-ORG-2: history is appended, never rewritten):
 * <ul>
 * <li>neither the effective date nor the decision date may be after today;</li>
 * <li>every organisation whose version is closed must have started that version strictly before
 * the effective date ({@code org.effectiveDate.beforeCurrent}), so each closed version keeps at
 * least one day and earlier history is never touched;</li>
 * <li>the destination parent or target must have stood as it stands now on the effective date:
 * its current version began on or before it ({@code org.effectiveDate.beforeParent}). This is
 * stricter than "existed", on purpose: the new versions take the destination's current path, which
 * is only true from the day its current version began, so the tree as of any date stays exact.</li>
 * </ul>
 */
@Service
public class OrgRestructuring {

    public static final int MAX_NAME = 300;
    public static final int MAX_CODE = 50;
    public static final int MAX_NOTE = 2000;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.ROOT);
    private static final Database ORG = Database.ORGANISATION_MEMBER;

    private final Organisations organisations;
    private final StructuralChanges changes;
    private final AuditLog audit;
    private final List<DissolutionCheck> dissolutionChecks;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OrgRestructuring(
            Organisations organisations,
            StructuralChanges changes,
            AuditLog audit,
            List<DissolutionCheck> dissolutionChecks,
            ApplicationEventPublisher events,
            Clock clock) {
        this.events = events;
        this.organisations = organisations;
        this.changes = changes;
        this.audit = audit;
        this.dissolutionChecks = List.copyOf(dissolutionChecks);
        this.clock = clock;
    }

    /** Thành lập. */
    @Transactional
    public OrgSummary establish(AccessScope scope, EstablishOrganisation command) {
        String code = code(command.code());
        String name = name(command.name());
        String note = note(command.note());
        checkDates(command.decision(), command.effectiveOn());
        organisations.lockTree();
        Version parent = writable(scope, lockOne(command.parentId()));
        checkKindUnder(command.kind(), parent);
        checkCodeFree(parent.orgId(), code, List.of());
        checkDestinationOn(parent, command.effectiveOn());
        return translatingDuplicates(code, () -> {
            long change =
                    record(scope, StructuralChangeKind.ESTABLISH, command.decision(), command.effectiveOn(), note);
            OrgSummary created = open(change, code, name, command.kind(), parent, command.effectiveOn());
            changes.participant(
                    change,
                    new ChangeParticipant(created.id(), ChangeRole.SUBJECT, code, name, null, null, null, ref(parent)));
            audit.record(created(
                    scope, created, change, command.decision(), command.effectiveOn(), StructuralChangeKind.ESTABLISH));
            return created;
        });
    }

    /** Đổi tên: a new name and optionally a new code; the position in the tree is unchanged. */
    @Transactional
    public OrgSummary rename(AccessScope scope, RenameOrganisation command) {
        String name = name(command.name());
        String newCode = command.code() == null || command.code().isBlank() ? null : code(command.code());
        String note = note(command.note());
        checkDates(command.decision(), command.effectiveOn());
        organisations.lockTree();
        Version org = writable(scope, lockOne(command.orgId()));
        String code = newCode == null ? org.code() : newCode;
        if (name.equals(org.name()) && code.equals(org.code())) {
            throw DomainException.invalid("org.rename.unchanged");
        }
        if (org.parentId() != null && !code.equalsIgnoreCase(org.code())) {
            checkCodeFree(org.parentId(), code, List.of(org.orgId()));
        }
        checkChangeableOn(List.of(org), command.effectiveOn());
        return translatingDuplicates(code, () -> {
            long change = record(scope, StructuralChangeKind.RENAME, command.decision(), command.effectiveOn(), note);
            organisations.close(org.orgId(), command.effectiveOn(), change);
            organisations.open(
                    org.orgId(), code, name, org.kind(), org.parentId(), org.path(), command.effectiveOn(), change);
            changes.participant(
                    change,
                    new ChangeParticipant(
                            org.orgId(), ChangeRole.SUBJECT, code, name, org.code(), org.name(), null, null));
            audit.record(AuditEvent.of(AuditAction.UPDATE, "organisation", org.orgId())
                    .change("name", org.name(), name)
                    .change("code", org.code(), code)
                    .basis(basis(command.decision()))
                    .detail("operation", StructuralChangeKind.RENAME.name())
                    .detail("effectiveOn", command.effectiveOn().toString())
                    .detail("structuralChange", change)
                    .actorIdentifier(scope.identifier())
                    .build());
            return new OrgSummary(org.orgId(), code, name, org.kind(), org.parentId(), org.path());
        });
    }

    /** Chuyển giao: the organisation and its whole subtree move under a new parent. */
    @Transactional
    public OrgSummary transfer(AccessScope scope, TransferOrganisation command) {
        String note = note(command.note());
        checkDates(command.decision(), command.effectiveOn());
        organisations.lockTree();
        Map<Long, Version> locked = lock(List.of(command.orgId(), command.newParentId()));
        Version org = writable(scope, locked.get(command.orgId()));
        Version parent = writable(scope, locked.get(command.newParentId()));
        notRoot(org);
        if (AccessScope.isWithin(parent.path(), org.path())) {
            throw DomainException.invalid("org.transfer.intoOwnSubtree");
        }
        if (parent.orgId() == org.parentId()) {
            throw DomainException.invalid("org.transfer.sameParent");
        }
        checkKindUnder(org.kind(), parent);
        checkCodeFree(parent.orgId(), org.code(), List.of());
        List<Version> subtree = organisations.lockCurrentSubtree(org.path());
        checkChangeableOn(subtree, command.effectiveOn());
        checkDestinationOn(parent, command.effectiveOn());
        Version oldParent = organisations.current(org.parentId()).orElseThrow();
        return translatingDuplicates(org.code(), () -> {
            long change = record(scope, StructuralChangeKind.TRANSFER, command.decision(), command.effectiveOn(), note);
            int moved = organisations.moveSubtree(
                    org.orgId(), org.path(), parent.orgId(), parent.path(), command.effectiveOn(), change);
            String newPath = parent.path() + "." + org.orgId();
            events.publishEvent(new OrganisationMoved(org.orgId(), org.path(), newPath, change));
            changes.participant(
                    change,
                    new ChangeParticipant(
                            org.orgId(),
                            ChangeRole.SUBJECT,
                            org.code(),
                            org.name(),
                            null,
                            null,
                            ref(oldParent),
                            ref(parent)));
            changes.descendantsMoved(change, org.orgId(), newPath, ref(org));
            audit.record(AuditEvent.of(AuditAction.UPDATE, "organisation", org.orgId())
                    .change("parentId", org.parentId(), parent.orgId())
                    .change("path", org.path(), newPath)
                    .basis(basis(command.decision()))
                    .detail("operation", StructuralChangeKind.TRANSFER.name())
                    .detail("effectiveOn", command.effectiveOn().toString())
                    .detail("structuralChange", change)
                    .detail("descendantsMoved", moved - 1)
                    .actorIdentifier(scope.identifier())
                    .build());
            return new OrgSummary(org.orgId(), org.code(), org.name(), org.kind(), parent.orgId(), newPath);
        });
    }

    /**
     * Chia tách: the organisation is closed, its successors are established under its parent and
     * each of its current children moves (with its subtree) under the successor it is assigned to.
     */
    @Transactional
    public List<OrgSummary> split(AccessScope scope, SplitOrganisation command) {
        String note = note(command.note());
        checkDates(command.decision(), command.effectiveOn());
        if (command.successors().size() < 2) {
            throw DomainException.invalid("org.split.tooFewSuccessors");
        }
        List<NewOrg> successors = new ArrayList<>();
        for (SplitOrganisation.Successor s : command.successors()) {
            successors.add(new NewOrg(code(s.code()), name(s.name()), s.kind()));
        }
        checkDistinctCodes(successors.stream().map(NewOrg::code).toList());
        organisations.lockTree();
        Version org = writable(scope, lockOne(command.orgId()));
        notRoot(org);
        Version parent = writable(scope, lockOne(org.parentId()));
        List<Version> subtree = organisations.lockCurrentSubtree(org.path());
        List<Version> children = childrenOf(org, subtree);
        Map<Long, Integer> assignment = assignChildren(children, command.successors());
        for (int i = 0; i < successors.size(); i++) {
            NewOrg s = successors.get(i);
            OrgKind kind = s.kind() == null ? org.kind() : s.kind();
            successors.set(i, new NewOrg(s.code(), s.name(), kind));
            checkKindUnder(kind, parent);
            checkCodeFree(parent.orgId(), s.code(), List.of(org.orgId()));
        }
        for (Version child : children) {
            checkKindUnder(
                    child.kind(), successors.get(assignment.get(child.orgId())).kind());
        }
        checkEnding(
                org,
                StructuralChangeKind.SPLIT,
                successors.stream().map(NewOrg::kind).toList());
        checkChangeableOn(subtree, command.effectiveOn());
        checkDestinationOn(parent, command.effectiveOn());
        String successorCodes =
                String.join(", ", successors.stream().map(NewOrg::code).toList());
        return translatingDuplicates(successorCodes, () -> {
            LocalDate day = command.effectiveOn();
            long change = record(scope, StructuralChangeKind.SPLIT, command.decision(), day, note);
            organisations.close(org.orgId(), day, change);
            changes.participant(
                    change,
                    new ChangeParticipant(
                            org.orgId(), ChangeRole.SOURCE, org.code(), org.name(), null, null, null, null));
            audit.record(closed(scope, org, change, command.decision(), day, StructuralChangeKind.SPLIT));
            List<OrgSummary> created = new ArrayList<>();
            for (NewOrg s : successors) {
                OrgSummary successor = open(change, s.code(), s.name(), s.kind(), parent, day);
                created.add(successor);
                changes.participant(
                        change,
                        new ChangeParticipant(
                                successor.id(),
                                ChangeRole.SUCCESSOR,
                                s.code(),
                                s.name(),
                                null,
                                null,
                                null,
                                ref(parent)));
                audit.record(created(scope, successor, change, command.decision(), day, StructuralChangeKind.SPLIT));
            }
            events.publishEvent(new OrganisationEnded(
                    org.orgId(),
                    StructuralChangeKind.SPLIT,
                    day,
                    change,
                    created.stream().map(OrgSummary::id).toList()));
            for (Version child : children) {
                OrgSummary successor = created.get(assignment.get(child.orgId()));
                moveChild(scope, change, command.decision(), day, child, org, successor, StructuralChangeKind.SPLIT);
            }
            return List.copyOf(created);
        });
    }

    /** Hợp nhất: the sources are closed, a new organisation is established and all their children move under it. */
    @Transactional
    public OrgSummary merge(AccessScope scope, MergeOrganisations command) {
        String code = code(command.code());
        String name = name(command.name());
        String note = note(command.note());
        checkDates(command.decision(), command.effectiveOn());
        Set<Long> sourceIds = new LinkedHashSet<>(command.sourceIds());
        if (sourceIds.size() < 2) {
            throw DomainException.invalid("org.merge.tooFewSources");
        }
        organisations.lockTree();
        List<Long> ids = new ArrayList<>(sourceIds);
        ids.add(command.parentId());
        Map<Long, Version> locked = lock(ids);
        List<Version> sources = new ArrayList<>();
        for (long id : sourceIds) {
            Version source = writable(scope, locked.get(id));
            notRoot(source);
            sources.add(source);
        }
        Version parent = writable(scope, locked.get(command.parentId()));
        for (Version source : sources) {
            if (AccessScope.isWithin(parent.path(), source.path())) {
                throw DomainException.invalid("org.merge.parentInsideSource");
            }
            for (Version other : sources) {
                if (other != source && AccessScope.isWithin(other.path(), source.path())) {
                    throw DomainException.invalid("org.merge.nestedSources");
                }
            }
        }
        checkKindUnder(command.kind(), parent);
        checkCodeFree(parent.orgId(), code, sourceIds);
        List<Version> changed = new ArrayList<>();
        List<Version> children = new ArrayList<>();
        for (Version source : sources) {
            List<Version> subtree = organisations.lockCurrentSubtree(source.path());
            changed.addAll(subtree);
            children.addAll(childrenOf(source, subtree));
        }
        for (Version child : children) {
            checkKindUnder(child.kind(), command.kind());
        }
        checkDistinctCodes(children.stream().map(Version::code).toList());
        for (Version source : sources) {
            checkEnding(source, StructuralChangeKind.MERGE, List.of(command.kind()));
        }
        checkChangeableOn(changed, command.effectiveOn());
        checkDestinationOn(parent, command.effectiveOn());
        return translatingDuplicates(code, () -> {
            LocalDate day = command.effectiveOn();
            long change = record(scope, StructuralChangeKind.MERGE, command.decision(), day, note);
            for (Version source : sources) {
                organisations.close(source.orgId(), day, change);
                changes.participant(
                        change,
                        new ChangeParticipant(
                                source.orgId(),
                                ChangeRole.SOURCE,
                                source.code(),
                                source.name(),
                                null,
                                null,
                                null,
                                null));
                audit.record(closed(scope, source, change, command.decision(), day, StructuralChangeKind.MERGE));
            }
            OrgSummary merged = open(change, code, name, command.kind(), parent, day);
            changes.participant(
                    change,
                    new ChangeParticipant(
                            merged.id(), ChangeRole.SUCCESSOR, code, name, null, null, null, ref(parent)));
            audit.record(created(scope, merged, change, command.decision(), day, StructuralChangeKind.MERGE));
            for (Version source : sources) {
                events.publishEvent(new OrganisationEnded(
                        source.orgId(), StructuralChangeKind.MERGE, day, change, List.of(merged.id())));
            }
            for (Version child : children) {
                Version from = locked.get(child.parentId());
                moveChild(scope, change, command.decision(), day, child, from, merged, StructuralChangeKind.MERGE);
            }
            return merged;
        });
    }

    /** Sáp nhập: the organisation is closed and its children move under the existing target. */
    @Transactional
    public OrgSummary absorb(AccessScope scope, AbsorbOrganisation command) {
        String note = note(command.note());
        checkDates(command.decision(), command.effectiveOn());
        if (command.orgId() == command.targetId()) {
            throw DomainException.invalid("org.absorb.intoItself");
        }
        organisations.lockTree();
        Map<Long, Version> locked = lock(List.of(command.orgId(), command.targetId()));
        Version org = writable(scope, locked.get(command.orgId()));
        Version target = writable(scope, locked.get(command.targetId()));
        notRoot(org);
        if (AccessScope.isWithin(target.path(), org.path())) {
            throw DomainException.invalid("org.absorb.intoOwnSubtree");
        }
        List<Version> subtree = organisations.lockCurrentSubtree(org.path());
        List<Version> children = childrenOf(org, subtree);
        for (Version child : children) {
            checkKindUnder(child.kind(), target);
            checkCodeFree(target.orgId(), child.code(), List.of());
        }
        checkEnding(org, StructuralChangeKind.ABSORB, List.of(target.kind()));
        checkChangeableOn(subtree, command.effectiveOn());
        checkDestinationOn(target, command.effectiveOn());
        String childCodes =
                String.join(", ", children.stream().map(Version::code).toList());
        return translatingDuplicates(childCodes, () -> {
            LocalDate day = command.effectiveOn();
            long change = record(scope, StructuralChangeKind.ABSORB, command.decision(), day, note);
            organisations.close(org.orgId(), day, change);
            changes.participant(
                    change,
                    new ChangeParticipant(
                            org.orgId(), ChangeRole.SOURCE, org.code(), org.name(), null, null, null, null));
            changes.participant(
                    change,
                    new ChangeParticipant(
                            target.orgId(), ChangeRole.TARGET, target.code(), target.name(), null, null, null, null));
            audit.record(closed(scope, org, change, command.decision(), day, StructuralChangeKind.ABSORB));
            events.publishEvent(new OrganisationEnded(
                    org.orgId(), StructuralChangeKind.ABSORB, day, change, List.of(target.orgId())));
            for (Version child : children) {
                moveChild(
                        scope,
                        change,
                        command.decision(),
                        day,
                        child,
                        org,
                        target.summary(),
                        StructuralChangeKind.ABSORB);
            }
            return target.summary();
        });
    }

    /**
     * Giải thể: refused while the organisation has current children ({@code org.dissolve.hasChildren})
     * or while another module still attaches something to it (a {@link DissolutionCheck} objects).
     * Returns the organisation as it stood until the effective date.
     */
    @Transactional
    public OrgSummary dissolve(AccessScope scope, DissolveOrganisation command) {
        String note = note(command.note());
        checkDates(command.decision(), command.effectiveOn());
        organisations.lockTree();
        Version org = writable(scope, lockOne(command.orgId()));
        notRoot(org);
        if (!organisations.currentChildren(org.orgId()).isEmpty()) {
            throw DomainException.conflict("org.dissolve.hasChildren");
        }
        checkEnding(org, StructuralChangeKind.DISSOLVE, List.of());
        checkChangeableOn(List.of(org), command.effectiveOn());
        long change = record(scope, StructuralChangeKind.DISSOLVE, command.decision(), command.effectiveOn(), note);
        organisations.close(org.orgId(), command.effectiveOn(), change);
        changes.participant(
                change,
                new ChangeParticipant(org.orgId(), ChangeRole.SUBJECT, org.code(), org.name(), null, null, null, null));
        audit.record(
                closed(scope, org, change, command.decision(), command.effectiveOn(), StructuralChangeKind.DISSOLVE));
        events.publishEvent(new OrganisationEnded(
                org.orgId(), StructuralChangeKind.DISSOLVE, command.effectiveOn(), change, List.of()));
        return org.summary();
    }

    /** Establishes the root; only {@link OrgSeeding} calls it, inside its own transaction. */
    OrgSummary establishRoot(
            AccessScope system, String rawCode, String rawName, Decision decision, LocalDate effectiveOn) {
        String code = code(rawCode);
        String name = name(rawName);
        checkDates(decision, effectiveOn);
        organisations.lockTree();
        if (organisations.rootExists()) {
            throw DomainException.conflict("org.root.exists");
        }
        long change = record(system, StructuralChangeKind.ESTABLISH, decision, effectiveOn, null);
        long id = organisations.newOrganisation();
        String path = String.valueOf(id);
        organisations.open(id, code, name, OrgKind.CENTRAL, null, path, effectiveOn, change);
        OrgSummary root = new OrgSummary(id, code, name, OrgKind.CENTRAL, null, path);
        changes.participant(change, new ChangeParticipant(id, ChangeRole.SUBJECT, code, name, null, null, null, null));
        audit.record(created(system, root, change, decision, effectiveOn, StructuralChangeKind.ESTABLISH));
        return root;
    }

    // --- applying

    private record NewOrg(
            String code, String name, @Nullable OrgKind kind) {}

    private OrgSummary open(long change, String code, String name, OrgKind kind, Version parent, LocalDate day) {
        long id = organisations.newOrganisation();
        String path = parent.path() + "." + id;
        organisations.open(id, code, name, kind, parent.orgId(), path, day, change);
        return new OrgSummary(id, code, name, kind, parent.orgId(), path);
    }

    private void moveChild(
            AccessScope scope,
            long change,
            Decision decision,
            LocalDate day,
            Version child,
            Version from,
            OrgSummary to,
            StructuralChangeKind kind) {
        organisations.moveSubtree(child.orgId(), child.path(), to.id(), to.path(), day, change);
        events.publishEvent(
                new OrganisationMoved(child.orgId(), child.path(), to.path() + "." + child.orgId(), change));
        changes.participant(
                change,
                new ChangeParticipant(
                        child.orgId(),
                        ChangeRole.CHILD_MOVED,
                        child.code(),
                        child.name(),
                        null,
                        null,
                        ref(from),
                        new OrgRef(to.id(), to.code(), to.name())));
        changes.descendantsMoved(change, child.orgId(), to.path() + "." + child.orgId(), ref(child));
        audit.record(AuditEvent.of(AuditAction.UPDATE, "organisation", child.orgId())
                .change("parentId", from.orgId(), to.id())
                .change("path", child.path(), to.path() + "." + child.orgId())
                .basis(basis(decision))
                .detail("operation", kind.name())
                .detail("effectiveOn", day.toString())
                .detail("structuralChange", change)
                .actorIdentifier(scope.identifier())
                .build());
    }

    private long record(
            AccessScope scope, StructuralChangeKind kind, Decision decision, LocalDate day, @Nullable String note) {
        return changes.record(kind, day, decision, note, scope.accountId(), scope.identifier());
    }

    private static AuditEvent created(
            AccessScope scope,
            OrgSummary org,
            long change,
            Decision decision,
            LocalDate day,
            StructuralChangeKind kind) {
        return AuditEvent.of(AuditAction.CREATE, "organisation", org.id())
                .change("code", null, org.code())
                .change("name", null, org.name())
                .change("kind", null, org.kind().name())
                .change("parentId", null, org.parentId())
                .basis(basis(decision))
                .detail("operation", kind.name())
                .detail("effectiveOn", day.toString())
                .detail("structuralChange", change)
                .actorIdentifier(scope.identifier())
                .build();
    }

    /** P-ORG-2: another module may object to an organisation ending this way (a {@link DissolutionCheck}). */
    private void checkEnding(Version org, StructuralChangeKind kind, List<OrgKind> successorKinds) {
        for (DissolutionCheck check : dissolutionChecks) {
            check.blockingReason(org.orgId(), kind, successorKinds).ifPresent(code -> {
                throw DomainException.conflict(code);
            });
        }
    }

    private static AuditEvent closed(
            AccessScope scope, Version org, long change, Decision decision, LocalDate day, StructuralChangeKind kind) {
        return AuditEvent.of(AuditAction.UPDATE, "organisation", org.orgId())
                .change("validTo", null, day.toString())
                .basis(basis(decision))
                .detail("operation", kind.name())
                .detail("effectiveOn", day.toString())
                .detail("structuralChange", change)
                .actorIdentifier(scope.identifier())
                .build();
    }

    /** P-AU-2: the basis of the change, as a person would cite it. */
    static String basis(Decision decision) {
        return "Quyết định số " + decision.number() + " ngày " + DAY.format(decision.date()) + " của "
                + decision.issuer();
    }

    private static OrgRef ref(Version v) {
        return new OrgRef(v.orgId(), v.code(), v.name());
    }

    // P-ORG-2: the partial unique index on current sibling codes settles races the checks cannot see.
    private <T> T translatingDuplicates(String codes, java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (DuplicateKeyException e) {
            throw DomainException.conflict("org.code.duplicate", codes);
        }
    }

    // --- locking and scope

    private Version lockOne(@Nullable Long orgId) {
        if (orgId == null) {
            throw DomainException.notFound("org.notFound");
        }
        return lock(List.of(orgId)).get(orgId);
    }

    /** Locks the current versions; a missing or dissolved id maps to null and is reported as not found. */
    private Map<Long, Version> lock(Collection<Long> orgIds) {
        Map<Long, Version> byId = new HashMap<>();
        organisations.lockCurrent(new LinkedHashSet<>(orgIds)).forEach(v -> byId.put(v.orgId(), v));
        return byId;
    }

    private static Version writable(AccessScope scope, @Nullable Version version) {
        if (version == null || !scope.canRead(ORG, version.path())) {
            throw DomainException.notFound("org.notFound");
        }
        if (!scope.canWrite(ORG, version.path())) {
            throw DomainException.forbidden("org.forbidden");
        }
        return version;
    }

    // --- rules

    private static void notRoot(Version org) {
        if (org.parentId() == null) {
            throw DomainException.invalid("org.root.restructure");
        }
    }

    // P-ORG-1: the kind must be allowed directly under the parent's kind.
    private static void checkKindUnder(OrgKind kind, Version parent) {
        checkKindUnder(kind, parent.kind());
    }

    private static void checkKindUnder(OrgKind kind, OrgKind parentKind) {
        if (!parentKind.allowedChildren().contains(kind)) {
            throw DomainException.invalid("org.kind.notAllowedUnder", kind.label(), parentKind.label());
        }
    }

    // P-ORG-2: codes are unique among current siblings, case-insensitively.
    private void checkCodeFree(long parentId, String code, Collection<Long> leaving) {
        if (organisations.siblingCodeTaken(parentId, code, leaving)) {
            throw DomainException.conflict("org.code.duplicate", code);
        }
    }

    private static void checkDistinctCodes(List<String> codes) {
        Set<String> seen = new HashSet<>();
        for (String code : codes) {
            if (!seen.add(code.toLowerCase(Locale.ROOT))) {
                throw DomainException.conflict("org.code.duplicate", code);
            }
        }
    }

    private void checkDates(Decision decision, @Nullable LocalDate effectiveOn) {
        LocalDate today = LocalDate.now(clock);
        if (effectiveOn == null) {
            throw DomainException.invalid("org.effectiveDate.required");
        }
        if (effectiveOn.isAfter(today)) {
            throw DomainException.invalid("org.effectiveDate.inFuture");
        }
        if (decision.date().isAfter(today)) {
            throw DomainException.invalid("org.decisionDate.inFuture");
        }
    }

    // History is appended: each closed version keeps at least one day.
    private static void checkChangeableOn(Collection<Version> closing, LocalDate day) {
        closing.stream().map(Version::validFrom).max(LocalDate::compareTo).ifPresent(latest -> {
            if (!latest.isBefore(day)) {
                throw DomainException.invalid("org.effectiveDate.beforeCurrent", DAY.format(latest));
            }
        });
    }

    private static void checkDestinationOn(Version destination, LocalDate day) {
        if (day.isBefore(destination.validFrom())) {
            throw DomainException.invalid("org.effectiveDate.beforeParent", DAY.format(destination.validFrom()));
        }
    }

    private static List<Version> childrenOf(Version parent, List<Version> subtree) {
        return subtree.stream()
                .filter(v -> v.parentId() != null && v.parentId() == parent.orgId())
                .toList();
    }

    /** P-ORG-2 (chia tách): each current child goes to exactly one successor; returns child id → successor index. */
    private static Map<Long, Integer> assignChildren(
            List<Version> children, List<SplitOrganisation.Successor> successors) {
        Set<Long> childIds = new HashSet<>();
        children.forEach(c -> childIds.add(c.orgId()));
        Map<Long, Integer> assignment = new HashMap<>();
        for (int i = 0; i < successors.size(); i++) {
            for (Long childId : successors.get(i).childIds()) {
                if (!childIds.contains(childId)) {
                    throw DomainException.invalid("org.split.unknownChild");
                }
                if (assignment.put(childId, i) != null) {
                    throw DomainException.invalid("org.split.childAssignedTwice");
                }
            }
        }
        if (assignment.size() != childIds.size()) {
            throw DomainException.invalid("org.split.childNotAssigned");
        }
        return assignment;
    }

    // --- input sizes

    static String name(@Nullable String raw) {
        String name = raw == null ? "" : raw.strip();
        if (name.isEmpty()) {
            throw DomainException.invalid("org.name.required");
        }
        if (name.length() > MAX_NAME) {
            throw DomainException.invalid("org.name.tooLong", MAX_NAME);
        }
        return name;
    }

    static String code(@Nullable String raw) {
        String code = raw == null ? "" : raw.strip();
        if (code.isEmpty()) {
            throw DomainException.invalid("org.code.required");
        }
        if (code.length() > MAX_CODE) {
            throw DomainException.invalid("org.code.tooLong", MAX_CODE);
        }
        return code;
    }

    static @Nullable String note(@Nullable String raw) {
        String note = raw == null ? "" : raw.strip();
        if (note.length() > MAX_NOTE) {
            throw DomainException.invalid("org.note.tooLong", MAX_NOTE);
        }
        return note.isEmpty() ? null : note;
    }
}
