package vn.partywork.member;

/** Where a member stands (GLOSSARY: đảng viên dự bị / chính thức). */
public enum MemberStatus {
    /** The admission form waits in the MEMBER_ADMISSION chain (M-2); not yet in the database proper. */
    PENDING_ADMISSION("Chờ phê duyệt kết nạp"),
    PROBATIONARY("Dự bị"),
    OFFICIAL("Chính thức");

    private final String label;

    MemberStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
