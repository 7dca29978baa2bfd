package vn.partywork.calendar.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.partywork.calendar.CalendarDay;
import vn.partywork.calendar.DayKind;

/** P-WF-2: the Labour Code's holidays and the compensation rule (Art. 111.3, Art. 112). */
class StatutoryHolidaysTests {

    private final StatutoryHolidays rules = new StatutoryHolidays(true);

    @Test
    void nationalDayOnSaturday2023IsCompensatedOnMonday() {
        Map<LocalDate, CalendarDay> days = rules.of(2023);
        assertThat(days.get(LocalDate.of(2023, 9, 1))).isEqualTo(holiday(2023, 9, 1, "Quốc khánh"));
        assertThat(days.get(LocalDate.of(2023, 9, 2))).isEqualTo(holiday(2023, 9, 2, "Quốc khánh"));
        assertThat(days.get(LocalDate.of(2023, 9, 4)))
                .isEqualTo(new CalendarDay(LocalDate.of(2023, 9, 4), "Nghỉ bù Quốc khánh", DayKind.COMPENSATION));
        assertThat(days).doesNotContainKey(LocalDate.of(2023, 9, 5));
    }

    @Test
    void victoryAndLabourDayOnAWeekend2022AreCompensatedOnTheNextTwoWorkingDays() {
        Map<LocalDate, CalendarDay> days = rules.of(2022);
        assertThat(days.get(LocalDate.of(2022, 5, 2)))
                .isEqualTo(new CalendarDay(LocalDate.of(2022, 5, 2), "Nghỉ bù Ngày Chiến thắng", DayKind.COMPENSATION));
        assertThat(days.get(LocalDate.of(2022, 5, 3)))
                .isEqualTo(new CalendarDay(
                        LocalDate.of(2022, 5, 3), "Nghỉ bù Ngày Quốc tế lao động", DayKind.COMPENSATION));
    }

    @Test
    void tetAcrossAWeekendCompensatesAfterTheLastTetDay() {
        // Tết Quý Mão: 30 tháng Chạp = Sat 21/1/2023, mùng 1 = Sun 22/1, mùng 2–4 = Mon–Wed 23–25/1.
        Map<LocalDate, CalendarDay> days = rules.of(2023);
        for (int d = 21; d <= 25; d++) {
            assertThat(days.get(LocalDate.of(2023, 1, d))).isEqualTo(holiday(2023, 1, d, "Tết Nguyên đán"));
        }
        assertThat(days.get(LocalDate.of(2023, 1, 26)).kind()).isEqualTo(DayKind.COMPENSATION);
        assertThat(days.get(LocalDate.of(2023, 1, 27)).name()).isEqualTo("Nghỉ bù Tết Nguyên đán");
        assertThat(days).doesNotContainKey(LocalDate.of(2023, 1, 28)).doesNotContainKey(LocalDate.of(2023, 1, 30));
    }

    @Test
    void newYearOnSundayIsCompensatedOnMonday() {
        assertThat(rules.of(2023).get(LocalDate.of(2023, 1, 2)).name()).isEqualTo("Nghỉ bù Tết Dương lịch");
    }

    @Test
    void aYearHasElevenHolidaysUnderTheLabourCode2019() {
        assertThat(rules.of(2027).values().stream().filter(d -> d.kind() == DayKind.HOLIDAY))
                .hasSize(11);
        assertThat(rules.of(2027).get(LocalDate.of(2027, 4, 16))).isEqualTo(holiday(2027, 4, 16, "Giỗ Tổ Hùng Vương"));
        // Tết Đinh Mùi: 30 tháng Chạp = Fri 5/2/2027, mùng 1–4 = Sat 6/2 … Tue 9/2.
        assertThat(rules.of(2027).get(LocalDate.of(2027, 2, 10)).name()).isEqualTo("Nghỉ bù Tết Nguyên đán");
        assertThat(rules.of(2027).get(LocalDate.of(2027, 2, 11)).name()).isEqualTo("Nghỉ bù Tết Nguyên đán");
    }

    @Test
    void beforeTheLabourCode2019NationalDayWasOneDay() {
        assertThat(rules.of(2020))
                .doesNotContainKey(LocalDate.of(2020, 9, 1))
                .doesNotContainKey(LocalDate.of(2020, 9, 3));
        assertThat(rules.of(2020).get(LocalDate.of(2020, 9, 2)).name()).isEqualTo("Quốc khánh");
    }

    @Test
    void theDayNextToNationalDayCanBeTheThird() {
        assertThat(new StatutoryHolidays(false)
                        .of(2024)
                        .get(LocalDate.of(2024, 9, 3))
                        .name())
                .isEqualTo("Quốc khánh");
    }

    @Test
    void everySupportedYearHasItsHolidaysWithDistinctCompensationDaysInsideTheYear() {
        for (int year = 1900; year <= 2100; year++) {
            Map<LocalDate, CalendarDay> days = rules.of(year);
            long holidays = days.values().stream()
                    .filter(d -> d.kind() == DayKind.HOLIDAY)
                    .count();
            long weekendHolidays = days.values().stream()
                    .filter(d -> d.kind() == DayKind.HOLIDAY && StatutoryHolidays.isWeekend(d.date()))
                    .count();
            long compensations = days.values().stream()
                    .filter(d -> d.kind() == DayKind.COMPENSATION)
                    .count();
            assertThat(holidays).as("%d", year).isEqualTo(year >= 2021 ? 11 : year >= 2013 ? 10 : year >= 2007 ? 9 : 8);
            assertThat(compensations).as("%d", year).isEqualTo(weekendHolidays);
            int y = year;
            assertThat(days.keySet()).as("%d", year).allMatch(d -> d.getYear() == y);
            days.values().stream()
                    .filter(d -> d.kind() == DayKind.COMPENSATION)
                    .forEach(d -> assertThat(StatutoryHolidays.isWeekend(d.date()))
                            .as("%s", d)
                            .isFalse());
        }
    }

    private static CalendarDay holiday(int y, int m, int d, String name) {
        return new CalendarDay(LocalDate.of(y, m, d), name, DayKind.HOLIDAY);
    }
}
