package vn.partywork.approval;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;
import vn.partywork.approval.internal.ApprovalStore;
import vn.partywork.approval.internal.ApprovalStore.Chain;
import vn.partywork.approval.internal.ApprovalStore.RequestRow;
import vn.partywork.audit.AuditAction;
import vn.partywork.audit.AuditEvent;
import vn.partywork.audit.AuditLog;
import vn.partywork.calendar.WorkingDayCalendar;
import vn.partywork.identity.AccountView;
import vn.partywork.identity.Accounts;
import vn.partywork.org.OrgDirectory;
import vn.partywork.org.OrgKind;
import vn.partywork.org.OrgSummary;
import vn.partywork.shared.AccessScope;
import vn.partywork.shared.Database;
import vn.partywork.shared.DomainException;
import vn.partywork.shared.Permission;

/**
 * The approval engine (P-WF-1), one for every module: submit a request into a chain, act on its
 * current step, resubmit after a return, withdraw; read the inbox, the sent list and the overdue
 * items of lower units.
 *
 * <p><b>Who may act on a step.</b> The step's acting organisation is resolved from the subject
 * organisation's current path when the step becomes current ({@link ActingLevel}). A caller may act
 * when {@code scope.permits(APPROVE, db, actingOrgPath) || scope.permits(WRITE, db, actingOrgPath)},
 * {@code db} being the chain's database: a committee leader (READ+APPROVE) or the organisation staff
 * or cell secretary (READ+WRITE) whose subtree contains the acting organisation. So the cell
 * secretary confirms at the cell step, and organisation staff of a province act at the grassroots
 * and upper steps of everything below them (the demo's {@code hn.tochuc} does so, there being no
 * grassroots leader account in the demo). A step whose {@link ActingPermission} is {@code APPROVE}
 * (the one step of a correction request) is for APPROVE holders only. Whoever submitted a request
 * acts on none of its steps ({@code approval.step.ownRequest}), whatever grants they hold: the
 * inbox does not list their own requests and the request page shows them no act buttons.
 *
 * <p><b>Who sees a request.</b> Its submitter, and whoever reads the chain's database at the subject
 * organisation; to anybody else it does not exist (404).
 *
 * <p><b>Deadlines.</b> A step that becomes current on day D is due on
 * {@code calendar.addWorkingDays(D, N)} ("within N working days", counted from the day after).
 * A returned request that is resubmitted goes through its chain again from the first step: the
 * content changed, so the cell confirms it again.
 */
@Service
public class ApprovalRequests {

    static final String TARGET = "approval_request";
    public static final int MAX_COMMENT = 2000;
    public static final int MAX_TITLE = 300;
    public static final int MAX_CHANGES = 100;
    public static final int MAX_VALUE = 2000;
    private static final int LIST_LIMIT = 200;
    private static final TypeReference<List<ProposedChange>> CHANGES = new TypeReference<>() {};

    private final ApprovalStore store;
    private final OrgDirectory orgs;
    private final WorkingDayCalendar calendar;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final ObjectMapper json;
    private final Clock clock;
    private final ApprovalSettings settings;
    private final Accounts accounts;

    ApprovalRequests(
            ApprovalStore store,
            OrgDirectory orgs,
            WorkingDayCalendar calendar,
            AuditLog audit,
            ApplicationEventPublisher events,
            ObjectMapper json,
            Clock clock,
            ApprovalSettings settings,
            Accounts accounts) {
        this.accounts = accounts;
        this.store = store;
        this.orgs = orgs;
        this.calendar = calendar;
        this.audit = audit;
        this.events = events;
        this.json = json;
        this.clock = clock;
        this.settings = settings;
    }

    // --- commands

    /**
     * Starts a chain: the caller must read the chain's database at the subject organisation (a
     * member declares for their own cell, staff for their subtree); the first step becomes current.
     */
    @Transactional
    public RequestDetails submit(AccessScope scope, SubmitRequest command) {
        // P-WF-3: a correction request carries its reason and evidence and is checked against the
        // record; it is filed only through CorrectionRequests.
        if (CorrectionRequests.CHAIN.equals(command.chainCode())) {
            throw DomainException.invalid("approval.chain.correctionOnly");
        }
        return start(scope, command);
    }

