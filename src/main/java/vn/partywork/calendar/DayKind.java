package vn.partywork.calendar;

/** Why a day differs from a plain Monday–Friday working day or a plain weekend. */
public enum DayKind {
    /** A public holiday of the Labour Code (Art. 112). */
    HOLIDAY("Ngày lễ, Tết"),
    /** The working day given off because a holiday fell on a weekly day off (Art. 111.3). */
    COMPENSATION("Nghỉ bù"),
    /** A day made a day off by a government decision (e.g. a swapped bridge day). */
    OVERRIDE_OFF("Nghỉ theo thông báo"),
    /** A day made a working day by a government decision (e.g. a make-up Saturday). */
    OVERRIDE_WORKING("Làm việc bù theo thông báo");

    private final String label;

    DayKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isDayOff() {
        return this != OVERRIDE_WORKING;
    }
}
