package vn.partywork.member;

import org.jspecify.annotations.Nullable;

/**
 * The life events of M-4 recorded in {@code member.life_event} (transfers have their own table,
 * confirmation as official is a party-data change), with the level that decides each (Party
 * Statute Art. 8 and its guidance) and the status a member ends in, if the event ends the membership.
 */
public enum LifeEventKind {
    /** Miễn công tác và sinh hoạt đảng: decided by the cell; the member stays a member (counted). */
    EXEMPTION("Miễn công tác và sinh hoạt đảng", DecidingLevel.CELL, null),
    /** Xóa tên: the cell proposes, the upper-grassroots committee decides. */
    REMOVAL("Xóa tên trong danh sách đảng viên", DecidingLevel.UPPER, MemberStatus.REMOVED),
    /** Khai trừ: discipline decided by the upper-grassroots committee (or above). */
    EXPULSION("Khai trừ ra khỏi Đảng", DecidingLevel.UPPER, MemberStatus.EXPELLED),
    /** Cho ra khỏi Đảng at the member's request: decided by the upper-grassroots committee. */
    LEAVING("Ra khỏi Đảng (theo đề nghị của đảng viên)", DecidingLevel.UPPER, MemberStatus.LEFT),
    /** Từ trần: recorded by the cell on the death certificate (the "decision" is that document). */
    DEATH("Từ trần", DecidingLevel.CELL, MemberStatus.DECEASED),
    /** Tặng Huy hiệu Đảng: decided by the provincial committee. */
    BADGE("Tặng Huy hiệu Đảng", DecidingLevel.PROVINCE, null);

    private final String label;
    private final DecidingLevel level;
    private final @Nullable MemberStatus endsAs;

    LifeEventKind(String label, DecidingLevel level, @Nullable MemberStatus endsAs) {
        this.label = label;
        this.level = level;
        this.endsAs = endsAs;
    }

    public String label() {
        return label;
    }

    public DecidingLevel level() {
        return level;
    }

    /** The status the membership ends in, or null when the event does not end it. */
    public @Nullable MemberStatus endsAs() {
        return endsAs;
    }

    public boolean endsMembership() {
        return endsAs != null;
    }
}
