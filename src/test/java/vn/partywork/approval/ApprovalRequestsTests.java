package vn.partywork.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.partywork.PartyworkTest;
import vn.partywork.access.AccessScopes;
import vn.partywork.calendar.WorkingDayCalendar;
import vn.partywork.identity.MutableClock;
import vn.partywork.shared.AccessScope;
import vn.partywork.shared.DomainException;

/**
 * P-WF-1 through the module's API with the demo accounts' real scopes: a member of Chi bộ Tổ dân
 * phố Hàng Bạc declares, the cell secretary confirms, the Hà Nội organisation staff act at the
 * grassroots (Đảng bộ phường Hoàn Kiếm) and upper (Đảng bộ Thành phố Hà Nội) steps.
 */
@PartyworkTest
class ApprovalRequestsTests {

    static final String HANG_BAC = "Chi bộ Tổ dân phố Hàng Bạc";

    @Autowired
    ApprovalRequests approvals;

    @Autowired
    AccessScopes scopes;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    WorkingDayCalendar calendar;

    @Autowired
    CompletedEvents completed;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    AccessScope scope(String identifier) {
        long id = jdbc.sql("SELECT id FROM identity.account WHERE identifier = :i")
                .param("i", identifier)
                .query(Long.class)
                .single();
        return scopes.forAccount(id, LocalDate.now(clock));
    }

    long org(String name) {
        return jdbc.sql("SELECT org_id FROM org.current_organisation WHERE name = :n")
                .param("n", name)
                .query(Long.class)
                .single();
    }

    RequestDetails submit() {
        return approvals.submit(
                scope("dangvien.demo"),
                new SubmitRequest(
                        "MEMBER_UPDATE",
                        org(HANG_BAC),
                        "test-member-update",
                        "VU-VAN-NAM",
                        "Vũ Văn Nam: đổi số điện thoại",
                        List.of(new ProposedChange("phone", "Số điện thoại", "0912 345 678", "0987 654 321"))));
    }

