package vn.partywork.approval;

import java.util.List;

/**
 * A request to start a chain: which chain, on which organisation's behalf, about which record of
 * the owning module ({@code subjectType} and {@code subjectId} are the owning module's names),
 * a title for people, and the proposed field changes (old → new) that the owning module applies on
 * {@link ApprovalCompleted}.
 */
public record SubmitRequest(
        String chainCode,
        long subjectOrgId,
        String subjectType,
        String subjectId,
        String title,
        List<ProposedChange> changes) {

    public SubmitRequest {
        changes = List.copyOf(changes);
    }
}
