package vn.partywork.identity;

/** Account types (P-ID-2). */
public enum AccountType {
    /** Manages accounts everywhere; may never see or change business data. */
    SYSTEM_ADMIN("Quản trị hệ thống"),
    /** Manages the accounts of its own organisation subtree. */
    ORG_ADMIN("Quản trị tổ chức"),
    /** Holds the union of the rights of the users it manages; cannot manage accounts. */
    USER_MANAGER("Quản lý người dùng"),
    /** Works with business data within the scope of its grants. */
    USER("Người dùng"),
    /** A party member's self-service account (handbook). */
    MEMBER("Đảng viên");

    private final String label;

    AccountType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean managesAccounts() {
        return this == SYSTEM_ADMIN || this == ORG_ADMIN;
    }
}
