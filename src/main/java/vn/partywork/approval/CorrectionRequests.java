package vn.partywork.approval;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
import vn.partywork.approval.SubmitCorrection.Evidence;
import vn.partywork.approval.SubmitCorrection.FieldCorrection;
import vn.partywork.approval.internal.ApprovalStore;
import vn.partywork.approval.internal.CorrectionStore;
import vn.partywork.audit.AuditAction;
import vn.partywork.audit.AuditEvent;
import vn.partywork.audit.AuditLog;
import vn.partywork.document.Documents;
import vn.partywork.document.NewDocument;
import vn.partywork.shared.AccessScope;
import vn.partywork.shared.Classification;
import vn.partywork.shared.DomainException;

/**
 * Correction requests (P-WF-3, seed 002 Đ12.7): changing data that was already approved needs a
 * request listing each field old → new, the reason and evidence, approved by the head of the unit;
 * the owning module then applies it with the request as its audit basis. Records plug in through
 * {@link CorrectableRecords}.
 *
 * <p>Submission is refused without a reason ({@code approval.correction.reason.required}), without
 * evidence ({@code approval.correction.evidence.required}), for an unknown record type or field
 * ({@code approval.correction.type.unknown}, {@code approval.correction.field.unknown}), when no
 * field changes ({@code approval.correction.unchanged}), when an old value is not the record's
 * current value ({@code approval.correction.stale}), and by the owning module's own checks; nothing
 * is kept then (one transaction, files included).
 */
@Service
public class CorrectionRequests {

    /** The chain of correction requests: one APPROVE step, APPROVE holders only, at the owning organisation. */
    public static final String CHAIN = "DATA_CORRECTION";
    /** Evidence files are documents owned by the approval request. */
    public static final String OWNER_TYPE = "approval_request";

    public static final int MAX_REASON = 2000;
    public static final int MAX_EVIDENCE = 5;
    static final String TARGET = "correction_request";

    private final ApprovalRequests approvals;
    private final ApprovalStore requests;
    private final CorrectionStore store;
    private final Documents documents;
    private final AuditLog audit;
    private final Map<String, CorrectableRecords> records;

    CorrectionRequests(
            ApprovalRequests approvals,
            ApprovalStore requests,
            CorrectionStore store,
            Documents documents,
            AuditLog audit,
            List<CorrectableRecords> records) {
        this.approvals = approvals;
        this.requests = requests;
        this.store = store;
        this.documents = documents;
        this.audit = audit;
        this.records = records.stream()
                .collect(Collectors.toUnmodifiableMap(CorrectableRecords::recordType, Function.identity()));
    }

    /** The refusal an implementation of {@link CorrectableRecords#apply} throws when an old value no longer matches. */
    public static DomainException stale() {
        return DomainException.conflict("approval.correction.stale");
    }

    /** The form for a record the caller may ask to correct. */
    @Transactional(readOnly = true)
    public CorrectionForm form(AccessScope scope, String recordType, String recordId) {
        CorrectableRecords type = type(recordType);
        CorrectableRecord record = requestable(scope, type, recordId);
        return new CorrectionForm(type.recordType(), type.recordLabel(), record, type.fields());
    }

    /** Files a correction request; see the class comment for what is refused. */
    @Transactional
    public RequestDetails submit(AccessScope scope, SubmitCorrection command) {
        CorrectableRecords type = type(command.recordType());
        String reason = reason(command.reason());
        List<Evidence> evidence = command.evidence();
        if (evidence.isEmpty()) {
            throw DomainException.invalid("approval.correction.evidence.required");
        }
        if (evidence.size() > MAX_EVIDENCE) {
            throw DomainException.invalid("approval.correction.evidence.tooMany", MAX_EVIDENCE);
        }
        CorrectableRecord record = requestable(scope, type, command.recordId());
        List<ProposedChange> changes = changes(type, record, command.changes());
        type.check(record.recordId(), changes);
        String title = "Đính chính " + type.recordLabel().toLowerCase(java.util.Locale.forLanguageTag("vi")) + ": "
                + record.title();
        RequestDetails request = approvals.start(
                scope,
                new SubmitRequest(
                        CHAIN,
                        record.owningOrgId(),
                        type.recordType(),
                        record.recordId(),
                        title.length() > ApprovalRequests.MAX_TITLE
                                ? title.substring(0, ApprovalRequests.MAX_TITLE - 1) + "…"
                                : title,
                        changes));
        long id = request.summary().id();
        store.insert(id, type.recordType(), record.recordId(), reason);
        List<Long> files = new ArrayList<>();
        for (Evidence e : evidence) {
            files.add(documents
                    .store(
                            scope,
                            new NewDocument(
                                    OWNER_TYPE, String.valueOf(id), e.name(), e.content(), Classification.UNCLASSIFIED))
                    .id());
        }
        audit.record(AuditEvent.of(AuditAction.CREATE, TARGET, id)
                .actorIdentifier(scope.identifier())
                .detail("recordType", type.recordType())
                .detail("recordId", record.recordId())
                .detail("reason", reason)
                .detail("evidence", files)
                .build());
        return request;
    }

