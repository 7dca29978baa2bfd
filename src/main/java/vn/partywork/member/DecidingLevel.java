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
}
