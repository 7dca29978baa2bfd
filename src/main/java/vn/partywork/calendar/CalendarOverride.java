package vn.partywork.calendar;

import java.time.Instant;
import java.time.LocalDate;
import vn.partywork.shared.Decision;

/** A stored override: the day, what it became, its name and the decision it rests on. */
public record CalendarOverride(
        LocalDate date, OverrideKind kind, String name, Decision decision, String recordedBy, Instant recordedAt) {}