    /**
     * P-AZ-4: starts a data access chain ({@code DATA_ACCESS_*}) at the data owner's organisation for
     * a submitter who does not read that database there: the request asks for exactly that right. The
     * calling module ({@code dataaccess}) checks the form; the submitter sees the request as its
     * submitter and, as for every chain, acts on none of its steps.
     */
    @Transactional
    public RequestDetails submitToDataOwner(AccessScope scope, SubmitRequest command) {
        if (!command.chainCode().startsWith("DATA_ACCESS_")) {
            throw DomainException.invalid("approval.chain.unknown", command.chainCode());
        }
        return start(scope, command, false);
    }

    /** Starts a chain after the caller's own checks (see {@link #submit}). */
    RequestDetails start(AccessScope scope, SubmitRequest command) {
        return start(scope, command, true);
    }

    private RequestDetails start(AccessScope scope, SubmitRequest command, boolean submitterReadsSubject) {
        Chain chain = store.chain(command.chainCode())
                .orElseThrow(() -> DomainException.invalid("approval.chain.unknown", command.chainCode()));
        checkText(command.title(), MAX_TITLE, "approval.title.invalid");
        checkText(command.subjectType(), 100, "approval.subject.invalid");
        checkText(command.subjectId(), 100, "approval.subject.invalid");
        checkChanges(command.changes());
        OrgSummary subject = orgs.current(command.subjectOrgId())
                .filter(o -> !submitterReadsSubject || scope.canRead(chain.database(), o.path()))
                .orElseThrow(() -> DomainException.notFound("approval.subject.notFound"));
        Instant now = clock.instant();
        long id = store.insertRequest(
                chain.code(),
                subject.id(),
                command.subjectType().strip(),
                command.subjectId().strip(),
                command.title().strip(),
                write(command.changes()),
                scope.accountId(),
                scope.identifier(),
                now);
        openStep(id, chain, chain.steps().get(0), subject, command.title().strip());
        store.recordAction(id, null, "SUBMIT", scope.accountId(), scope.identifier(), now, null);
        AuditEvent.Builder event = AuditEvent.of(AuditAction.CREATE, TARGET, id)
                .actorIdentifier(scope.identifier())
                .detail("chain", chain.code())
                .detail("subjectType", command.subjectType())
                .detail("subjectId", command.subjectId())
                .detail("subjectOrgId", subject.id());
        command.changes().forEach(c -> event.change(c.field(), c.oldValue(), c.newValue()));
        audit.record(event.build());
        return details(scope, id);
    }

    /**
     * Acts on the current step. Refused: a request the caller cannot see (404
     * {@code approval.request.notFound}); a step the caller may not act on ({@code approval.step.notYours});
     * the caller's own request ({@code approval.step.ownRequest}, P-WF-1 separation of duties);
     * a return or rejection without a reason ({@code approval.comment.required}); a version other than
     * the current one or a request no longer in progress, e.g. the loser of a double approval
     * ({@code approval.step.alreadyActed}).
     */
    @Transactional
    public RequestDetails act(
            AccessScope scope, long id, StepDecision decision, @Nullable String comment, int version) {
        RequestRow row = visible(scope, id);
        if (row.status() != ApprovalStatus.IN_PROGRESS || row.version() != version) {
            throw DomainException.conflict("approval.step.alreadyActed");
        }
        if (!mayAct(scope, row)) {
            throw DomainException.forbidden("approval.step.notYours");
        }
        // P-WF-1 separation of duties: whoever submitted a request acts on none of its steps.
        if (row.submittedByAccount() == scope.accountId()) {
            throw DomainException.forbidden("approval.step.ownRequest");
        }
        String reason = comment(comment, decision != StepDecision.APPROVE);
        Chain chain = chain(row.chainCode());
        int position = row.currentPosition();
        ChainStep step = chain.steps().get(position - 1);
        boolean last = position == chain.steps().size();
        ApprovalStatus next = switch (decision) {
            case APPROVE -> last ? ApprovalStatus.COMPLETED : ApprovalStatus.IN_PROGRESS;
            case RETURN -> ApprovalStatus.RETURNED;
            case REJECT -> ApprovalStatus.REJECTED;
        };
        Instant now = clock.instant();
        boolean closes = next == ApprovalStatus.COMPLETED || next == ApprovalStatus.REJECTED;
        if (!store.move(
                id, version, next, next == ApprovalStatus.IN_PROGRESS ? position + 1 : null, closes ? now : null)) {
            throw DomainException.conflict("approval.step.alreadyActed");
        }
        store.closeOpenStep(
                id,
                switch (decision) {
                    case APPROVE -> "APPROVED";
                    case RETURN -> "RETURNED";
                    case REJECT -> "REJECTED";
                },
                today());
        if (next == ApprovalStatus.IN_PROGRESS) {
            openStep(id, chain, chain.steps().get(position), subjectOf(row), row.title());
        }
        store.recordAction(id, position, decision.name(), scope.accountId(), scope.identifier(), now, reason);
        audit.record(AuditEvent.of(
                        switch (decision) {
                            case APPROVE -> AuditAction.APPROVE;
                            case RETURN -> AuditAction.RETURN;
                            case REJECT -> AuditAction.REJECT;
                        },
                        TARGET,
                        id)
                .actorIdentifier(scope.identifier())
                .detail("chain", row.chainCode())
                .detail("step", position)
                .detail("actionKind", step.actionKind().name())
                .detail("actingOrgId", row.actingOrgId())
                .detail("comment", reason)
                .change("status", row.status().name(), next.name())
                .build());
        // P-WF-1: the notification module tells the submitter of a return, a rejection or the completion.
        events.publishEvent(new ApprovalStepDecided(
                id,
                version + 1,
                row.chainName(),
                row.title(),
                row.submittedByAccount(),
                position,
                decision,
                next,
                row.actingOrgName(),
                scope.identifier(),
                reason));
        if (next == ApprovalStatus.COMPLETED) {
            // P-WF-1: the owning module applies the change when it hears of the completion.
            events.publishEvent(new ApprovalCompleted(
                    id, row.chainCode(), row.subjectType(), row.subjectId(), read(row.payload())));
        }
        return details(scope, id);
    }