    @Test
    void aRequestGoesThroughEveryStepWithAReturnForRevisionAndAResubmit() {
        RequestDetails r = submit();
        long id = r.summary().id();
        assertThat(r.summary().status()).isEqualTo(ApprovalStatus.IN_PROGRESS);
        assertThat(r.summary().actingOrgName()).isEqualTo(HANG_BAC);
        assertThat(r.summary().currentAction()).isEqualTo(ActionKind.CONFIRM);
        assertThat(r.steps())
                .extracting(ChainStep::actionKind)
                .containsExactly(ActionKind.CONFIRM, ActionKind.SIGN, ActionKind.APPROVE);

        r = approvals.act(
                scope("bithu.demo"), id, StepDecision.APPROVE, null, r.summary().version());
        assertThat(r.summary().currentPosition()).isEqualTo(2);
        assertThat(r.summary().actingOrgName()).isEqualTo("Đảng bộ phường Hoàn Kiếm");

        AccessScope staff = scope("hn.tochuc");
        int v = r.summary().version();
        assertThatThrownBy(() -> approvals.act(staff, id, StepDecision.RETURN, "  ", v))
                .hasFieldOrPropertyWithValue("code", "approval.comment.required");
        r = approvals.act(staff, id, StepDecision.RETURN, "Thiếu số điện thoại bàn", v);
        assertThat(r.summary().status()).isEqualTo(ApprovalStatus.RETURNED);
        assertThat(r.canResubmit()).isFalse();
        assertThat(approvals.details(scope("dangvien.demo"), id).canResubmit()).isTrue();

        r = approvals.resubmit(
                scope("dangvien.demo"),
                id,
                r.summary().version(),
                List.of(new ProposedChange("phone", "Số điện thoại", "0912 345 678", "0987 654 322")),
                "Đã sửa");
        assertThat(r.summary().status()).isEqualTo(ApprovalStatus.IN_PROGRESS);
        assertThat(r.summary().currentPosition()).isEqualTo(1);
        assertThat(r.changes()).extracting(ProposedChange::newValue).containsExactly("0987 654 322");

        r = approvals.act(
                scope("bithu.demo"),
                id,
                StepDecision.APPROVE,
                "Chi bộ xác nhận",
                r.summary().version());
        r = approvals.act(staff, id, StepDecision.APPROVE, null, r.summary().version());
        assertThat(r.summary().actingOrgName()).isEqualTo("Đảng bộ Thành phố Hà Nội");
        assertThat(completed.of(id)).isEmpty();
        r = approvals.act(
                staff, id, StepDecision.APPROVE, "Phê duyệt", r.summary().version());

        assertThat(r.summary().status()).isEqualTo(ApprovalStatus.COMPLETED);
        assertThat(r.summary().currentPosition()).isNull();
        assertThat(r.trail())
                .extracting(TrailEntry::action)
                .containsExactly("SUBMIT", "APPROVE", "RETURN", "RESUBMIT", "APPROVE", "APPROVE", "APPROVE");
        assertThat(r.trail().get(2).comment()).isEqualTo("Thiếu số điện thoại bàn");
        assertThat(r.trail().get(2).actor()).isEqualTo("hn.tochuc");
        assertThat(r.trail().get(2).actorName()).isEqualTo("Nguyễn Thị Thu Hà");

        assertThat(completed.of(id)).singleElement().satisfies(e -> {
            assertThat(e.chainCode()).isEqualTo("MEMBER_UPDATE");
            assertThat(e.subjectType()).isEqualTo("test-member-update");
            assertThat(e.subjectId()).isEqualTo("VU-VAN-NAM");
            assertThat(e.payload())
                    .containsExactly(new ProposedChange("phone", "Số điện thoại", "0912 345 678", "0987 654 322"));
        });
        // ARCHITECTURE rule 2: every action is in the audit log with the request as target.
        assertThat(jdbc.sql("""
                SELECT action || ':' || coalesce(actor_identifier, '') FROM audit.event
                 WHERE target_type = 'approval_request' AND target_id = :id ORDER BY seq""")
                        .param("id", String.valueOf(id))
                        .query(String.class)
                        .list())
                .containsExactly(
                        "CREATE:dangvien.demo",
                        "APPROVE:bithu.demo",
                        "RETURN:hn.tochuc",
                        "UPDATE:dangvien.demo",
                        "APPROVE:bithu.demo",
                        "APPROVE:hn.tochuc",
                        "APPROVE:hn.tochuc");
        // P-EV-1: the published timeliness view counts the steps each unit acted on and those in time.
        assertThat(jdbc.sql("""
                SELECT steps_done >= 2 AND steps_on_time >= 2 FROM approval.step_timeliness WHERE acting_org_id = :org""")
                        .param("org", org(HANG_BAC))
                        .query(Boolean.class)
                        .single())
                .isTrue();
        // Acting after completion is a conflict, not a second completion.
        int done = r.summary().version();
        assertThatThrownBy(() -> approvals.act(staff, id, StepDecision.APPROVE, null, done))
                .hasFieldOrPropertyWithValue("code", "approval.step.alreadyActed");
        assertThat(completed.of(id)).hasSize(1);
    }

