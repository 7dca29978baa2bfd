package vn.partywork.shared;

/** What a grant lets its holder do inside its scope. */
public enum Permission {
    READ,
    WRITE,
    APPROVE,
    /** Reading the audit log; gives no access to business data. */
    AUDIT
}