    /**
     * The submitter sends a returned request again, optionally with revised changes; it starts over
     * at the first step.
     */
    @Transactional
    public RequestDetails resubmit(
            AccessScope scope, long id, int version, @Nullable List<ProposedChange> revised, @Nullable String comment) {
        RequestRow row = visible(scope, id);
        checkSubmitter(scope, row);
        if (row.status() != ApprovalStatus.RETURNED) {
            throw DomainException.conflict("approval.request.notReturned");
        }
        String note = comment(comment, false);
        if (revised != null) {
            checkChanges(revised);
            if (CorrectionRequests.CHAIN.equals(row.chainCode())) {
                // P-WF-3: new values need the record's checks and evidence: a new correction request.
                throw DomainException.invalid("approval.correction.resubmitChanges");
            }
        }
        if (!store.move(id, version, ApprovalStatus.IN_PROGRESS, 1, null)) {
            throw DomainException.conflict("approval.step.alreadyActed");
        }
        Chain chain = chain(row.chainCode());
        openStep(id, chain, chain.steps().get(0), subjectOf(row), row.title());
        AuditEvent.Builder event = AuditEvent.of(AuditAction.UPDATE, TARGET, id)
                .actorIdentifier(scope.identifier())
                .detail("action", "RESUBMIT")
                .detail("comment", note)
                .change("status", row.status().name(), ApprovalStatus.IN_PROGRESS.name());
        if (revised != null) {
            String payload = write(revised);
            store.updatePayload(id, payload);
            event.change("payload", row.payload(), payload);
        }
        store.recordAction(id, null, "RESUBMIT", scope.accountId(), scope.identifier(), clock.instant(), note);
        audit.record(event.build());
        return details(scope, id);
    }

    /** The submitter takes back a request that is not finished. */
    @Transactional
    public RequestDetails withdraw(AccessScope scope, long id, int version, @Nullable String comment) {
        RequestRow row = visible(scope, id);
        checkSubmitter(scope, row);
        if (!row.status().isOpen()) {
            throw DomainException.conflict("approval.request.closed");
        }
        String note = comment(comment, false);
        Instant now = clock.instant();
        if (!store.move(id, version, ApprovalStatus.WITHDRAWN, null, now)) {
            throw DomainException.conflict("approval.step.alreadyActed");
        }
        store.closeOpenStep(id, "WITHDRAWN", today());
        store.recordAction(id, null, "WITHDRAW", scope.accountId(), scope.identifier(), now, note);
        audit.record(AuditEvent.of(AuditAction.UPDATE, TARGET, id)
                .actorIdentifier(scope.identifier())
                .detail("action", "WITHDRAW")
                .detail("comment", note)
                .change("status", row.status().name(), ApprovalStatus.WITHDRAWN.name())
                .build());
        events.publishEvent(new ApprovalWithdrawn(id, row.chainCode(), row.subjectType(), row.subjectId()));
        return details(scope, id);
    }

    // --- reads

