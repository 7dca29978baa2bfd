package vn.partywork.calendar.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import vn.partywork.calendar.CalendarDay;
import vn.partywork.calendar.DayKind;

/**
 * P-WF-2: the public holidays of a year under the Labour Code and their compensation days, before
 * any government decision moves them. Pure computation; the same year always gives the same days.
 *
 * <p>Labour Code 2019 Art. 112 (from 2021): 1/1; Tết Nguyên đán 5 days; Giỗ Tổ Hùng Vương (10/3
 * lunar); 30/4; 1/5; Quốc khánh 2/9 and one adjacent day. The Prime Minister picks the Tết days
 * and the day next to 2/9 each year; the defaults here are the last day of the lunar year with the
 * first four days of the new one, and 1/9 ({@code nationalDayBefore}); a decision that picks other
 * days is entered as overrides. Earlier years: Labour Code 2012 (2013–2020) has Quốc khánh as one
 * day; before 2013 Tết is 4 days (the last day of the year and the first three), and Giỗ Tổ is a
 * holiday from 2007. Saturday and Sunday are the weekly days off of state bodies throughout.
 */
public final class StatutoryHolidays {

    static final String NEW_YEAR = "Tết Dương lịch";
    static final String LUNAR_NEW_YEAR = "Tết Nguyên đán";
    static final String HUNG_KINGS = "Giỗ Tổ Hùng Vương";
    static final String VICTORY_DAY = "Ngày Chiến thắng";
    static final String LABOUR_DAY = "Ngày Quốc tế lao động";
    static final String NATIONAL_DAY = "Quốc khánh";
    static final String COMPENSATION_PREFIX = "Nghỉ bù ";

    private final LunarAlgorithm lunar = new LunarAlgorithm(LunarAlgorithm.VIETNAM);
    private final boolean nationalDayBefore;

    /** @param nationalDayBefore true: the day next to 2/9 is 1/9; false: 3/9 */
    public StatutoryHolidays(boolean nationalDayBefore) {
        this.nationalDayBefore = nationalDayBefore;
    }

    public static boolean isWeekend(LocalDate day) {
        DayOfWeek d = day.getDayOfWeek();
        return d == DayOfWeek.SATURDAY || d == DayOfWeek.SUNDAY;
    }

    /** The holidays and compensation days of the year, by date. */
    public Map<LocalDate, CalendarDay> of(int year) {
        TreeMap<LocalDate, CalendarDay> holidays = new TreeMap<>();
        put(holidays, LocalDate.of(year, 1, 1), NEW_YEAR);
        LocalDate tet = lunar.toSolar(year, 1, 1, false);
        if (tet == null) {
            throw new IllegalStateException("no lunar new year in " + year);
        }
        int tetDaysAfter = year >= 2013 ? 3 : 2;
        for (LocalDate d = tet.minusDays(1); !d.isAfter(tet.plusDays(tetDaysAfter)); d = d.plusDays(1)) {
            put(holidays, d, LUNAR_NEW_YEAR);
        }
        if (year >= 2007) {
            // Giỗ Tổ is 10 of the ordinary third month, also in a year with a leap third month.
            LocalDate hungKings = lunar.toSolar(year, 3, 10, false);
            if (hungKings != null) {
                put(holidays, hungKings, HUNG_KINGS);
            }
        }
        put(holidays, LocalDate.of(year, 4, 30), VICTORY_DAY);
        put(holidays, LocalDate.of(year, 5, 1), LABOUR_DAY);
        put(holidays, LocalDate.of(year, 9, 2), NATIONAL_DAY);
        if (year >= 2021) {
            put(holidays, LocalDate.of(year, 9, nationalDayBefore ? 1 : 3), NATIONAL_DAY);
        }
        holidays.putAll(compensation(holidays));
        return holidays;
    }

    /**
     * P-WF-2, Labour Code 2019 Art. 111.3: a holiday that falls on a weekly day off is taken on the
     * next working day. Holidays are taken in date order and each moves to the first later day that
     * is neither a weekend, nor a holiday, nor already another holiday's compensation day, so that
     * chains (Tết across a weekend, 30/4 and 1/5 on Saturday and Sunday) give distinct days.
     */
    private static Map<LocalDate, CalendarDay> compensation(TreeMap<LocalDate, CalendarDay> holidays) {
        Set<LocalDate> taken = new HashSet<>(holidays.keySet());
        Map<LocalDate, CalendarDay> result = new TreeMap<>();
        List<CalendarDay> ordered = new ArrayList<>(holidays.values());
        for (CalendarDay holiday : ordered) {
            if (!isWeekend(holiday.date())) {
                continue;
            }
            LocalDate day = holiday.date().plusDays(1);
            while (isWeekend(day) || taken.contains(day)) {
                day = day.plusDays(1);
            }
            taken.add(day);
            result.put(day, new CalendarDay(day, COMPENSATION_PREFIX + holiday.name(), DayKind.COMPENSATION));
        }
        return result;
    }

    private static void put(Map<LocalDate, CalendarDay> holidays, LocalDate day, String name) {
        holidays.putIfAbsent(day, new CalendarDay(day, name, DayKind.HOLIDAY));
    }
}
