package vn.partywork.calendar.web;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import vn.partywork.calendar.CalendarDay;
import vn.partywork.calendar.LunarDate;

/** The calendar page's year: twelve month grids, weeks starting on Monday as in Vietnam. */
public record YearView(int year, List<Month> months) {

    /** One cell; {@code date} is null for the padding before the 1st and after the last day. */
    public record Cell(
            @Nullable LocalDate date,
            boolean weekend,
            boolean today,
            @Nullable CalendarDay special,
            @Nullable LunarDate lunar) {

        /** CSS class of the cell: plain, weekend, or the kind of special day. */
        public String css() {
            if (date == null) {
                return "pw-cal-pad";
            }
            String base = special != null
                    ? switch (special.kind()) {
                        case HOLIDAY -> "pw-cal-holiday";
                        case COMPENSATION -> "pw-cal-compensation";
                        case OVERRIDE_OFF -> "pw-cal-off";
                        case OVERRIDE_WORKING -> "pw-cal-working";
                    }
                    : weekend ? "pw-cal-weekend" : "pw-cal-day";
            return today ? base + " pw-cal-today" : base;
        }

        /** The lunar date as printed: "1/3" on the first of a lunar month, the day number otherwise. */
        public String lunarText() {
            if (lunar == null) {
                return "";
            }
            return lunar.day() == 1 ? lunar.shortText() : String.valueOf(lunar.day());
        }

        /** The 1st and 15th of the lunar month stand out (mùng một, rằm). */
        public boolean lunarMarked() {
            return lunar != null && (lunar.day() == 1 || lunar.day() == 15);
        }

        /** The text a screen reader and a hovering mouse get. */
        public String title() {
            if (date == null) {
                return "";
            }
            StringBuilder text = new StringBuilder(
                    String.format("%02d/%02d/%d", date.getDayOfMonth(), date.getMonthValue(), date.getYear()));
            if (lunar != null) {
                text.append(" (âm lịch ").append(lunar.shortText()).append(')');
            }
            if (special != null) {
                text.append(": ").append(special.name());
            } else if (weekend) {
                text.append(": nghỉ cuối tuần");
            }
            return text.toString();
        }
    }

    public record Month(int month, List<List<Cell>> weeks, List<CalendarDay> specials) {

        public String title() {
            return "Tháng " + month;
        }
    }

    static YearView of(int year, List<CalendarDay> specials, LocalDate today) {
        Map<LocalDate, CalendarDay> byDate =
                specials.stream().collect(Collectors.toMap(CalendarDay::date, Function.identity()));
        List<Month> months = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            LocalDate first = LocalDate.of(year, m, 1);
            List<List<Cell>> weeks = new ArrayList<>();
            List<Cell> week =
                    new ArrayList<>(Collections.nCopies(first.getDayOfWeek().getValue() - 1, pad()));
            for (LocalDate d = first; d.getMonthValue() == m; d = d.plusDays(1)) {
                DayOfWeek dow = d.getDayOfWeek();
                week.add(new Cell(
                        d,
                        dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY,
                        d.equals(today),
                        byDate.get(d),
                        LunarDate.of(d)));
                if (dow == DayOfWeek.SUNDAY) {
                    weeks.add(week);
                    week = new ArrayList<>();
                }
            }
            if (!week.isEmpty()) {
                while (week.size() < 7) {
                    week.add(pad());
                }
                weeks.add(week);
            }
            int month = m;
            months.add(new Month(
                    m,
                    weeks,
                    specials.stream()
                            .filter(s -> s.date().getMonthValue() == month)
                            .toList()));
        }
        return new YearView(year, months);
    }

    private static Cell pad() {
        return new Cell(null, false, false, null, null);
    }
}
