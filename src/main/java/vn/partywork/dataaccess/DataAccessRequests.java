package vn.partywork.dataaccess;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.partywork.access.GrantView;
import vn.partywork.access.Grants;
import vn.partywork.access.NewGrant;
import vn.partywork.access.Role;
import vn.partywork.approval.ApprovalCompleted;
import vn.partywork.approval.ApprovalRequests;
import vn.partywork.approval.ProposedChange;
import vn.partywork.approval.RequestDetails;
import vn.partywork.approval.RequestSummary;
import vn.partywork.approval.StepDecision;
import vn.partywork.approval.SubmitRequest;
import vn.partywork.audit.AuditAction;
import vn.partywork.audit.AuditEvent;
import vn.partywork.audit.AuditLog;
import vn.partywork.dataaccess.internal.DataAccessRows;
import vn.partywork.dataaccess.internal.DataAccessRows.Row;
import vn.partywork.identity.AccountView;
import vn.partywork.identity.Accounts;
import vn.partywork.org.OrgDirectory;
import vn.partywork.org.OrgSummary;
import vn.partywork.shared.AccessScope;
import vn.partywork.shared.Classification;
import vn.partywork.shared.DomainException;

/**
 * P-AZ-4: data access requests (phiếu yêu cầu khai thác, seed 002 PL2); the rules are in the package
 * comment. Refusals of the form: {@code dataaccess.position.required}, {@code .unit.required},
 * {@code .phone.invalid}, {@code .database.unknown}, {@code .purpose.required}, {@code .scope.required},
 * {@code .scope.orgNotFound}, {@code .form.required}, {@code .period.required}, {@code .period.invalid},
 * {@code .period.tooLong}, {@code .commitment.required}, {@code .text.tooLong}. Refusals of an
 * approval that would widen the request: {@code dataaccess.approve.scopeWider},
 * {@code .approve.ceilingHigher}, {@code .approve.periodWider}, {@code .approve.periodPassed}.
 */
@Service
public class DataAccessRequests {

    /** PL2 part 3, word for word: the requester accepts it with the form. */
    public static final String COMMITMENT =
            "Tôi cam kết sử dụng dữ liệu đúng mục đích, đúng phạm vi được phê duyệt; tuân thủ"
                    + " các quy định về bảo vệ bí mật nhà nước, bảo vệ dữ liệu cá nhân, an ninh thông tin, an ninh dữ liệu và"
                    + " chịu trách nhiệm trước pháp luật, trước cấp có thẩm quyền về việc sử dụng dữ liệu.";

    /** The longest period one request may ask for; a longer use needs a new request. */
    public static final int MAX_PERIOD_DAYS = 366;

    public static final String SUBJECT_TYPE = "data_access_request";
    public static final String CHAIN_PREFIX = "DATA_ACCESS_";
    static final String TARGET = "data_access_request";
    private static final int MAX_TEXT = 2000;
    private static final int LIST_LIMIT = 200;

    private final DataAccessRows rows;
    private final DatabaseRegister register;
    private final ApprovalRequests approvals;
    private final Grants grants;
    private final Accounts accounts;
    private final OrgDirectory orgs;
    private final AuditLog audit;
    private final Clock clock;

    DataAccessRequests(
            DataAccessRows rows,
            DatabaseRegister register,
            ApprovalRequests approvals,
            Grants grants,
            Accounts accounts,
            OrgDirectory orgs,
            AuditLog audit,
            Clock clock) {
        this.rows = rows;
        this.register = register;
        this.approvals = approvals;
        this.grants = grants;
        this.accounts = accounts;
        this.orgs = orgs;
        this.audit = audit;
        this.clock = clock;
    }

