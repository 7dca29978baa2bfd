package vn.partywork.member;

/** M-5 (seed 002 Đ12.1a-d): where a field group's data came from. */
public enum DataSource {
    SELF_DECLARED("Đảng viên tự kê khai"),
    DIGITISED_PAPER("Số hóa từ hồ sơ giấy"),
    OPERATIONAL_SOFTWARE("Phần mềm nghiệp vụ"),
    CONNECTED_DATABASE("Cơ sở dữ liệu kết nối");

    private final String label;

    DataSource(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
