package vn.partywork.calendar;

/** What a government decision makes of a day. */
public enum OverrideKind {
    /** The day becomes a day off. */
    OFF("Ngày nghỉ", "Nghỉ hoán đổi theo thông báo"),
    /** The day becomes a working day. */
    WORKING("Ngày làm việc", "Làm việc bù theo thông báo");

    private final String label;
    private final String defaultName;

    OverrideKind(String label, String defaultName) {
        this.label = label;
        this.defaultName = defaultName;
    }

    public String label() {
        return label;
    }

    /** The name shown when the administrator gives none. */
    public String defaultName() {
        return defaultName;
    }

    public DayKind dayKind() {
        return this == OFF ? DayKind.OVERRIDE_OFF : DayKind.OVERRIDE_WORKING;
    }
}
