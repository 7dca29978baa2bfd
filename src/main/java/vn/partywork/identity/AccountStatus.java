package vn.partywork.identity;

/** Whether an account may sign in at all (P-ID-5: accounts are revoked, never deleted). */
public enum AccountStatus {
    ACTIVE("Đang hoạt động"),
    DEACTIVATED("Đã vô hiệu hóa");

    private final String label;

    AccountStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
