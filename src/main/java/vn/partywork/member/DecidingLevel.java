package vn.partywork.member;

/**
 * The level of the party organisation that decides a life event or a party field of a member's
 * record, relative to the member's cell (M-6, seed 002 Đ13.1c: data decided by an organisation is
 * entered by that organisation; nobody edits what they did not decide). Staff act at a level when
 * they hold WRITE on the member database over that organisation (a grant there or above). The
 * mapping of events and fields to levels is in the package comment.
 */
public enum DecidingLevel {
    /** The member's cell (chi bộ). */
    CELL("chi bộ"),
    /** The grassroots organisation containing the cell (đảng bộ cơ sở, or the cell itself when it is a chi bộ cơ sở). */
    GRASSROOTS("cấp ủy cơ sở"),
    /** The direct superior of the grassroots organisation (cấp ủy cấp trên trực tiếp của tổ chức cơ sở đảng). */
    UPPER("cấp ủy cấp trên trực tiếp của tổ chức cơ sở đảng"),
    /** The province (đảng bộ tỉnh, thành phố và tương đương). */
    PROVINCE("cấp ủy tỉnh, thành phố");

    private final String label;

    DecidingLevel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * M-6: the level that decides a party field (Party Statute Art. 4-5 and its guidance): admission,
     * probation and the party card are decided by the upper-grassroots committee; positions and
     * discipline recorded by the grassroots committee; commendations by the cell, which keeps its
     * members' awards; the badge by the province. Self-declared fields have no deciding level (they
     * go through MEMBER_UPDATE).
     */
    public static DecidingLevel of(MemberField field) {
        return switch (field) {
            case ADMISSION_DATE, ADMISSION_PLACE, INTRODUCERS, OFFICIAL_DATE, PARTY_CARD_NUMBER, PARTY_CARD_ISSUED_ON ->
                UPPER;
            case PARTY_POSITION, DISCIPLINE -> GRASSROOTS;
            case PARTY_BADGE -> PROVINCE;
            default -> CELL;
        };
    }
}
