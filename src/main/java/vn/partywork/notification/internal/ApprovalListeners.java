package vn.partywork.notification.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import vn.partywork.approval.ApprovalStepDecided;
import vn.partywork.approval.ApprovalStepOpened;
import vn.partywork.notification.ApprovalNotices;

/**
 * Hears the approval engine's events after their transaction committed (asynchronously, each in
 * its own transaction, kept in the event publication registry until handled).
 */
@Component
class ApprovalListeners {

    private final ApprovalNotices notices;

    ApprovalListeners(ApprovalNotices notices) {
        this.notices = notices;
    }

    @ApplicationModuleListener(id = "notification.approvalStepOpened")
    void on(ApprovalStepOpened event) {
        notices.stepOpened(event);
    }

    @ApplicationModuleListener(id = "notification.approvalStepDecided")
    void on(ApprovalStepDecided event) {
        notices.stepDecided(event);
    }
}
