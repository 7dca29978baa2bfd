package vn.partywork.approval;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.partywork.access.AccessScopes;
import vn.partywork.approval.internal.AlertStore;
import vn.partywork.approval.internal.AlertStore.OpenStep;
import vn.partywork.calendar.WorkingDayCalendar;
import vn.partywork.shared.AccessScope;
import vn.partywork.shared.Database;
import vn.partywork.shared.Permission;

/**
 * Read-only questions the alerts ask of the approval engine (P-WF-1) and the timeliness figures
 * (P-EV-1).
 *
 * <p><b>Whom to alert.</b> Of everybody who may act on a step ({@link ApprovalRequests#mayAct}),
 * the holders of APPROVE or WRITE at the nearest level: a grant on the acting organisation itself,
 * else on its parent, and so on (see {@link AccessScopes#nearestHolders}). So the cell secretary
 * hears of the cell step, the province's organisation staff of a grassroots step where nobody
 * holds a grant at the grassroots committee, and the central staff, whose grant also covers every
 * cell, only where nobody below them holds one. When a step is overdue, the readers (READ on the
 * chain's database) nearest to the parent of the acting organisation are alerted as well, except
 * those who are alerted as actors.
 */
@Service
@Transactional(readOnly = true)
public class ApprovalAlerts {

    private static final int TIMELINESS_LIMIT = 500;
    private static final int BATCH = 500;
    private static final Set<Permission> ACT = EnumSet.of(Permission.APPROVE, Permission.WRITE);

    private final AlertStore store;
    private final AccessScopes scopes;
    private final ApprovalRequests approvals;
    private final WorkingDayCalendar calendar;
    private final ApprovalSettings settings;
    private final Clock clock;

    ApprovalAlerts(
            AlertStore store,
            AccessScopes scopes,
            ApprovalRequests approvals,
            WorkingDayCalendar calendar,
            ApprovalSettings settings,
            Clock clock) {
        this.store = store;
        this.scopes = scopes;
        this.approvals = approvals;
        this.calendar = calendar;
        this.settings = settings;
        this.clock = clock;
    }

    /** The accounts to tell that a step waits for them; empty when the step is no longer open. */
    public List<Long> accountsToAct(long stepId) {
        return store.openStep(stepId).map(this::actors).orElse(List.of());
    }

    /** Open steps that are due soon or overdue today (read in batches of step ids), with whom to alert. */
    public List<StepAlert> alertsDue() {
        LocalDate today = LocalDate.now(clock);
        // P-WF-1: due soon = at most dueSoonWorkingDays working days left; steps due later are not read.
        LocalDate lastDay = calendar.addWorkingDays(today, Math.max(settings.dueSoonWorkingDays(), 0));
        List<StepAlert> alerts = new ArrayList<>();
        long after = 0;
        List<OpenStep> batch;
        do {
            batch = store.openStepsDueBy(lastDay, after, BATCH);
            for (OpenStep step : batch) {
                after = step.stepId();
                Due due = approvals.due(step.dueOn());
                if (due == null || step.actingPath() == null || !(due.dueSoon() || due.overdue())) {
                    continue;
                }
                List<Long> actors = actors(step);
                List<Long> overseers = due.overdue() ? overseers(step, actors) : List.of();
                alerts.add(new StepAlert(
                        step.stepId(),
                        step.requestId(),
                        step.chainName(),
                        step.title(),
                        step.position(),
                        step.actionKind(),
                        step.actingOrgName() == null ? "" : step.actingOrgName(),
                        due,
                        actors,
                        overseers));
            }
        } while (batch.size() == BATCH);
        return alerts;
    }

    /**
     * P-EV-1: per acting organisation inside the caller's readable scope (any database), the steps
     * acted on and how many by their due date, in tree order.
     */
    public List<UnitTimeliness> timeliness(AccessScope scope) {
        Set<String> paths = new LinkedHashSet<>();
        for (Database db : Database.values()) {
            paths.addAll(scope.readablePaths(db));
        }
        return store.timelinessWithin(List.copyOf(paths), TIMELINESS_LIMIT).stream()
                .map(t -> new UnitTimeliness(t.orgId(), t.orgName(), t.stepsDone(), t.stepsOnTime()))
                .toList();
    }

    private List<Long> actors(OpenStep step) {
        if (step.actingPath() == null) {
            return List.of();
        }
        // P-WF-1 / P-WF-3: only who may act — APPROVE alone on a head-of-unit step — and never the
        // submitter, who may not act on their own request.
        Set<Permission> may =
                step.actingPermission() == ActingPermission.APPROVE ? EnumSet.of(Permission.APPROVE) : ACT;
        return scopes.nearestHolders(step.database(), step.actingPath(), may, LocalDate.now(clock)).stream()
                .filter(id -> id != step.submittedByAccount())
                .toList();
    }

    private List<Long> overseers(OpenStep step, List<Long> actors) {
        String path = step.actingPath();
        int dot = path == null ? -1 : path.lastIndexOf('.');
        if (dot < 0) {
            return List.of(); // the root has no level above it
        }
        return scopes
                .nearestHolders(
                        step.database(), path.substring(0, dot), EnumSet.of(Permission.READ), LocalDate.now(clock))
                .stream()
                .filter(id -> !actors.contains(id))
                .toList();
    }
}