    public RequestDetails details(AccessScope scope, long id) {
        RequestRow row = visible(scope, id);
        Chain chain = chain(row.chainCode());
        boolean submitter = row.submittedByAccount() == scope.accountId();
        boolean canAct = row.status() == ApprovalStatus.IN_PROGRESS && !submitter && mayAct(scope, row);
        List<TrailEntry> trail = store.trail(id).stream()
                .map(t -> t.withActorName(accounts.byId(t.actorAccountId())
                        .map(AccountView::displayName)
                        .orElse(null)))
                .toList();
        return new RequestDetails(
                summary(row),
                chain.steps(),
                read(row.payload()),
                trail,
                canAct,
                submitter && row.status() == ApprovalStatus.RETURNED,
                submitter && row.status().isOpen());
    }

    /** "Việc cần xử lý": requests whose current step the caller may act on, the earliest due first. */
    public List<RequestSummary> inbox(AccessScope scope) {
        Map<Database, List<String>> approve = new EnumMap<>(Database.class);
        Map<Database, List<String>> write = new EnumMap<>(Database.class);
        for (Database db : Database.values()) {
            approve.put(db, scope.paths(Permission.APPROVE, db));
            write.put(db, scope.paths(Permission.WRITE, db));
        }
        return store.actionableBy(scope.accountId(), approve, write, LIST_LIMIT).stream()
                .map(this::summary)
                .toList();
    }

    /** "Đã gửi": the caller's own requests, newest first. */
    public List<RequestSummary> submitted(AccessScope scope) {
        return store.submittedBy(scope.accountId(), LIST_LIMIT).stream()
                .map(this::summary)
                .toList();
    }

    /** "Theo dõi": overdue steps whose acting organisation lies inside the caller's readable scope. */
    public List<RequestSummary> overdue(AccessScope scope) {
        Map<Database, List<String>> paths = new EnumMap<>(Database.class);
        for (Database db : Database.values()) {
            paths.put(db, scope.readablePaths(db));
        }
        return store.openStepsWithin(paths, today(), LIST_LIMIT).stream()
                .map(this::summary)
                .toList();
    }

    /** P-WF-1: the one rule for acting on a step (see the class comment). */
    public static boolean mayAct(AccessScope scope, Database database, String actingOrgPath) {
        return mayAct(scope, database, actingOrgPath, ActingPermission.APPROVE_OR_WRITE);
    }

    /** P-WF-1 with the step's {@link ActingPermission}: APPROVE-only steps are for the head of the unit. */
    public static boolean mayAct(
            AccessScope scope, Database database, String actingOrgPath, ActingPermission permission) {
        return scope.permits(Permission.APPROVE, database, actingOrgPath)
                || permission == ActingPermission.APPROVE_OR_WRITE
                        && scope.permits(Permission.WRITE, database, actingOrgPath);
    }

    /** True when the request exists and the caller may see it (its evidence files follow this rule). */
    public boolean isVisible(AccessScope scope, long id) {
        return store.byId(id).filter(row -> visibleTo(scope, row)).isPresent();
    }

    private static boolean mayAct(AccessScope scope, RequestRow row) {
        return row.actingPath() != null
                && mayAct(
                        scope,
                        row.database(),
                        row.actingPath(),
                        row.actingPermission() == null ? ActingPermission.APPROVE : row.actingPermission());
    }

    // --- internals

    private RequestRow visible(AccessScope scope, long id) {
        return store.byId(id)
                .filter(row -> visibleTo(scope, row))
                .orElseThrow(() -> DomainException.notFound("approval.request.notFound"));
    }

    private static boolean visibleTo(AccessScope scope, RequestRow row) {
        return row.submittedByAccount() == scope.accountId()
                || row.subjectPath() != null && scope.canRead(row.database(), row.subjectPath())
                || mayAct(scope, row);
    }

    private void openStep(long id, Chain chain, ChainStep step, OrgSummary subject, String title) {
        LocalDate today = today();
        OrgSummary acting = actingOrg(step.actingLevel(), subject);
        LocalDate dueOn = calendar.addWorkingDays(today, step.deadlineDays());
        long stepId = store.openStep(id, step.position(), step.actionKind(), acting.id(), today, dueOn);
        // P-WF-1: the notification module tells who may act.
        events.publishEvent(new ApprovalStepOpened(
                stepId,
                id,
                chain.name(),
                title,
                step.position(),
                step.actionKind(),
                acting.id(),
                acting.name(),
                dueOn));
    }