    /** Checks the PL2 form and sends it to the data owner of its database; nothing is kept when refused. */
    @Transactional
    public DataAccessRequestView submit(AccessScope scope, NewDataAccessRequest form) {
        String position = required(form.position(), 200, "dataaccess.position.required");
        String unit = required(form.unit(), 300, "dataaccess.unit.required");
        String phone = form.phone() == null ? "" : form.phone().strip();
        if (!phone.matches("[0-9 +().-]{8,20}")
                || phone.chars().filter(Character::isDigit).count() < 8) {
            throw DomainException.invalid("dataaccess.phone.invalid");
        }
        DataOwner owner = Optional.ofNullable(form.database())
                .flatMap(register::owner)
                .orElseThrow(() -> DomainException.invalid("dataaccess.database.unknown"));
        String purpose = required(form.purpose(), MAX_TEXT, "dataaccess.purpose.required");
        String description = required(form.scopeDescription(), MAX_TEXT, "dataaccess.scope.required");
        if (form.scopeOrgId() == null) {
            throw DomainException.invalid("dataaccess.scope.required");
        }
        OrgSummary scopeOrg = orgs.current(form.scopeOrgId())
                .orElseThrow(() -> DomainException.invalid("dataaccess.scope.orgNotFound"));
        if (form.form() == null) {
            throw DomainException.invalid("dataaccess.form.required");
        }
        LocalDate today = LocalDate.now(clock);
        if (form.periodFrom() == null || form.periodTo() == null) {
            throw DomainException.invalid("dataaccess.period.required");
        }
        if (form.periodTo().isBefore(form.periodFrom()) || form.periodFrom().isBefore(today)) {
            throw DomainException.invalid("dataaccess.period.invalid");
        }
        if (ChronoUnit.DAYS.between(form.periodFrom(), form.periodTo()) >= MAX_PERIOD_DAYS) {
            throw DomainException.invalid("dataaccess.period.tooLong", MAX_PERIOD_DAYS);
        }
        if (!Boolean.TRUE.equals(form.commitment())) {
            throw DomainException.invalid("dataaccess.commitment.required");
        }
        Classification ceiling = form.ceiling() == null ? Classification.UNCLASSIFIED : form.ceiling();
        AccountView requester = accounts.byId(scope.accountId()).orElseThrow();
        OrgSummary ownerOrg = ownerOrganisation(owner);
        Instant now = clock.instant();
        Row row = new Row(
                0,
                null,
                requester.id(),
                requester.identifier(),
                requester.displayName(),
                position,
                unit,
                phone,
                today,
                owner.database(),
                purpose,
                scopeOrg.id(),
                description,
                ceiling,
                form.form(),
                form.periodFrom(),
                form.periodTo(),
                now,
                null,
                null,
                null,
                null,
                null,
                null);
        long id = rows.insert(row, now);
        List<ProposedChange> content = List.of(
                new ProposedChange(
                        "database", "Cơ sở dữ liệu", null, owner.database().label()),
                new ProposedChange("purpose", "Mục đích khai thác, sử dụng", null, purpose),
                new ProposedChange("scope", "Phạm vi dữ liệu", null, scopeOrg.name() + " — " + description),
                new ProposedChange("ceiling", "Độ mật tối đa", null, ceiling.label()),
                new ProposedChange(
                        "form", "Hình thức khai thác", null, form.form().label()),
                new ProposedChange("period", "Thời gian sử dụng", null, form.periodFrom() + " – " + form.periodTo()));
        RequestDetails approval = approvals.submitToDataOwner(
                scope,
                new SubmitRequest(
                        CHAIN_PREFIX + owner.database().name(),
                        ownerOrg.id(),
                        SUBJECT_TYPE,
                        String.valueOf(id),
                        "Phiếu yêu cầu khai thác dữ liệu số " + id + " — " + requester.displayName(),
                        content));
        rows.linkApproval(id, approval.summary().id());
        audit.record(AuditEvent.of(AuditAction.CREATE, TARGET, id)
                .actorIdentifier(scope.identifier())
                .detail("database", owner.database().name())
                .detail("scopeOrgId", scopeOrg.id())
                .detail("ceiling", ceiling.name())
                .detail("form", form.form().name())
                .detail("periodFrom", form.periodFrom().toString())
                .detail("periodTo", form.periodTo().toString())
                .detail("approvalRequestId", approval.summary().id())
                .detail("commitment", "ACCEPTED")
                .build());
        return details(scope, id);
    }

