package vn.partywork.member;

/**
 * The sections of the member form, each with one owner (M-6, seed 002 Đ12.1, Đ13.1): the member
 * declares identity and background data, which the cell, the grassroots committee and the upper
 * level confirm through MEMBER_UPDATE; party data (admission, probation, card, positions, awards,
 * discipline) is decided by party organisations and entered directly by staff with WRITE over the
 * member's cell. Each group carries its own {@link DataSource} (M-5).
 */
public enum FieldGroup {
    IDENTITY("Thông tin cá nhân", true),
    BACKGROUND("Trình độ, nghề nghiệp, công tác", true),
    PARTY("Thông tin về Đảng", false);

    private final String label;
    private final boolean selfDeclared;

    FieldGroup(String label, boolean selfDeclared) {
        this.label = label;
        this.selfDeclared = selfDeclared;
    }

    public String label() {
        return label;
    }

    /** True when the member declares this group and changes go through MEMBER_UPDATE. */
    public boolean selfDeclared() {
        return selfDeclared;
    }
}