    /** Resolves a level against the subject's current path (root first). */
    OrgSummary actingOrg(ActingLevel level, OrgSummary subject) {
        List<Long> ids = java.util.Arrays.stream(subject.path().split("\\."))
                .map(Long::valueOf)
                .toList();
        List<OrgSummary> line = orgs.current(ids); // root … subject
        int grassroots = -1;
        for (int i = line.size() - 1; i >= 0; i--) {
            OrgKind kind = line.get(i).kind();
            if (kind == OrgKind.GRASSROOTS_COMMITTEE || kind == OrgKind.GRASSROOTS_CELL) {
                grassroots = i;
                break;
            }
        }
        switch (level) {
            case SUBJECT_CELL -> {
                if (!subject.kind().isCell()) {
                    throw DomainException.invalid("approval.subject.notCell");
                }
                return subject;
            }
            case SUBJECT_ORG -> {
                return subject;
            }
            case GRASSROOTS -> {
                if (grassroots < 0) {
                    throw DomainException.invalid("approval.actingOrg.none");
                }
                return line.get(grassroots);
            }
            case UPPER -> {
                int from = (grassroots < 0 ? line.size() - 1 : grassroots) - 1;
                for (int i = from; i >= 0; i--) {
                    OrgKind kind = line.get(i).kind();
                    if (kind == OrgKind.UPPER_GRASSROOTS || kind == OrgKind.PROVINCE) {
                        return line.get(i);
                    }
                }
                throw DomainException.invalid("approval.actingOrg.none");
            }
            default -> throw new IllegalStateException(level.name());
        }
    }

    private OrgSummary subjectOf(RequestRow row) {
        return orgs.current(row.subjectOrgId())
                .orElseThrow(() -> DomainException.conflict("approval.subject.dissolved"));
    }

    private Chain chain(String code) {
        return store.chain(code).orElseThrow(() -> new IllegalStateException("chain " + code));
    }

    private RequestSummary summary(RequestRow row) {
        return new RequestSummary(
                row.id(),
                row.chainCode(),
                row.chainName(),
                row.title(),
                row.subjectType(),
                row.subjectId(),
                row.subjectOrgId(),
                row.subjectOrgName(),
                row.status(),
                row.currentPosition(),
                row.currentAction(),
                row.actingOrgId(),
                row.actingOrgName(),
                due(row.dueOn()),
                row.submittedBy(),
                row.submittedAt(),
                row.version());
    }

    /** P-WF-1: alerts before and after the deadline, in working days. */
    @Nullable
    Due due(@Nullable LocalDate dueOn) {
        if (dueOn == null) {
            return null;
        }
        LocalDate today = today();
        int left = calendar.workingDaysBetween(today, dueOn);
        boolean overdue = today.isAfter(dueOn);
        return new Due(dueOn, left, overdue, !overdue && left <= settings.dueSoonWorkingDays());
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static void checkSubmitter(AccessScope scope, RequestRow row) {
        if (row.submittedByAccount() != scope.accountId()) {
            throw DomainException.forbidden("approval.request.notSubmitter");
        }
    }

    private static @Nullable String comment(@Nullable String comment, boolean required) {
        String text = comment == null ? "" : comment.strip();
        if (text.isEmpty()) {
            if (required) {
                throw DomainException.invalid("approval.comment.required");
            }
            return null;
        }
        if (text.length() > MAX_COMMENT) {
            throw DomainException.invalid("approval.comment.tooLong", MAX_COMMENT);
        }
        return text;
    }

    private static void checkText(@Nullable String text, int max, String code) {
        if (text == null || text.isBlank() || text.strip().length() > max) {
            throw DomainException.invalid(code, max);
        }
    }

    private static void checkChanges(@Nullable List<ProposedChange> changes) {
        if (changes == null || changes.isEmpty()) {
            throw DomainException.invalid("approval.changes.empty");
        }
        if (changes.size() > MAX_CHANGES) {
            throw DomainException.invalid("approval.changes.tooMany", MAX_CHANGES);
        }
        Set<String> fields = new java.util.HashSet<>();
        for (ProposedChange c : changes) {
            if (c == null || c.field() == null || c.field().isBlank() || !fields.add(c.field())) {
                throw DomainException.invalid("approval.changes.invalid");
            }
            if (c.field().length() > 100
                    || longer(c.label(), 200)
                    || longer(c.oldValue(), MAX_VALUE)
                    || longer(c.newValue(), MAX_VALUE)) {
                throw DomainException.invalid("approval.changes.tooLong", MAX_VALUE);
            }
        }
    }

    private static boolean longer(@Nullable String text, int max) {
        return text != null && text.length() > max;
    }

    private String write(List<ProposedChange> changes) {
        return json.writeValueAsString(changes);
    }

    private List<ProposedChange> read(String payload) {
        return json.readValue(payload, CHANGES);
    }
}