    @Test
    void callersOutsideTheStepAreRefused() {
        RequestDetails r = submit();
        long id = r.summary().id();
        int v = r.summary().version();
        assertThatThrownBy(() -> approvals.act(scope("hcm.tochuc"), id, StepDecision.APPROVE, null, v))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo("approval.request.notFound");
                    assertThat(e.kind()).isEqualTo(DomainException.Kind.NOT_FOUND);
                });
        assertThatThrownBy(() -> approvals.details(scope("admin"), id))
                .hasFieldOrPropertyWithValue("code", "approval.request.notFound");
        assertThatThrownBy(() -> approvals.act(scope("admin"), id, StepDecision.APPROVE, null, v))
                .hasFieldOrPropertyWithValue("code", "approval.request.notFound");
        // The member sees his own request but confirms nothing.
        assertThat(approvals.details(scope("dangvien.demo"), id).canAct()).isFalse();
        assertThatThrownBy(() -> approvals.act(scope("dangvien.demo"), id, StepDecision.APPROVE, null, v))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo("approval.step.notYours");
                    assertThat(e.kind()).isEqualTo(DomainException.Kind.FORBIDDEN);
                });
        // Only the submitter withdraws.
        assertThatThrownBy(() -> approvals.withdraw(scope("bithu.demo"), id, v, null))
                .hasFieldOrPropertyWithValue("code", "approval.request.notSubmitter");
        assertThat(approvals.inbox(scope("hcm.tochuc")))
                .extracting(RequestSummary::id)
                .doesNotContain(id);
        assertThat(approvals.inbox(scope("bithu.demo")))
                .extracting(RequestSummary::id)
                .contains(id);
        RequestDetails withdrawn = approvals.withdraw(scope("dangvien.demo"), id, v, "Gửi nhầm");
        assertThat(withdrawn.summary().status()).isEqualTo(ApprovalStatus.WITHDRAWN);
        assertThat(approvals.inbox(scope("bithu.demo")))
                .extracting(RequestSummary::id)
                .doesNotContain(id);
        assertThat(approvals.submitted(scope("dangvien.demo")))
                .extracting(RequestSummary::id)
                .contains(id);
    }

    @Test
    void ofTwoConcurrentApprovalsExactlyOneWins() throws Exception {
        RequestDetails r = submit();
        long id = r.summary().id();
        int v = r.summary().version();
        AccessScope secretary = scope("bithu.demo");
        CountDownLatch start = new CountDownLatch(1);
        Callable<String> approve = () -> {
            start.await();
            try {
                approvals.act(secretary, id, StepDecision.APPROVE, null, v);
                return "ok";
            } catch (DomainException e) {
                return e.code();
            }
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<String>> results = new ArrayList<>();
            results.add(pool.submit(approve));
            results.add(pool.submit(approve));
            start.countDown();
            List<String> outcomes = new ArrayList<>();
            for (Future<String> f : results) {
                outcomes.add(f.get());
            }
            assertThat(outcomes).containsExactlyInAnyOrder("ok", "approval.step.alreadyActed");
        } finally {
            pool.shutdownNow();
        }
        RequestDetails after = approvals.details(secretary, id);
        assertThat(after.summary().currentPosition()).isEqualTo(2);
        assertThat(after.trail()).extracting(TrailEntry::action).containsExactly("SUBMIT", "APPROVE");
        assertThat(jdbc.sql("SELECT count(*) FROM approval.request_step WHERE request_id = :id")
                        .param("id", id)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void stepsAreDueInWorkingDaysAndShowAsOverdueOnceThePassed() {
        RequestDetails r = submit();
        long id = r.summary().id();
        LocalDate today = LocalDate.now(clock);
        Due due = r.summary().due();
        assertThat(due.dueOn()).isEqualTo(calendar.addWorkingDays(today, 5));
        assertThat(due.label()).isEqualTo("còn 5 ngày làm việc");
        assertThat(due.overdue()).isFalse();
        assertThat(approvals.overdue(scope("hn.tochuc")))
                .extracting(RequestSummary::id)
                .doesNotContain(id);

        clock.advance(Duration.ofDays(java.time.temporal.ChronoUnit.DAYS.between(today, due.dueOn())));
        Due onTheDay = approvals.details(scope("bithu.demo"), id).summary().due();
        assertThat(onTheDay.label()).isEqualTo("đến hạn hôm nay");
        assertThat(onTheDay.dueSoon()).isTrue();

        LocalDate later = calendar.addWorkingDays(due.dueOn(), 3);
        clock.reset();
        clock.advance(Duration.ofDays(java.time.temporal.ChronoUnit.DAYS.between(today, later)));
        Due overdue = approvals.inbox(scope("bithu.demo")).stream()
                .filter(s -> s.id() == id)
                .findFirst()
                .orElseThrow()
                .due();
        assertThat(overdue.overdue()).isTrue();
        assertThat(overdue.label()).isEqualTo("quá hạn 3 ngày làm việc");
        assertThat(approvals.overdue(scope("hn.tochuc")))
                .extracting(RequestSummary::id)
                .contains(id);
        assertThat(approvals.overdue(scope("hcm.tochuc")))
                .extracting(RequestSummary::id)
                .doesNotContain(id);
    }
}
