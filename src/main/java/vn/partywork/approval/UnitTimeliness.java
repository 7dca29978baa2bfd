package vn.partywork.approval;

/** P-EV-1: how many steps an acting organisation acted on, and how many of them by their due date. */
public record UnitTimeliness(long orgId, String orgName, long stepsDone, long stepsOnTime) {

    /** Share of steps done on time, in whole per cent (0 when nothing was done). */
    public int percentOnTime() {
        return stepsDone == 0 ? 0 : (int) Math.round(100.0 * stepsOnTime / stepsDone);
    }
}
