package vn.partywork.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.partywork.PartyworkTest;
import vn.partywork.access.AccessScopes;
import vn.partywork.identity.MutableClock;
import vn.partywork.shared.AccessScope;
import vn.partywork.web.PageSession;

/** P-EV-1: the share of steps each unit did on time, inside the reader's scope, on the "Theo dõi" page. */
@PartyworkTest
class ApprovalTimelinessTests {

    static final String HANG_BAC = "Chi bộ Tổ dân phố Hàng Bạc";

    @LocalServerPort
    int port;

    @Autowired
    ApprovalRequests approvals;

    @Autowired
    ApprovalAlerts alerts;

    @Autowired
    AccessScopes scopes;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

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

    UnitTimeliness hangBac(String reader) {
        return alerts.timeliness(scope(reader)).stream()
                .filter(u -> u.orgId() == org(HANG_BAC))
                .findFirst()
                .orElse(new UnitTimeliness(org(HANG_BAC), HANG_BAC, 0, 0));
    }

    RequestDetails submit(String title) {
        return approvals.submit(
                scope("dangvien.demo"),
                new SubmitRequest(
                        "MEMBER_UPDATE",
                        org(HANG_BAC),
                        "test-timeliness",
                        "VU-VAN-NAM",
                        title,
                        List.of(new ProposedChange("phone", "Số điện thoại", "0912 345 678", "0987 654 321"))));
    }

    @Test
    void aStepDoneAfterItsDueDateCountsAsDoneButNotOnTime() {
        UnitTimeliness before = hangBac("hn.tochuc");

        RequestDetails onTime = submit("Đúng hạn");
        approvals.act(
                scope("bithu.demo"),
                onTime.summary().id(),
                StepDecision.APPROVE,
                null,
                onTime.summary().version());
        RequestDetails late = submit("Trễ hạn");
        LocalDate due = late.summary().due().dueOn();
        clock.advance(Duration.ofDays(ChronoUnit.DAYS.between(LocalDate.now(clock), due) + 1));
        approvals.act(
                scope("bithu.demo"),
                late.summary().id(),
                StepDecision.APPROVE,
                null,
                late.summary().version());

        UnitTimeliness after = hangBac("hn.tochuc");
        assertThat(after.stepsDone()).isEqualTo(before.stepsDone() + 2);
        assertThat(after.stepsOnTime()).isEqualTo(before.stepsOnTime() + 1);
        assertThat(after.percentOnTime()).isEqualTo(Math.round(100.0f * after.stepsOnTime() / after.stepsDone()));
        // Hồ Chí Minh City staff do not see Hà Nội units.
        assertThat(alerts.timeliness(scope("hcm.tochuc")))
                .extracting(UnitTimeliness::orgId)
                .doesNotContain(org(HANG_BAC));

        clock.reset();
        String page =
                PageSession.login(port, "hn.tochuc").get("/approvals/monitor").body();
        assertThat(page)
                .contains(
                        "Tỷ lệ xử lý đúng hạn theo đơn vị", "Số bước đã xử lý", HANG_BAC, after.percentOnTime() + "%");
    }
}
