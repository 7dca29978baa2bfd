package vn.partywork.dataaccess;

/** PL2 "Hình thức khai thác": how the requester will use the data. */
public enum DataAccessForm {
    DIRECT("Trực tiếp"),
    INDIRECT("Gián tiếp"),
    REPORT_EXTRACT("Trích xuất báo cáo");

    private final String label;

    DataAccessForm(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
