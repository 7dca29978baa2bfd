package vn.partywork.member.internal.xlsx;

/** Issue 5 item 6: what to do when some rows are bad. */
public enum ImportMode {
    /** All or nothing: one bad row and nothing is imported. */
    ALL,
    /** The valid rows are imported, the bad ones reported. */
    VALID
}
