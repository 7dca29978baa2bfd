package vn.partywork.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.partywork.shared.DomainException;

/** P-WF-2: the Vietnamese lunar calendar at UTC+7 against dates Vietnam actually kept. */
class LunarDateTests {

    @ParameterizedTest(name = "Tết {0} was on {1}")
    @CsvSource({
        "2024, 2024-02-10",
        "2025, 2025-01-29",
        "2026, 2026-02-17",
        "2027, 2027-02-06",
        "2028, 2028-01-26",
        // Years where Vietnam (UTC+7) and China (UTC+8) differ: Tết Ất Sửu 1985 was a month
        // earlier in Vietnam (China: 20/2/1985), Tết Đinh Hợi 2007 and Tết Mậu Thân 1968 a day
        // earlier (China: 18/2/2007, 30/1/1968). We assert Vietnam's dates: the calendar is the
        // one Vietnamese state bodies keep.
        "1985, 1985-01-21",
        "2007, 2007-02-17",
        "1968, 1968-01-29",
        "2000, 2000-02-05",
        "2010, 2010-02-14",
        "2020, 2020-01-25",
        "1975, 1975-02-11"
    })
    void lunarNewYear(int year, LocalDate tet) {
        assertThat(new LunarDate(year, 1, 1, false).toSolar()).isEqualTo(tet);
        assertThat(LunarDate.of(tet)).isEqualTo(new LunarDate(year, 1, 1, false));
        LunarDate eve = LunarDate.of(tet.minusDays(1));
        assertThat(eve.year()).isEqualTo(year - 1);
        assertThat(eve.month()).isEqualTo(12);
        assertThat(eve.day()).isIn(29, 30);
    }

    @ParameterizedTest(name = "Giỗ Tổ {0} was on {1}")
    @CsvSource({"2024, 2024-04-18", "2025, 2025-04-07", "2026, 2026-04-26", "2023, 2023-04-29"})
    void hungKingsCommemoration(int year, LocalDate day) {
        assertThat(new LunarDate(year, 3, 10, false).toSolar()).isEqualTo(day);
    }

    @Test
    void leapMonthOf2023IsTheSecond() {
        // Năm Quý Mão 2023 had a leap second month (tháng 2 nhuận) starting 22/3/2023.
        assertThat(LunarDate.of(LocalDate.of(2023, 3, 22))).isEqualTo(new LunarDate(2023, 2, 1, true));
        assertThat(LunarDate.of(LocalDate.of(2023, 4, 20))).isEqualTo(new LunarDate(2023, 3, 1, false));
        assertThat(new LunarDate(2023, 2, 1, true).toSolar()).isEqualTo(LocalDate.of(2023, 3, 22));
        assertThat(new LunarDate(2023, 2, 1, true).shortText()).isEqualTo("1/2 nhuận");
    }

    @Test
    void midAutumnAndFullMoons() {
        assertThat(new LunarDate(2025, 8, 15, false).toSolar()).isEqualTo(LocalDate.of(2025, 10, 6));
        assertThat(new LunarDate(2024, 8, 15, false).toSolar()).isEqualTo(LocalDate.of(2024, 9, 17));
    }

    @Test
    void everySupportedDayConvertsBackToItself() {
        for (LocalDate d = WorkingDayCalendar.FIRST_DAY; !d.isAfter(WorkingDayCalendar.LAST_DAY); d = d.plusDays(1)) {
            LunarDate lunar = LunarDate.of(d);
            assertThat(lunar.toSolar()).as("%s → %s", d, lunar).isEqualTo(d);
        }
    }

    @Test
    void consecutiveDaysFollowEachOtherInTheLunarCalendar() {
        LunarDate previous = LunarDate.of(WorkingDayCalendar.FIRST_DAY);
        for (LocalDate d = WorkingDayCalendar.FIRST_DAY.plusDays(1);
                !d.isAfter(WorkingDayCalendar.LAST_DAY);
                d = d.plusDays(1)) {
            LunarDate lunar = LunarDate.of(d);
            if (lunar.day() == 1) {
                assertThat(previous.day()).as("%s", d).isIn(29, 30);
                boolean leapAfterItsMonth =
                        lunar.leap() && lunar.month() == previous.month() && lunar.year() == previous.year();
                boolean nextMonth = !lunar.leap()
                        && lunar.month() == previous.month() % 12 + 1
                        && lunar.year() == previous.year() + (previous.month() == 12 ? 1 : 0);
                assertThat(leapAfterItsMonth || nextMonth)
                        .as("%s after %s on %s", lunar, previous, d)
                        .isTrue();
            } else {
                assertThat(lunar)
                        .as("%s", d)
                        .isEqualTo(
                                new LunarDate(previous.year(), previous.month(), previous.day() + 1, previous.leap()));
            }
            previous = lunar;
        }
    }

    @Test
    void aMonthThatIsNotLeapOrADayThatDoesNotExistIsRefused() {
        assertThatThrownBy(() -> new LunarDate(2024, 2, 1, true).toSolar())
                .isInstanceOf(DomainException.class)
                .hasMessage("calendar.lunarDate.invalid");
        assertThatThrownBy(() -> new LunarDate(2024, 13, 1, false).toSolar())
                .isInstanceOf(DomainException.class)
                .hasMessage("calendar.lunarDate.invalid");
    }

    @Test
    void datesOutsideTheSupportedRangeAreRefused() {
        assertThatThrownBy(() -> LunarDate.of(LocalDate.of(1899, 12, 31)))
                .isInstanceOf(DomainException.class)
                .hasMessage("calendar.outOfRange");
        assertThatThrownBy(() -> LunarDate.of(LocalDate.of(2101, 1, 1)))
                .isInstanceOf(DomainException.class)
                .hasMessage("calendar.outOfRange");
        assertThatThrownBy(() -> new LunarDate(2150, 1, 1, false).toSolar())
                .isInstanceOf(DomainException.class)
                .hasMessage("calendar.outOfRange");
        // Month 12 of lunar year 2100 ends in January 2101.
        assertThatThrownBy(() -> new LunarDate(2100, 12, 29, false).toSolar())
                .isInstanceOf(DomainException.class)
                .hasMessage("calendar.outOfRange");
    }
}
