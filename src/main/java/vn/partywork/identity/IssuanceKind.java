package vn.partywork.identity;

/** P-ID-3: how an account's credentials reached a person. */
public enum IssuanceKind {
    ISSUE("Cấp mới"),
    HANDOVER("Bàn giao"),
    RESET("Cấp lại mật khẩu");

    private final String label;

    IssuanceKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
