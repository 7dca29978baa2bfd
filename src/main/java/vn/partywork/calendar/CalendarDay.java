package vn.partywork.calendar;

import java.time.LocalDate;

/**
 * A day that is not a plain working day or a plain weekend: a holiday, a compensation day, or a
 * day declared off or working by a decision. {@code name} is the Vietnamese name users see
 * ("Tết Nguyên đán", "Nghỉ bù Quốc khánh").
 */
public record CalendarDay(LocalDate date, String name, DayKind kind) {

    public boolean isDayOff() {
        return kind.isDayOff();
    }
}