    /**
     * The data owner approves, narrowing the subtree, ceiling or period if they choose; the approval
     * chain completes and the grant is created in the same transaction ({@link #on}).
     */
    @Transactional
    public DataAccessRequestView approve(AccessScope scope, long id, ApprovedScope approved, int version) {
        Row row = visible(scope, id);
        RequestDetails approval = approvals.details(scope, approvalId(row));
        if (!approval.canAct()) {
            // Not the data owner, the requester themself, or already decided: the engine refuses
            // with its own code (approval.step.notYours, .ownRequest, .alreadyActed) before anything changes.
            approvals.act(scope, approvalId(row), StepDecision.APPROVE, approved.opinion(), version);
        }
        long orgId = approved.orgId() == null ? row.scopeOrgId() : approved.orgId();
        OrgSummary org = orgs.current(orgId).orElseThrow(() -> DomainException.invalid("dataaccess.scope.orgNotFound"));
        String requestedPath = orgs.current(row.scopeOrgId())
                .map(OrgSummary::path)
                .orElseThrow(() -> DomainException.invalid("dataaccess.scope.orgNotFound"));
        if (!AccessScope.isWithin(org.path(), requestedPath)) {
            throw DomainException.invalid("dataaccess.approve.scopeWider");
        }
        Classification ceiling = approved.ceiling() == null ? row.ceiling() : approved.ceiling();
        if (!ceiling.atMost(row.ceiling())) {
            throw DomainException.invalid("dataaccess.approve.ceilingHigher");
        }
        LocalDate from = approved.from() == null ? row.periodFrom() : approved.from();
        LocalDate to = approved.to() == null ? row.periodTo() : approved.to();
        if (from.isBefore(row.periodFrom()) || to.isAfter(row.periodTo()) || to.isBefore(from)) {
            throw DomainException.invalid("dataaccess.approve.periodWider");
        }
        if (to.isBefore(LocalDate.now(clock))) {
            throw DomainException.invalid("dataaccess.approve.periodPassed");
        }
        String opinion = approved.opinion() == null || approved.opinion().isBlank()
                ? null
                : approved.opinion().strip();
        if (opinion != null && opinion.length() > MAX_TEXT) {
            throw DomainException.invalid("dataaccess.text.tooLong", MAX_TEXT);
        }
        rows.approved(id, org.id(), ceiling, from, to, opinion);
        audit.record(AuditEvent.of(AuditAction.UPDATE, TARGET, id)
                .actorIdentifier(scope.identifier())
                .detail("action", "APPROVED_SCOPE")
                .change("scopeOrgId", row.scopeOrgId(), org.id())
                .change("ceiling", row.ceiling().name(), ceiling.name())
                .change("periodFrom", row.periodFrom().toString(), from.toString())
                .change("periodTo", row.periodTo().toString(), to.toString())
                .detail("opinion", opinion)
                .build());
        approvals.act(scope, approvalId(row), StepDecision.APPROVE, opinion, version);
        return details(scope, id);
    }

    /** The data owner refuses an unfounded request; the reason is required ({@code approval.comment.required}). */
    @Transactional
    public DataAccessRequestView reject(AccessScope scope, long id, @Nullable String reason, int version) {
        Row row = visible(scope, id);
        approvals.act(scope, approvalId(row), StepDecision.REJECT, reason, version);
        return details(scope, id);
    }

    /**
     * P-AZ-4: the owner's approval completes the chain; in the same transaction the requester gets a
     * read grant on the approved subtree, database and ceiling for the approved period only; for a
     * report extract the grant is aggregate-only (P-AZ-3: statistics, no detail record).
     */
    @EventListener(id = "dataaccess.grant")
    void on(ApprovalCompleted completed) {
        if (!completed.chainCode().startsWith(CHAIN_PREFIX) || !SUBJECT_TYPE.equals(completed.subjectType())) {
            return;
        }
        Row row = rows.byId(Long.parseLong(completed.subjectId())).orElseThrow();
        long orgId = row.approvedOrgId() == null ? row.scopeOrgId() : row.approvedOrgId();
        Classification ceiling = row.approvedCeiling() == null ? row.ceiling() : row.approvedCeiling();
        LocalDate today = LocalDate.now(clock);
        LocalDate from = row.approvedFrom() == null ? row.periodFrom() : row.approvedFrom();
        LocalDate to = row.approvedTo() == null ? row.periodTo() : row.approvedTo();
        if (to.isBefore(today)) {
            throw DomainException.invalid("dataaccess.approve.periodPassed");
        }
        if (row.approvedOrgId() == null) {
            rows.approved(row.id(), orgId, ceiling, from, to, null);
        }
        String purpose = row.form().label() + ": " + row.purpose();
        GrantView grant = grants.grantForApprovedDataAccess(new NewGrant(
                row.requesterAccount(),
                Role.VIEWER,
                orgId,
                Set.of(row.database()),
                ceiling,
                from.isBefore(today) ? today : from,
                to,
                "Phiếu yêu cầu khai thác số " + row.id(),
                purpose.length() > 1000 ? purpose.substring(0, 1000) : purpose,
                // P-AZ-3, P-AZ-4: a report extract needs the statistics of the scope, not its records.
                row.form() == DataAccessForm.REPORT_EXTRACT));
        rows.granted(row.id(), grant.id());
        audit.record(AuditEvent.of(AuditAction.UPDATE, TARGET, row.id())
                .detail("action", "GRANTED")
                .change("grantId", null, grant.id())
                .basis("Phiếu yêu cầu khai thác số " + row.id())
                .build());
    }

