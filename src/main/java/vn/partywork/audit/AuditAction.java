package vn.partywork.audit;

/** What an audit event records (P-AU-1). */
public enum AuditAction {
    LOGIN,
    LOGIN_FAILED,
    LOGOUT,
    LOCK,
    UNLOCK,
    PASSWORD_CHANGE,
    PASSWORD_RESET,
    READ,
    SEARCH,
    CREATE,
    UPDATE,
    DELETE,
    APPROVE,
    RETURN,
    REJECT,
    SHARE,
    EXPORT,
    IMPORT,
    GRANT,
    REVOKE
}
