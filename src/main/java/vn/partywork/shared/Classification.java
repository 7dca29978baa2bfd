package vn.partywork.shared;

/** Độ mật (P-CL-1), ordered from lowest to highest so that {@code compareTo} is "more secret than". */
public enum Classification {
    UNCLASSIFIED("Thường"),
    CONFIDENTIAL("Mật"),
    SECRET("Tối mật"),
    TOP_SECRET("Tuyệt mật");

    private final String label;

    Classification(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean atMost(Classification ceiling) {
        return compareTo(ceiling) <= 0;
    }

    /** P-CL-1: derived outputs carry the highest level of their inputs. */
    public static Classification max(Classification a, Classification b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
