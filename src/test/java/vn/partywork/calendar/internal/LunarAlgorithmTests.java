package vn.partywork.calendar.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * The time zone is what makes the calendar Vietnamese: the same algorithm at UTC+8 gives the
 * Chinese dates, which differ in 1985, 2007 and 1968.
 */
class LunarAlgorithmTests {

    private final LunarAlgorithm vietnam = new LunarAlgorithm(7);
    private final LunarAlgorithm china = new LunarAlgorithm(8);

    @Test
    void tet1985WasAMonthEarlierInVietnam() {
        assertThat(vietnam.toSolar(1985, 1, 1, false)).isEqualTo(LocalDate.of(1985, 1, 21));
        assertThat(china.toSolar(1985, 1, 1, false)).isEqualTo(LocalDate.of(1985, 2, 20));
    }

    @Test
    void tet2007And1968WereADayEarlierInVietnam() {
        assertThat(vietnam.toSolar(2007, 1, 1, false)).isEqualTo(LocalDate.of(2007, 2, 17));
        assertThat(china.toSolar(2007, 1, 1, false)).isEqualTo(LocalDate.of(2007, 2, 18));
        assertThat(vietnam.toSolar(1968, 1, 1, false)).isEqualTo(LocalDate.of(1968, 1, 29));
        assertThat(china.toSolar(1968, 1, 1, false)).isEqualTo(LocalDate.of(1968, 1, 30));
    }

    @Test
    void lunarMonthsHave29Or30Days() {
        for (LocalDate d = LocalDate.of(2020, 1, 1); d.isBefore(LocalDate.of(2030, 1, 1)); d = d.plusDays(1)) {
            assertThat(vietnam.monthLength(d)).isBetween(29, 30);
        }
    }

    @Test
    void day30OfA29DayMonthDoesNotExist() {
        // Tháng Chạp Giáp Thìn (2024) had 29 days: Tết Ất Tỵ followed 29 tháng Chạp (28/1/2025).
        assertThat(vietnam.toSolar(2024, 12, 29, false)).isEqualTo(LocalDate.of(2025, 1, 28));
        assertThat(vietnam.toSolar(2024, 12, 30, false)).isNull();
    }
}
