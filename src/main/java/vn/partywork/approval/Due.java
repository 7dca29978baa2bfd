package vn.partywork.approval;

import java.time.LocalDate;

/**
 * How an open step stands against its due date, in working days (P-WF-1 alerts before and after
 * the deadline). {@code workingDaysLeft} is negative when overdue.
 */
public record Due(LocalDate dueOn, int workingDaysLeft, boolean overdue, boolean dueSoon) {

    /** "còn 2 ngày làm việc", "đến hạn hôm nay", "quá hạn 3 ngày làm việc". */
    public String label() {
        if (overdue) {
            return workingDaysLeft < 0 ? "quá hạn " + -workingDaysLeft + " ngày làm việc" : "đã quá hạn";
        }
        return workingDaysLeft == 0 ? "đến hạn hôm nay" : "còn " + workingDaysLeft + " ngày làm việc";
    }

    /** Bootstrap badge colour. */
    public String badge() {
        return overdue ? "text-bg-danger" : dueSoon ? "text-bg-warning" : "text-bg-success";
    }
}
