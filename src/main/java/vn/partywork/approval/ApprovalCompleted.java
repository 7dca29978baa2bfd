package vn.partywork.approval;

import java.util.List;

/**
 * The last step of a request was approved: the owning module of {@code subjectType} applies the
 * proposed changes to {@code subjectId}. Published inside the approving transaction.
 */
public record ApprovalCompleted(
        long requestId, String chainCode, String subjectType, String subjectId, List<ProposedChange> payload) {

    public ApprovalCompleted {
        payload = List.copyOf(payload);
    }
}
