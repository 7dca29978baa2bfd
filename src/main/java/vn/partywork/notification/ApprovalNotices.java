package vn.partywork.notification;

import java.time.format.DateTimeFormatter;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.partywork.approval.ApprovalAlerts;
import vn.partywork.approval.ApprovalStepDecided;
import vn.partywork.approval.ApprovalStepOpened;
import vn.partywork.approval.StepAlert;

/**
 * What the approval engine's events and deadlines mean for people (P-WF-1), in Vietnamese: a step
 * waiting for them, a step due soon or overdue (and, to the level above, overdue below), their
 * request returned, rejected or completed. Dedupe keys name the step and the kind of alert, so
 * every alert is raised once per step however often the daily job runs.
 */
@Service
public class ApprovalNotices {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final Notifications notifications;
    private final ApprovalAlerts alerts;

    ApprovalNotices(Notifications notifications, ApprovalAlerts alerts) {
        this.notifications = notifications;
        this.alerts = alerts;
    }

    /** A step became current: tell who may act on it. */
    @Transactional
    public void stepOpened(ApprovalStepOpened e) {
        String title = "Việc cần xử lý: " + e.title();
        String body = "Bước %d – %s của yêu cầu «%s» đang chờ %s xử lý; hạn xử lý %s."
                .formatted(
                        e.position(), e.actionKind().label(), e.chainName(), e.actingOrgName(), DAY.format(e.dueOn()));
        for (long account : alerts.accountsToAct(e.stepId())) {
            notifications.raise(new NewNotification(
                    account,
                    NotificationKind.STEP_OPENED,
                    title,
                    body,
                    link(e.requestId()),
                    "approval.stepOpened:" + e.stepId()));
        }
    }

    /** A step was decided: tell the submitter when the request came back, ended or went through. */
    @Transactional
    public void stepDecided(ApprovalStepDecided e) {
        String by = e.actingOrgName() == null ? "" : " (" + e.actingOrgName() + ")";
        NewNotification n = switch (e.outcome()) {
            case RETURNED ->
                notice(
                        e,
                        NotificationKind.REQUEST_RETURNED,
                        "Yêu cầu bị trả lại để chỉnh sửa: " + e.title(),
                        "Yêu cầu «%s» bị trả lại ở bước %d%s.%s Hãy chỉnh sửa và gửi lại."
                                .formatted(e.chainName(), e.position(), by, reason(e.comment())));
            case REJECTED ->
                notice(
                        e,
                        NotificationKind.REQUEST_REJECTED,
                        "Yêu cầu bị từ chối: " + e.title(),
                        "Yêu cầu «%s» bị từ chối ở bước %d%s.%s"
                                .formatted(e.chainName(), e.position(), by, reason(e.comment())));
            case COMPLETED ->
                notice(
                        e,
                        NotificationKind.REQUEST_COMPLETED,
                        "Yêu cầu đã được phê duyệt: " + e.title(),
                        "Yêu cầu «%s» đã được phê duyệt ở bước cuối%s.".formatted(e.chainName(), by));
            default -> null;
        };
        if (n != null) {
            notifications.raise(n);
        }
    }

    /**
     * The daily alerts (P-WF-1): every open step due soon or overdue today, to who may act on it,
     * and when overdue to the readers of the level above. Returns how many notifications were new.
     */
    @Transactional
    public int raiseDeadlineAlerts() {
        int raised = 0;
        for (StepAlert a : alerts.alertsDue()) {
            String step =
                    "Bước %d – %s tại %s".formatted(a.position(), a.actionKind().label(), a.actingOrgName());
            String due = DAY.format(a.due().dueOn());
            if (a.due().overdue()) {
                raised += raise(
                        a.actors(),
                        NotificationKind.STEP_OVERDUE,
                        "Quá hạn: " + a.title(),
                        "%s của yêu cầu «%s» %s (hạn xử lý %s)."
                                .formatted(step, a.chainName(), a.due().label(), due),
                        a.requestId(),
                        "approval.overdue:" + a.stepId());
                raised += raise(
                        a.overseers(),
                        NotificationKind.STEP_OVERDUE_BELOW,
                        "Cấp dưới quá hạn: " + a.title(),
                        "%s của yêu cầu «%s» chưa được xử lý, %s (hạn xử lý %s)."
                                .formatted(step, a.chainName(), a.due().label(), due),
                        a.requestId(),
                        "approval.overdueBelow:" + a.stepId());
            } else {
                raised += raise(
                        a.actors(),
                        NotificationKind.STEP_DUE_SOON,
                        "Sắp đến hạn: " + a.title(),
                        "%s của yêu cầu «%s» %s (hạn xử lý %s)."
                                .formatted(step, a.chainName(), a.due().label(), due),
                        a.requestId(),
                        "approval.dueSoon:" + a.stepId());
            }
        }
        return raised;
    }

    private int raise(List<Long> accounts, NotificationKind kind, String title, String body, long request, String key) {
        int raised = 0;
        for (long account : accounts) {
            if (notifications
                    .raise(new NewNotification(account, kind, title, body, link(request), key))
                    .isPresent()) {
                raised++;
            }
        }
        return raised;
    }

    private static NewNotification notice(ApprovalStepDecided e, NotificationKind kind, String title, String body) {
        return new NewNotification(
                e.submitterAccountId(),
                kind,
                title,
                body,
                link(e.requestId()),
                "approval.decided:" + e.requestId() + ":" + e.version());
    }

    private static String reason(@Nullable String comment) {
        return comment == null ? "" : " Lý do: " + comment;
    }

    private static String link(long requestId) {
        return "/approvals/" + requestId;
    }
}
