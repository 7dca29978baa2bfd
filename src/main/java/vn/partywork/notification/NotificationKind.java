package vn.partywork.notification;

/** Why a notification was raised. */
public enum NotificationKind {
    /** An approval step became current and waits for the recipient. */
    STEP_OPENED("Việc mới"),
    /** A step the recipient may act on is due soon (P-WF-1). */
    STEP_DUE_SOON("Sắp đến hạn"),
    /** A step the recipient may act on is overdue. */
    STEP_OVERDUE("Quá hạn"),
    /** A step of a unit below the recipient is overdue (seed 001 Đ7.2: the upper level monitors the lower). */
    STEP_OVERDUE_BELOW("Cấp dưới quá hạn"),
    /** The recipient's request was returned for revision. */
    REQUEST_RETURNED("Trả lại để chỉnh sửa"),
    /** The recipient's request was rejected. */
    REQUEST_REJECTED("Bị từ chối"),
    /** The recipient's request went through every step. */
    REQUEST_COMPLETED("Đã phê duyệt");

    private final String label;

    NotificationKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Bootstrap badge colour. */
    public String badge() {
        return switch (this) {
            case STEP_OVERDUE, STEP_OVERDUE_BELOW, REQUEST_REJECTED -> "text-bg-danger";
            case STEP_DUE_SOON, REQUEST_RETURNED -> "text-bg-warning";
            case REQUEST_COMPLETED -> "text-bg-success";
            case STEP_OPENED -> "text-bg-primary";
        };
    }
}
