package vn.partywork.approval.internal;

import org.springframework.stereotype.Component;
import vn.partywork.approval.ApprovalRequests;
import vn.partywork.approval.CorrectionRequests;
import vn.partywork.document.DocumentOwners;
import vn.partywork.shared.AccessScope;

/** Evidence files of a request are seen by whoever sees the request (its submitter, readers, approvers). */
@Component
class RequestEvidence implements DocumentOwners {

    private final ApprovalRequests approvals;

    RequestEvidence(ApprovalRequests approvals) {
        this.approvals = approvals;
    }

    @Override
    public String ownerType() {
        return CorrectionRequests.OWNER_TYPE;
    }

    @Override
    public boolean canRead(AccessScope scope, String ownerId) {
        try {
            return approvals.isVisible(scope, Long.parseLong(ownerId));
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
