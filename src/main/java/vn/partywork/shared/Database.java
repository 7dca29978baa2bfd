package vn.partywork.shared;

/** The databases a grant can open (seed 002 Đ3; P-AZ-1). */
public enum Database {
    ORGANISATION_MEMBER("Cơ sở dữ liệu tổ chức đảng và đảng viên"),
    CADRE("Cơ sở dữ liệu cán bộ"),
    HEALTH("Cơ sở dữ liệu sức khỏe cán bộ"),
    POLITICAL_PROTECTION("Cơ sở dữ liệu bảo vệ chính trị nội bộ"),
    TRAINING("Cơ sở dữ liệu đào tạo, bồi dưỡng"),
    RESEARCH("Cơ sở dữ liệu nghiên cứu khoa học"),
    INSPECTION("Cơ sở dữ liệu kiểm tra, giám sát"),
    LETTER("Cơ sở dữ liệu đơn thư"),
    HANDBOOK("Sổ tay đảng viên điện tử");

    private final String label;

    Database(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
