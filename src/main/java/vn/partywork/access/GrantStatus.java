package vn.partywork.access;

/** Where a grant stands on a given day. */
public enum GrantStatus {
    PENDING("Chưa đến hiệu lực"),
    ACTIVE("Đang hiệu lực"),
    EXPIRED("Hết hiệu lực"),
    REVOKED("Đã thu hồi");

    private final String label;

    GrantStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
