package vn.partywork.calendar;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import vn.partywork.shared.Decision;

/**
 * P-WF-2: days declared off or working for a year by one decision (the Prime Minister's notice,
 * the Ministry of Home Affairs' announcement), e.g. a bridge day off and the Saturday that makes
 * up for it. Applied all together or not at all.
 */
public record DeclareOverrides(Decision decision, List<Day> days) {

    /** One declared day; an empty name takes the kind's default name. */
    public record Day(
            LocalDate date, OverrideKind kind, @Nullable String name) {}

    public DeclareOverrides {
        days = List.copyOf(days);
    }
}
