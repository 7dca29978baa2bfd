package vn.partywork.calendar;

import java.time.LocalDate;
import vn.partywork.calendar.internal.LunarAlgorithm;
import vn.partywork.shared.DomainException;

/**
 * A date of the Vietnamese lunar calendar (âm lịch), reckoned at UTC+7 by Hồ Ngọc Đức's algorithm
 * (P-WF-2). {@code leap} marks the leap month (tháng nhuận). Supported for solar dates
 * 1900-01-01..2100-12-31; outside that, {@code calendar.outOfRange}.
 */
public record LunarDate(int year, int month, int day, boolean leap) {

    private static final LunarAlgorithm VIETNAM = new LunarAlgorithm(LunarAlgorithm.VIETNAM);

    public static LunarDate of(LocalDate solar) {
        WorkingDayCalendar.checkRange(solar);
        LunarAlgorithm.Lunar lunar = VIETNAM.toLunar(solar);
        return new LunarDate(lunar.year(), lunar.month(), lunar.day(), lunar.leap());
    }

    /**
     * The solar date; {@code calendar.lunarDate.invalid} when the month is marked leap but is not
     * that year's leap month or the day does not exist in the month, {@code calendar.outOfRange}
     * when it falls outside the supported years.
     */
    public LocalDate toSolar() {
        if (year < WorkingDayCalendar.FIRST_DAY.getYear() - 1 || year > WorkingDayCalendar.LAST_DAY.getYear()) {
            throw WorkingDayCalendar.outOfRange();
        }
        LocalDate solar = VIETNAM.toSolar(year, month, day, leap);
        if (solar == null) {
            throw DomainException.invalid("calendar.lunarDate.invalid");
        }
        return WorkingDayCalendar.checkRange(solar);
    }

    /** As written in Vietnam: {@code 15/8} or {@code 1/4 nhuận}. */
    public String shortText() {
        return day + "/" + month + (leap ? " nhuận" : "");
    }
}
