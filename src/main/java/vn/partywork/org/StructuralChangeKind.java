package vn.partywork.org;

/** The restructuring operations of P-ORG-2, with the label a user reads in the history timeline. */
public enum StructuralChangeKind {
    ESTABLISH("Thành lập"),
    RENAME("Đổi tên"),
    TRANSFER("Chuyển giao"),
    SPLIT("Chia tách"),
    MERGE("Hợp nhất"),
    ABSORB("Sáp nhập"),
    DISSOLVE("Giải thể");

    private final String label;

    StructuralChangeKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
