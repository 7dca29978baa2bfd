package vn.partywork.member;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import vn.partywork.shared.Decision;

/**
 * A life event to record (M-4): its kind, decision and effective date; {@code endsOn} closes an
 * exemption period (first day of activity again; null: until further decision); {@code badgeYears}
 * is the badge milestone; {@code decisionFile} an optional scan of the decision.
 */
public record RecordLifeEvent(
        LifeEventKind kind,
        Decision decision,
        LocalDate effectiveOn,
        @Nullable LocalDate endsOn,
        @Nullable Integer badgeYears,
        @Nullable String note,
        @Nullable AttachedFile decisionFile) {}