    /** The reason and evidence of a correction request the caller may see; empty for other requests. */
    @Transactional(readOnly = true)
    public Optional<CorrectionDetails> details(AccessScope scope, long requestId) {
        return store.byRequest(requestId)
                .filter(c -> approvals.isVisible(scope, requestId))
                .map(c -> new CorrectionDetails(
                        requestId,
                        c.recordType(),
                        c.recordId(),
                        c.reason(),
                        documents.attachedTo(scope, OWNER_TYPE, String.valueOf(requestId))));
    }

    /**
     * P-WF-3: the head of the unit approved; the owning module applies the change now, inside the
     * approving transaction (a plain, synchronous listener: a refusal such as a stale old value
     * propagates to {@code ApprovalRequests.act} and rolls the approval back). See the package comment.
     */
    @EventListener(id = "approval.correction.apply")
    void on(ApprovalCompleted event) {
        if (!CHAIN.equals(event.chainCode())) {
            return;
        }
        CorrectionStore.Correction correction = store.byRequest(event.requestId())
                .orElseThrow(() -> new IllegalStateException("correction request " + event.requestId()));
        String submittedBy = requests.byId(event.requestId())
                .map(ApprovalStore.RequestRow::submittedBy)
                .orElseThrow();
        String approvedBy = store.lastApprover(event.requestId()).orElseThrow();
        type(event.subjectType())
                .apply(
                        event.subjectId(),
                        event.payload(),
                        new CorrectionBasis(event.requestId(), correction.reason(), submittedBy, approvedBy));
    }

    private CorrectableRecords type(String recordType) {
        CorrectableRecords type = records.get(recordType);
        if (type == null) {
            throw DomainException.invalid("approval.correction.type.unknown", recordType);
        }
        return type;
    }

    private static CorrectableRecord requestable(AccessScope scope, CorrectableRecords type, String recordId) {
        CorrectableRecord record = type.find(scope, recordId)
                .orElseThrow(() -> DomainException.notFound("approval.correction.record.notFound"));
        if (!record.mayRequest()) {
            throw DomainException.forbidden("approval.correction.forbidden");
        }
        return record;
    }

    private static String reason(@Nullable String raw) {
        String reason = raw == null ? "" : raw.strip();
        if (reason.isEmpty()) {
            throw DomainException.invalid("approval.correction.reason.required");
        }
        if (reason.length() > MAX_REASON) {
            throw DomainException.invalid("approval.correction.reason.tooLong", MAX_REASON);
        }
        return reason;
    }

    /**
     * The changes as the request will carry them: known fields only, each once; entries whose new
     * value equals the old are dropped; each old value must be the record's current one.
     */
    private static List<ProposedChange> changes(
            CorrectableRecords type, CorrectableRecord record, List<FieldCorrection> proposed) {
        Map<String, CorrectableField> fields = new LinkedHashMap<>();
        type.fields().forEach(f -> fields.put(f.field(), f));
        Set<String> seen = new HashSet<>();
        List<ProposedChange> changes = new ArrayList<>();
        for (FieldCorrection c : proposed) {
            CorrectableField field = c == null ? null : fields.get(c.field());
            if (field == null) {
                throw DomainException.invalid(
                        "approval.correction.field.unknown", c == null ? "" : String.valueOf(c.field()));
            }
            if (!seen.add(field.field())) {
                throw DomainException.invalid("approval.changes.invalid");
            }
            String oldValue = text(c.oldValue());
            String newValue = text(c.newValue());
            if (newValue.length() > ApprovalRequests.MAX_VALUE) {
                throw DomainException.invalid("approval.changes.tooLong", ApprovalRequests.MAX_VALUE);
            }
            if (newValue.equals(oldValue)) {
                continue;
            }
            if (!oldValue.equals(record.value(field.field()))) {
                throw stale();
            }
            changes.add(new ProposedChange(field.field(), field.label(), oldValue, newValue));
        }
        if (changes.isEmpty()) {
            throw DomainException.invalid("approval.correction.unchanged");
        }
        return changes;
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value.strip();
    }
}
