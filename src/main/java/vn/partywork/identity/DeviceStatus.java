package vn.partywork.identity;

/** P-ID-7: where a registered device stands. */
public enum DeviceStatus {
    /** Registered; waits for its holder to activate it on the device with the one-time code. */
    PENDING("Chờ kích hoạt"),
    ACTIVE("Đang được phép"),
    /** Temporarily not permitted; an administrator may permit it again. */
    SUSPENDED("Tạm ngừng"),
    /** Permanently withdrawn (lost, replaced, handed back). */
    REVOKED("Đã thu hồi");

    private final String label;

    DeviceStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
