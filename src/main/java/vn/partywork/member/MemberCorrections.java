package vn.partywork.member;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.partywork.approval.CorrectableField;
import vn.partywork.approval.CorrectableRecord;
import vn.partywork.approval.CorrectableRecords;
import vn.partywork.approval.CorrectionBasis;
import vn.partywork.approval.ProposedChange;
import vn.partywork.member.internal.Members;
import vn.partywork.shared.AccessScope;
import vn.partywork.shared.DomainException;

/**
 * P-WF-3 for member records (seed 002 Đ12.7): a recorded error in approved data of the form is
 * corrected through a correction request with its reason and evidence, approved by the head of the
 * unit that keeps the record (APPROVE over the member's cell or above). Who asks: staff who keep the
 * record (WRITE over its cell), for an active member. Values are the form's canonical ones (dates
 * {@code yyyy-MM-dd}, catalogue codes); the record's own rules check the new values at submission
 * and again when the approval applies them, with the request as the audit basis.
 */
@Component
class MemberCorrections implements CorrectableRecords {

    private final MemberRegistry registry;
    private final Members members;

    MemberCorrections(MemberRegistry registry, Members members) {
        this.registry = registry;
        this.members = members;
    }

    @Override
    public String recordType() {
        return MemberRegistry.TARGET;
    }

    @Override
    public String recordLabel() {
        return "Đảng viên";
    }

    @Override
    public List<CorrectableField> fields() {
        return Arrays.stream(MemberField.values())
                .map(f -> new CorrectableField(f.key(), f.label()))
                .toList();
    }

    @Override
    public Optional<CorrectableRecord> find(AccessScope scope, String recordId) {
        return id(recordId)
                .flatMap(members::byId)
                .filter(row -> registry.visible(scope, row))
                .map(row -> {
                    Map<String, String> values = new LinkedHashMap<>();
                    row.values().forEach((f, v) -> values.put(f.key(), v));
                    return new CorrectableRecord(
                            String.valueOf(row.id()),
                            row.values().getOrDefault(MemberField.FULL_NAME, ""),
                            row.cellId(),
                            values,
                            row.status().active() && registry.mayWrite(scope, row));
                });
    }

    @Override
    public void check(String recordId, List<ProposedChange> changes) {
        long id = id(recordId).orElseThrow(() -> DomainException.notFound("approval.correction.record.notFound"));
        registry.checkCorrection(id, changes);
    }

    @Override
    public void apply(String recordId, List<ProposedChange> changes, CorrectionBasis basis) {
        long id = id(recordId).orElseThrow(vn.partywork.approval.CorrectionRequests::stale);
        registry.applyCorrection(id, changes, basis.text(), basis.requestId(), basis.approvedBy());
    }

    private static Optional<Long> id(String recordId) {
        try {
            return Optional.of(Long.parseLong(recordId.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
