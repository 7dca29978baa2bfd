package vn.partywork.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.partywork.PartyworkTest;
import vn.partywork.access.AccessScopes;
import vn.partywork.calendar.DeclareOverrides.Day;
import vn.partywork.shared.AccessScope;
import vn.partywork.shared.Decision;
import vn.partywork.shared.DomainException;

/**
 * P-WF-2 through the module's API on the real database: deadlines, overrides with their audit
 * trail, and refusals that leave nothing behind. Overrides go into years no other test reads
 * (2031–2035) and are withdrawn after each test.
 */
@PartyworkTest
class WorkingDayCalendarTests {

    private static final Decision NOTICE = new Decision("1234/TB-BNV", LocalDate.of(2025, 11, 20), "Bộ Nội vụ");

    @Autowired
    WorkingDayCalendar calendar;

    @Autowired
    AccessScopes scopes;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void withdrawEverything() {
        jdbc.sql("DELETE FROM calendar.override_day WHERE day >= '2031-01-01' AND day < '2036-01-01'")
                .update();
        // the cache learns of it through withdraw() in real use; here the next test uses another year
    }

    @Test
    void fiveWorkingDaysFromTheFridayBeforeTetEndTheWeekAfterIt() {
        // Tết Bính Ngọ: 16–20/2/2026 (Mon–Fri) off by default, then the weekend.
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 2, 13), 5)).isEqualTo(LocalDate.of(2026, 2, 27));
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 2, 13), 1)).isEqualTo(LocalDate.of(2026, 2, 23));
        assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 2, 13), LocalDate.of(2026, 2, 27)))
                .isEqualTo(5);
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 17))).isFalse();
    }

    @Test
    void countingStartsTheDayAfterAndZeroIsTheDayItself() {
        LocalDate saturday = LocalDate.of(2026, 3, 7);
        assertThat(calendar.addWorkingDays(saturday, 0)).isEqualTo(saturday);
        assertThat(calendar.addWorkingDays(saturday, 1)).isEqualTo(LocalDate.of(2026, 3, 9));
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 3, 9), 1)).isEqualTo(LocalDate.of(2026, 3, 10));
        assertThat(calendar.workingDaysBetween(saturday, saturday)).isZero();
    }

    @Test
    void negativeCountsGoBack() {
        // Three working days before Tue 3/5/2022 skip the compensation days 2–3/5 and the weekend.
        assertThat(calendar.addWorkingDays(LocalDate.of(2022, 5, 4), -3)).isEqualTo(LocalDate.of(2022, 4, 27));
        assertThat(calendar.workingDaysBetween(LocalDate.of(2022, 5, 4), LocalDate.of(2022, 4, 27)))
                .isEqualTo(-3);
        assertThat(calendar.isWorkingDay(LocalDate.of(2022, 5, 3))).isFalse();
    }

    @Test
    void holidaysOfAYearNameEachDay() {
        List<CalendarDay> days = calendar.holidays(2023);
        assertThat(days)
                .contains(
                        new CalendarDay(LocalDate.of(2023, 9, 4), "Nghỉ bù Quốc khánh", DayKind.COMPENSATION),
                        new CalendarDay(LocalDate.of(2023, 4, 29), "Giỗ Tổ Hùng Vương", DayKind.HOLIDAY));
        assertThat(days).isSortedAccordingTo((a, b) -> a.date().compareTo(b.date()));
    }

    @Test
    void outOfRangeDatesAndYearsAreRefused() {
        assertThatThrownBy(() -> calendar.holidays(1899)).hasMessage("calendar.outOfRange");
        assertThatThrownBy(() -> calendar.holidays(2101)).hasMessage("calendar.outOfRange");
        assertThatThrownBy(() -> calendar.isWorkingDay(LocalDate.of(2101, 1, 1)))
                .hasMessage("calendar.outOfRange");
        assertThatThrownBy(() -> calendar.addWorkingDays(LocalDate.of(2100, 12, 28), 10))
                .hasMessage("calendar.outOfRange");
        assertThatThrownBy(() -> calendar.addWorkingDays(LocalDate.of(1900, 1, 3), -10))
                .hasMessage("calendar.outOfRange");
    }

    @Test
    void aSwappedBridgeDayIsAppliedAndAudited() {
        AccessScope central = scope("tw.tochuc");
        // Fri 2/5/2031 off (between 1/5 Thursday and the weekend), made up on Sat 10/5/2031.
        LocalDate bridge = LocalDate.of(2031, 5, 2);
        LocalDate makeUp = LocalDate.of(2031, 5, 10);
        // 30/4 and 1/5/2031 are Wednesday and Thursday.
        assertThat(calendar.addWorkingDays(LocalDate.of(2031, 4, 29), 1)).isEqualTo(bridge);

        List<CalendarOverride> stored = calendar.declare(
                central,
                new DeclareOverrides(
                        NOTICE,
                        List.of(
                                new Day(makeUp, OverrideKind.WORKING, null),
                                new Day(bridge, OverrideKind.OFF, "Nghỉ hoán đổi"))));

        assertThat(stored).extracting(CalendarOverride::date).containsExactly(bridge, makeUp);
        assertThat(stored.get(1).name()).isEqualTo("Làm việc bù theo thông báo");
        assertThat(stored.get(0).recordedBy()).isEqualTo("tw.tochuc");
        assertThat(calendar.isWorkingDay(bridge)).isFalse();
        assertThat(calendar.isWorkingDay(makeUp)).isTrue();
        assertThat(calendar.addWorkingDays(LocalDate.of(2031, 4, 29), 1)).isEqualTo(LocalDate.of(2031, 5, 5));
        assertThat(calendar.holidays(2031))
                .contains(
                        new CalendarDay(bridge, "Nghỉ hoán đổi", DayKind.OVERRIDE_OFF),
                        new CalendarDay(makeUp, "Làm việc bù theo thông báo", DayKind.OVERRIDE_WORKING));
        assertThat(calendar.overrides(2031))
                .extracting(CalendarOverride::decision)
                .containsOnly(NOTICE);
        assertThat(auditRows("CREATE", bridge)).isEqualTo(1);
        assertThat(basis(bridge)).isEqualTo("Quyết định số 1234/TB-BNV ngày 20/11/2025 của Bộ Nội vụ");

        calendar.withdraw(central, bridge);
        assertThat(calendar.isWorkingDay(bridge)).isTrue();
        assertThat(auditRows("DELETE", bridge)).isEqualTo(1);
        calendar.withdraw(central, makeUp);
        assertThat(calendar.isWorkingDay(makeUp)).isFalse();
        assertThatThrownBy(() -> calendar.withdraw(central, makeUp)).hasMessage("calendar.override.notFound");
    }

    @Test
    void aContradictorySetIsRefusedAndNothingIsStored() {
        LocalDate day = LocalDate.of(2032, 6, 7);
        assertRefused(
                scope("tw.tochuc"),
                "calendar.override.contradictory",
                new Day(LocalDate.of(2032, 6, 5), OverrideKind.WORKING, null),
                new Day(day, OverrideKind.OFF, null),
                new Day(day, OverrideKind.WORKING, null));
        // named as a contradiction even when the working half comes first, on a day that is working anyway
        assertRefused(
                scope("tw.tochuc"),
                "calendar.override.contradictory",
                new Day(day, OverrideKind.WORKING, null),
                new Day(day, OverrideKind.OFF, null));
        assertRefused(
                scope("tw.tochuc"),
                "calendar.override.duplicate",
                new Day(day, OverrideKind.OFF, null),
                new Day(day, OverrideKind.OFF, null));
    }

    @Test
    void overridesThatChangeNothingAreRefused() {
        AccessScope central = scope("tw.tochuc");
        assertRefused(
                central,
                "calendar.override.alreadyWorking",
                new Day(LocalDate.of(2033, 3, 8), OverrideKind.WORKING, null));
        assertRefused(
                central, "calendar.override.alreadyOff", new Day(LocalDate.of(2033, 3, 5), OverrideKind.OFF, null));
        assertRefused(
                central, "calendar.override.alreadyOff", new Day(LocalDate.of(2033, 9, 2), OverrideKind.OFF, null));
        assertRefused(central, "calendar.override.empty");
        assertRefused(central, "calendar.outOfRange", new Day(LocalDate.of(2101, 1, 6), OverrideKind.OFF, null));
    }

    @Test
    void aDecisionDatedInTheFutureIsRefused() {
        Decision tomorrow = new Decision(
                "1/TB", LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(1), "Bộ Nội vụ");
        assertThatThrownBy(() -> calendar.declare(
                        scope("tw.tochuc"),
                        new DeclareOverrides(
                                tomorrow, List.of(new Day(LocalDate.of(2033, 3, 8), OverrideKind.OFF, null)))))
                .hasMessage("calendar.override.decisionInFuture");
    }

    @Test
    void aDateWithAnOverrideTakesNoSecondOne() {
        AccessScope central = scope("tw.tochuc");
        LocalDate day = LocalDate.of(2034, 9, 5); // the Tuesday after the compensation day of 2/9/2034
        calendar.declare(central, new DeclareOverrides(NOTICE, List.of(new Day(day, OverrideKind.OFF, null))));
        assertThatThrownBy(() -> calendar.declare(
                        central,
                        new DeclareOverrides(
                                NOTICE,
                                List.of(
                                        new Day(LocalDate.of(2034, 9, 9), OverrideKind.WORKING, null),
                                        new Day(day, OverrideKind.OFF, null)))))
                .isInstanceOf(DomainException.class)
                .hasMessage("calendar.override.exists");
        assertThat(calendar.overrides(2034)).extracting(CalendarOverride::date).containsExactly(day);
        calendar.withdraw(central, day);
    }

    @Test
    void onlyTheCentralStaffDeclareOverrides() {
        Day day = new Day(LocalDate.of(2035, 5, 4), OverrideKind.OFF, null);
        assertRefused(scope("hn.tochuc"), "calendar.forbidden", day);
        assertRefused(scope("admin"), "calendar.forbidden", day);
        assertThat(calendar.canDeclare(scope("tw.tochuc"))).isTrue();
        assertThat(calendar.canDeclare(scope("hn.tochuc"))).isFalse();
        assertThatThrownBy(() -> calendar.withdraw(scope("hn.tochuc"), day.date()))
                .hasMessage("calendar.forbidden");
    }

    private void assertRefused(AccessScope scope, String code, Day... days) {
        long decisionsBefore = count("calendar.override_decision");
        long daysBefore = count("calendar.override_day");
        long auditBefore = jdbc.sql("SELECT count(*) FROM audit.event WHERE target_type = 'calendar_override'")
                .query(Long.class)
                .single();
        assertThatThrownBy(() -> calendar.declare(scope, new DeclareOverrides(NOTICE, List.of(days))))
                .isInstanceOf(DomainException.class)
                .hasMessage(code);
        assertThat(count("calendar.override_decision")).isEqualTo(decisionsBefore);
        assertThat(count("calendar.override_day")).isEqualTo(daysBefore);
        assertThat(jdbc.sql("SELECT count(*) FROM audit.event WHERE target_type = 'calendar_override'")
                        .query(Long.class)
                        .single())
                .isEqualTo(auditBefore);
    }

    private long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    private long auditRows(String action, LocalDate day) {
        return jdbc.sql(
                        "SELECT count(*) FROM audit.event WHERE target_type = 'calendar_override' AND action = :a AND target_id = :d")
                .param("a", action)
                .param("d", day.toString())
                .query(Long.class)
                .single();
    }

    private String basis(LocalDate day) {
        return jdbc.sql(
                        "SELECT basis FROM audit.event WHERE target_type = 'calendar_override' AND target_id = :d ORDER BY seq DESC LIMIT 1")
                .param("d", day.toString())
                .query(String.class)
                .single();
    }

    private AccessScope scope(String identifier) {
        long id = jdbc.sql("SELECT id FROM identity.account WHERE identifier = :i")
                .param("i", identifier)
                .query(Long.class)
                .single();
        return scopes.forAccount(id, LocalDate.now());
    }
}
