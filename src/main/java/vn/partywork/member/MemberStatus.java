package vn.partywork.member;

/** Where a member stands (GLOSSARY: đảng viên dự bị / chính thức; xóa tên, khai trừ, ra khỏi Đảng, từ trần). */
public enum MemberStatus {
    /** The admission form waits in the MEMBER_ADMISSION chain (M-2); not yet in the database proper. */
    PENDING_ADMISSION("Chờ phê duyệt kết nạp"),
    /** The MEMBER_ADMISSION request was rejected or withdrawn: the person never entered the database. */
    NOT_ADMITTED("Không được kết nạp"),
    PROBATIONARY("Dự bị"),
    OFFICIAL("Chính thức"),
    /** M-4: the membership ended on the record's end date (xóa tên). */
    REMOVED("Đã bị xóa tên"),
    /** M-4: khai trừ ra khỏi Đảng. */
    EXPELLED("Đã bị khai trừ"),
    /** M-4: ra khỏi Đảng (at the member's own request). */
    LEFT("Đã ra khỏi Đảng"),
    /** M-4: từ trần. */
    DECEASED("Đã từ trần");

    private final String label;

    MemberStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** A member of the party now: probationary or official (life events and edits apply only to them). */
    public boolean active() {
        return this == PROBATIONARY || this == OFFICIAL;
    }

    /** The membership ended by a life event (the record stays, read-only, with its history). */
    public boolean ended() {
        return this == REMOVED || this == EXPELLED || this == LEFT || this == DECEASED;
    }

    /** What the record's header says ("Đảng viên chính thức", "Đã từ trần"). */
    public String heading() {
        return active() ? "Đảng viên " + label.toLowerCase(java.util.Locale.ROOT) : label;
    }
}
