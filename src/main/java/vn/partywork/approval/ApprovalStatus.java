package vn.partywork.approval;

/** Where a request stands. */
public enum ApprovalStatus {
    IN_PROGRESS("Đang xử lý"),
    RETURNED("Trả lại để chỉnh sửa"),
    COMPLETED("Đã phê duyệt"),
    REJECTED("Từ chối"),
    WITHDRAWN("Đã rút");

    private final String label;

    ApprovalStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Bootstrap badge colour of the status. */
    public String badge() {
        return switch (this) {
            case IN_PROGRESS -> "text-bg-primary";
            case RETURNED -> "text-bg-warning";
            case COMPLETED -> "text-bg-success";
            case REJECTED -> "text-bg-danger";
            case WITHDRAWN -> "text-bg-secondary";
        };
    }

    public boolean isOpen() {
        return this == IN_PROGRESS || this == RETURNED;
    }
}
