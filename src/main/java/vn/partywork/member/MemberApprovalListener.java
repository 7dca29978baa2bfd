package vn.partywork.member;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import vn.partywork.approval.ApprovalCompleted;

/**
 * P-WF-1: applies a completed MEMBER_UPDATE or MEMBER_ADMISSION to the member it concerns, after
 * the approving transaction committed, in a transaction of its own (the event publication registry
 * retries it if it fails). The approval request is the audit basis.
 */
@Component
class MemberApprovalListener {

    private final MemberRegistry registry;

    MemberApprovalListener(MemberRegistry registry) {
        this.registry = registry;
    }

    @ApplicationModuleListener(id = "member.approval-completed")
    void on(ApprovalCompleted event) {
        if (MemberRegistry.SUBJECT_UPDATE.equals(event.subjectType())
                && MemberRegistry.CHAIN_UPDATE.equals(event.chainCode())) {
            registry.applyUpdate(event.requestId(), Long.parseLong(event.subjectId()), event.payload());
        } else if (MemberRegistry.SUBJECT_ADMISSION.equals(event.subjectType())
                && MemberRegistry.CHAIN_ADMISSION.equals(event.chainCode())) {
            registry.applyAdmission(event.requestId(), Long.parseLong(event.subjectId()));
        }
    }
}
