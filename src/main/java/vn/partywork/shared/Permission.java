package vn.partywork.shared;

/** What a grant lets its holder do inside its scope. */
public enum Permission {
    READ,
    WRITE,
    APPROVE,
    /** Reading the audit log; gives no access to business data. */
    AUDIT,
    /**
     * P-AZ-3: statistics of the subtree only (small counts suppressed), never a detail record. An
     * aggregate-only grant gives this and nothing else, so every check for READ denies it.
     */
    AGGREGATE
}