    @Transactional(readOnly = true)
    public DataAccessRequestView details(AccessScope scope, long id) {
        return view(scope, visible(scope, id));
    }

    /** The caller's own requests, newest first. */
    @Transactional(readOnly = true)
    public List<DataAccessRequestView> mine(AccessScope scope) {
        return rows.byRequester(scope.accountId(), LIST_LIMIT).stream()
                .map(r -> view(scope, r))
                .toList();
    }

    /** Requests waiting for the caller's decision as data owner. */
    @Transactional(readOnly = true)
    public List<DataAccessRequestView> waitingFor(AccessScope scope) {
        List<Long> ids = new ArrayList<>();
        for (RequestSummary s : approvals.inbox(scope)) {
            if (s.chainCode().startsWith(CHAIN_PREFIX) && SUBJECT_TYPE.equals(s.subjectType())) {
                ids.add(Long.parseLong(s.subjectId()));
            }
        }
        return rows.byIds(ids).stream().map(r -> view(scope, r)).toList();
    }

    /** The organisations a requester may pick as the scope on the page: their home organisation and those above it. */
    public List<OrgSummary> scopeChoices(@Nullable Long homeOrgId) {
        if (homeOrgId == null) {
            return orgs.root().map(List::of).orElse(List.of());
        }
        List<OrgSummary> line = orgs.current(homeOrgId)
                .map(home -> orgs.current(java.util.Arrays.stream(home.path().split("\\."))
                        .map(Long::valueOf)
                        .toList()))
                .map(ArrayList::new)
                .orElseGet(ArrayList::new);
        java.util.Collections.reverse(line);
        return line;
    }

    private DataAccessRequestView view(AccessScope scope, Row row) {
        RequestDetails approval = approvals.details(scope, approvalId(row));
        Map<Long, OrgSummary> names = orgs
                .current(
                        row.approvedOrgId() == null
                                ? List.of(row.scopeOrgId())
                                : List.of(row.scopeOrgId(), row.approvedOrgId()))
                .stream()
                .collect(Collectors.toMap(OrgSummary::id, Function.identity()));
        return new DataAccessRequestView(
                row.id(),
                approvalId(row),
                approval.summary().version(),
                approval.summary().status(),
                row.requesterIdentifier(),
                row.requesterName(),
                row.position(),
                row.unit(),
                row.phone(),
                row.requestedOn(),
                row.database(),
                row.purpose(),
                row.scopeOrgId(),
                Optional.ofNullable(names.get(row.scopeOrgId()))
                        .map(OrgSummary::name)
                        .orElse(null),
                row.scopeDescription(),
                row.ceiling(),
                row.form(),
                row.periodFrom(),
                row.periodTo(),
                row.commitmentAccepted(),
                row.approvedOrgId(),
                row.approvedOrgId() == null
                        ? null
                        : Optional.ofNullable(names.get(row.approvedOrgId()))
                                .map(OrgSummary::name)
                                .orElse(null),
                row.approvedCeiling(),
                row.approvedFrom(),
                row.approvedTo(),
                row.approverOpinion(),
                row.grantId(),
                approval.canAct());
    }

    /** The requester, and whoever sees its approval request (the data owner's staff and leaders). */
    private Row visible(AccessScope scope, long id) {
        return rows.byId(id)
                .filter(r -> r.approvalRequestId() != null)
                .filter(r ->
                        r.requesterAccount() == scope.accountId() || approvals.isVisible(scope, r.approvalRequestId()))
                .orElseThrow(() -> DomainException.notFound("dataaccess.request.notFound"));
    }

    private static long approvalId(Row row) {
        Long id = row.approvalRequestId();
        if (id == null) {
            throw DomainException.notFound("dataaccess.request.notFound");
        }
        return id;
    }

    private OrgSummary ownerOrganisation(DataOwner owner) {
        Optional<OrgSummary> org = owner.ownerOrgId() == null ? orgs.root() : orgs.current(owner.ownerOrgId());
        return org.orElseThrow(() -> DomainException.invalid("dataaccess.database.unknown"));
    }

    private static String required(@Nullable String value, int max, String code) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            throw DomainException.invalid(code);
        }
        if (v.length() > max) {
            throw DomainException.invalid("dataaccess.text.tooLong", max);
        }
        return v;
    }
}
