package vn.partywork.calendar.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import vn.partywork.calendar.DeclareOverrides;
import vn.partywork.calendar.OverrideKind;
import vn.partywork.calendar.WorkingDayCalendar;
import vn.partywork.shared.Decision;

/** The page form: one decision and up to {@link #ROWS} days; rows without a date are ignored. */
public class OverrideForm {

    static final int ROWS = 4;

    @NotBlank(message = "{calendar.form.required}")
    @Size(max = Decision.MAX_TEXT, message = "{calendar.form.tooLong}")
    private @Nullable String decisionNumber;

    @NotNull(message = "{calendar.form.required}")
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private @Nullable LocalDate decisionDate;

    @NotBlank(message = "{calendar.form.required}")
    @Size(max = Decision.MAX_TEXT, message = "{calendar.form.tooLong}")
    private @Nullable String decisionIssuer;

    private List<Row> days = new ArrayList<>();

    public OverrideForm() {
        while (days.size() < ROWS) {
            days.add(new Row());
        }
    }

    /** One day of the form. */
    public static class Row {
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private @Nullable LocalDate date;

        private OverrideKind kind = OverrideKind.OFF;

        @Size(max = WorkingDayCalendar.MAX_NAME, message = "{calendar.form.tooLong}")
        private @Nullable String name;

        public @Nullable LocalDate getDate() {
            return date;
        }

        public void setDate(@Nullable LocalDate date) {
            this.date = date;
        }

        public OverrideKind getKind() {
            return kind;
        }

        public void setKind(@Nullable OverrideKind kind) {
            this.kind = kind == null ? OverrideKind.OFF : kind;
        }

        public @Nullable String getName() {
            return name;
        }

        public void setName(@Nullable String name) {
            this.name = name;
        }
    }

    DeclareOverrides toCommand() {
        return new DeclareOverrides(
                new Decision(decisionNumber, decisionDate, decisionIssuer),
                days.stream()
                        .filter(r -> r.getDate() != null)
                        .map(r -> new DeclareOverrides.Day(r.getDate(), r.getKind(), r.getName()))
                        .toList());
    }

    public @Nullable String getDecisionNumber() {
        return decisionNumber;
    }

    public void setDecisionNumber(@Nullable String decisionNumber) {
        this.decisionNumber = decisionNumber;
    }

    public @Nullable LocalDate getDecisionDate() {
        return decisionDate;
    }

    public void setDecisionDate(@Nullable LocalDate decisionDate) {
        this.decisionDate = decisionDate;
    }

    public @Nullable String getDecisionIssuer() {
        return decisionIssuer;
    }

    public void setDecisionIssuer(@Nullable String decisionIssuer) {
        this.decisionIssuer = decisionIssuer;
    }

    public List<Row> getDays() {
        return days;
    }

    public void setDays(List<Row> days) {
        this.days = new ArrayList<>(days.subList(0, Math.min(days.size(), ROWS)));
        while (this.days.size() < ROWS) {
            this.days.add(new Row());
        }
    }
}
