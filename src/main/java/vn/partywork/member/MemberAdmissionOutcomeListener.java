package vn.partywork.member;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import vn.partywork.approval.ApprovalStatus;
import vn.partywork.approval.ApprovalStepDecided;
import vn.partywork.approval.ApprovalWithdrawn;

/**
 * M-2: a MEMBER_ADMISSION request that is rejected on any step or withdrawn by its submitter leaves
 * its record NOT_ADMITTED (out of member searches, audited with the request as basis), after the
 * approval's transaction committed, in a transaction of its own. Requests of other chains are
 * ignored (no member has them as admission request).
 */
@Component
class MemberAdmissionOutcomeListener {

    private final MemberRegistry registry;

    MemberAdmissionOutcomeListener(MemberRegistry registry) {
        this.registry = registry;
    }

    @ApplicationModuleListener(id = "member.admission-rejected")
    void on(ApprovalStepDecided event) {
        if (event.outcome() == ApprovalStatus.REJECTED) {
            registry.markNotAdmitted(event.requestId(), "bị từ chối: " + event.comment());
        }
    }

    @ApplicationModuleListener(id = "member.admission-withdrawn")
    void on(ApprovalWithdrawn event) {
        if (MemberRegistry.SUBJECT_ADMISSION.equals(event.subjectType())) {
            registry.markNotAdmitted(event.requestId(), "đã được rút lại");
        }
    }
}
