package vn.partywork.access;

/**
 * What a record-level share lets its grantee do (P-AZ-2, issue 6 item 3); each level includes the
 * lower ones.
 */
public enum ShareLevel {
    READ("Xem"),
    COMMENT("Xem và góp ý"),
    EDIT("Xem, góp ý và chỉnh sửa");

    private final String label;

    ShareLevel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** True when this level allows what {@code needed} allows (EDIT includes COMMENT includes READ). */
    public boolean includes(ShareLevel needed) {
        return compareTo(needed) >= 0;
    }
}
