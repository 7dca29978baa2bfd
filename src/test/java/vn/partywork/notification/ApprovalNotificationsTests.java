package vn.partywork.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.partywork.PartyworkTest;
import vn.partywork.access.AccessScopes;
import vn.partywork.approval.ApprovalRequests;
import vn.partywork.approval.RequestDetails;
import vn.partywork.approval.StepDecision;
import vn.partywork.identity.MutableClock;

/**
 * P-WF-1 alerts with the demo accounts' real grants: who hears that a step waits, that a request
 * came back, and the daily "due soon" and "overdue" alerts under a moved clock.
 */
@PartyworkTest
class ApprovalNotificationsTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccessScopes scopes;

    @Autowired
    ApprovalRequests approvals;

    @Autowired
    Notifications notifications;

    @Autowired
    ApprovalNotices notices;

    @Autowired
    MutableClock clock;

    NotificationTestSupport t;

    @BeforeEach
    void setUp() {
        t = new NotificationTestSupport(jdbc, scopes, approvals, notifications, clock);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    List<NotificationKind> kinds(String identifier, long request) {
        return t.about(identifier, request).stream().map(NotificationView::kind).toList();
    }

    @Test
    void aStepThatBecomesCurrentNotifiesWhoMustActThereAndNobodyOutsideTheScope() {
        RequestDetails r = t.submit(t.scope("dangvien.demo"), "Vũ Văn Nam: đổi số điện thoại (thông báo)");
        long id = r.summary().id();

        List<NotificationView> secretary = Eventually.until(() -> t.about("bithu.demo", id), l -> !l.isEmpty());
        assertThat(secretary).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(NotificationKind.STEP_OPENED);
            assertThat(n.title()).isEqualTo("Việc cần xử lý: Vũ Văn Nam: đổi số điện thoại (thông báo)");
            assertThat(n.body())
                    .contains(
                            "Bước 1 – Xác nhận",
                            "Cập nhật thông tin đảng viên",
                            "Chi bộ Tổ dân phố Hàng Bạc",
                            "hạn xử lý");
            assertThat(n.unread()).isTrue();
        });
        // Hồ Chí Minh City staff cannot act on a Hà Nội cell; the Hà Nội and central staff, whose grants
        // also cover the cell, are not bothered while the cell has its own secretary.
        assertThat(t.about("hcm.tochuc", id)).isEmpty();
        assertThat(t.about("hn.tochuc", id)).isEmpty();
        assertThat(t.about("tw.tochuc", id)).isEmpty();
        assertThat(t.about("dangvien.demo", id)).isEmpty();

        // The cell confirms: the ward's committee leader hears of the grassroots step, not the Hà Nội staff.
        approvals.act(
                t.scope("bithu.demo"),
                id,
                StepDecision.APPROVE,
                null,
                r.summary().version());
        assertThat(Eventually.until(() -> kinds("danguy.hoankiem", id), l -> !l.isEmpty()))
                .containsExactly(NotificationKind.STEP_OPENED);
        assertThat(t.about("danguy.hoankiem", id).get(0).body()).contains("Bước 2", "Đảng bộ phường Hoàn Kiếm");
        assertThat(t.about("hn.tochuc", id)).isEmpty();
        assertThat(t.about("hcm.tochuc", id)).isEmpty();
        assertThat(kinds("bithu.demo", id)).containsExactly(NotificationKind.STEP_OPENED);
    }

    @Test
    void theSubmitterHearsThatTheRequestWasReturnedWithTheReasonAndWhenItIsApproved() {
        RequestDetails r = t.submit(t.scope("dangvien.demo"), "Vũ Văn Nam: đổi nơi ở (thông báo)");
        long id = r.summary().id();
        r = approvals.act(
                t.scope("bithu.demo"),
                id,
                StepDecision.RETURN,
                "Thiếu giấy xác nhận nơi ở",
                r.summary().version());

        List<NotificationView> member = Eventually.until(() -> t.about("dangvien.demo", id), l -> !l.isEmpty());
        assertThat(member).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(NotificationKind.REQUEST_RETURNED);
            assertThat(n.title()).isEqualTo("Yêu cầu bị trả lại để chỉnh sửa: Vũ Văn Nam: đổi nơi ở (thông báo)");
            assertThat(n.body()).contains("bước 1", "Lý do: Thiếu giấy xác nhận nơi ở");
        });

        // Resubmitted and passed through every step: the member hears of the approval.
        r = approvals.resubmit(t.scope("dangvien.demo"), id, r.summary().version(), null, "Đã bổ sung");
        r = approvals.act(
                t.scope("bithu.demo"),
                id,
                StepDecision.APPROVE,
                null,
                r.summary().version());
        r = approvals.act(
                t.scope("hn.tochuc"),
                id,
                StepDecision.APPROVE,
                null,
                r.summary().version());
        approvals.act(
                t.scope("hn.tochuc"),
                id,
                StepDecision.APPROVE,
                null,
                r.summary().version());
        assertThat(Eventually.until(() -> kinds("dangvien.demo", id), l -> l.size() == 2))
                .containsExactly(NotificationKind.REQUEST_RETURNED, NotificationKind.REQUEST_COMPLETED);
    }

    @Test
    void theDailyJobRaisesDueSoonAndOverdueOnceEvenWhenRunTwice() {
        RequestDetails r = t.submit(t.scope("dangvien.demo"), "Vũ Văn Nam: đổi số điện thoại (hạn xử lý)");
        long id = r.summary().id();
        LocalDate dueOn = r.summary().due().dueOn();
        Eventually.until(() -> t.about("bithu.demo", id), l -> !l.isEmpty());

        // Today is not due soon yet (5 working days left): nothing for this request.
        notices.raiseDeadlineAlerts();
        assertThat(kinds("bithu.demo", id)).containsExactly(NotificationKind.STEP_OPENED);

        // On the due date: "sắp đến hạn" (due today), once however often the job runs.
        clock.advance(Duration.ofDays(ChronoUnit.DAYS.between(LocalDate.now(clock), dueOn)));
        notices.raiseDeadlineAlerts();
        notices.raiseDeadlineAlerts();
        assertThat(kinds("bithu.demo", id))
                .containsExactly(NotificationKind.STEP_OPENED, NotificationKind.STEP_DUE_SOON);
        assertThat(t.about("bithu.demo", id).get(1).title())
                .isEqualTo("Sắp đến hạn: Vũ Văn Nam: đổi số điện thoại (hạn xử lý)");
        assertThat(t.about("bithu.demo", id).get(1).body()).contains("đến hạn hôm nay");
        assertThat(t.about("danguy.hoankiem", id)).isEmpty();

        // The day after: "quá hạn" for the secretary, and the level above (the ward's committee) is told.
        clock.advance(Duration.ofDays(1));
        notices.raiseDeadlineAlerts();
        notices.raiseDeadlineAlerts();
        assertThat(kinds("bithu.demo", id))
                .containsExactly(
                        NotificationKind.STEP_OPENED, NotificationKind.STEP_DUE_SOON, NotificationKind.STEP_OVERDUE);
        assertThat(t.about("bithu.demo", id).get(2).body()).contains("quá hạn", "Chi bộ Tổ dân phố Hàng Bạc");
        assertThat(kinds("danguy.hoankiem", id)).containsExactly(NotificationKind.STEP_OVERDUE_BELOW);
        assertThat(t.about("danguy.hoankiem", id).get(0).title())
                .isEqualTo("Cấp dưới quá hạn: Vũ Văn Nam: đổi số điện thoại (hạn xử lý)");
        assertThat(t.about("hn.tochuc", id)).isEmpty();
        assertThat(t.about("hcm.tochuc", id)).isEmpty();
        assertThat(t.about("dangvien.demo", id)).isEmpty();

        // Once acted on, the step raises nothing more.
        approvals.act(
                t.scope("bithu.demo"),
                id,
                StepDecision.APPROVE,
                null,
                r.summary().version());
        clock.advance(Duration.ofDays(1));
        notices.raiseDeadlineAlerts();
        assertThat(kinds("bithu.demo", id)).hasSize(3);
    }
}
