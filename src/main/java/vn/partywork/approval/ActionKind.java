package vn.partywork.approval;

/** What a step does (GLOSSARY: xác nhận / thẩm định / ký số / phê duyệt). */
public enum ActionKind {
    CONFIRM("Xác nhận"),
    APPRAISE("Thẩm định"),
    SIGN("Thẩm định, ký xác nhận"),
    APPROVE("Phê duyệt");

    private final String label;

    ActionKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
