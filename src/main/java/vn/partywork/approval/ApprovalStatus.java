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

    public boolean isOpen() {
        return this == IN_PROGRESS || this == RETURNED;
    }
}
