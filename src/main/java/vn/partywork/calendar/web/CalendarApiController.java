package vn.partywork.calendar.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.partywork.calendar.CalendarDay;
import vn.partywork.calendar.CalendarOverride;
import vn.partywork.calendar.DayKind;
import vn.partywork.calendar.DeclareOverrides;
import vn.partywork.calendar.LunarDate;
import vn.partywork.calendar.OverrideKind;
import vn.partywork.calendar.WorkingDayCalendar;
import vn.partywork.shared.AccessScope;
import vn.partywork.shared.Decision;

/**
 * The working-day calendar over JSON (P-WF-2). Reads are reference data for every signed-in
 * business account; overrides are declared and withdrawn by the central organisation staff.
 */
@RestController
@RequestMapping("/api/v1/calendar")
@Tag(
        name = "Lịch ngày làm việc",
        description = "Ngày lễ, Tết, nghỉ bù, ngày nghỉ và làm bù theo thông báo; tính hạn theo ngày làm việc")
class CalendarApiController {

    private static final String REQUIRED = "{calendar.form.required}";
    private static final String TOO_LONG = "{calendar.form.tooLong}";

    private final WorkingDayCalendar calendar;

    CalendarApiController(WorkingDayCalendar calendar) {
        this.calendar = calendar;
    }

    record DayJson(LocalDate date, String name, DayKind kind, boolean dayOff) {
        static DayJson of(CalendarDay day) {
            return new DayJson(day.date(), day.name(), day.kind(), day.isDayOff());
        }
    }

    record DateJson(LocalDate date) {}

    record CountJson(LocalDate from, LocalDate to, int workingDays) {}

    record LunarJson(int year, int month, int day, boolean leap, String text) {
        static LunarJson of(LunarDate lunar) {
            return new LunarJson(lunar.year(), lunar.month(), lunar.day(), lunar.leap(), lunar.shortText());
        }
    }

    record DayInfoJson(
            LocalDate date,
            boolean workingDay,
            @Nullable String name,
            @Nullable DayKind kind,
            LunarJson lunar) {}

    record DecisionJson(String number, LocalDate date, String issuer) {
        static DecisionJson of(Decision d) {
            return new DecisionJson(d.number(), d.date(), d.issuer());
        }
    }

    record OverrideJson(LocalDate date, OverrideKind kind, String name, DecisionJson decision, String recordedBy) {
        static OverrideJson of(CalendarOverride o) {
            return new OverrideJson(o.date(), o.kind(), o.name(), DecisionJson.of(o.decision()), o.recordedBy());
        }
    }

    record DecisionBody(
            @NotBlank(message = REQUIRED) @Size(max = Decision.MAX_TEXT, message = TOO_LONG)
            String number,

            @NotNull(message = REQUIRED) LocalDate date,

            @NotBlank(message = REQUIRED) @Size(max = Decision.MAX_TEXT, message = TOO_LONG)
            String issuer) {}

    record DayBody(
            @NotNull(message = REQUIRED) LocalDate date,
            @NotNull(message = REQUIRED) OverrideKind kind,

            @Nullable @Size(max = WorkingDayCalendar.MAX_NAME, message = TOO_LONG)
            String name) {}

    record DeclareBody(
            @NotNull(message = REQUIRED) @Valid DecisionBody decision,
            @NotNull(message = REQUIRED) List<@NotNull(message = REQUIRED) @Valid DayBody> days) {

        DeclareOverrides toCommand() {
            return new DeclareOverrides(
                    new Decision(decision.number(), decision.date(), decision.issuer()),
                    days.stream()
                            .map(d -> new DeclareOverrides.Day(d.date(), d.kind(), d.name()))
                            .toList());
        }
    }

    @GetMapping("/holidays")
    @Operation(summary = "Ngày lễ, Tết, nghỉ bù và các ngày điều chỉnh theo thông báo của một năm")
    List<DayJson> holidays(@RequestParam int year) {
        return calendar.holidays(year).stream().map(DayJson::of).toList();
    }

    @GetMapping("/add-working-days")
    @Operation(summary = "Hạn sau N ngày làm việc kể từ ngày from (bắt đầu đếm từ ngày hôm sau; N âm: đếm lùi)")
    DateJson addWorkingDays(
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from, @RequestParam int days) {
        return new DateJson(calendar.addWorkingDays(from, days));
    }

    @GetMapping("/working-days-between")
    @Operation(summary = "Số ngày làm việc sau ngày from đến hết ngày to")
    CountJson workingDaysBetween(
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return new CountJson(from, to, calendar.workingDaysBetween(from, to));
    }

    @GetMapping("/days/{date}")
    @Operation(summary = "Một ngày: có phải ngày làm việc không, tên ngày lễ, ngày âm lịch")
    DayInfoJson day(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        CalendarDay special = calendar.day(date).orElse(null);
        return new DayInfoJson(
                date,
                calendar.isWorkingDay(date),
                special == null ? null : special.name(),
                special == null ? null : special.kind(),
                LunarJson.of(LunarDate.of(date)));
    }

    @GetMapping("/overrides")
    @Operation(summary = "Các ngày điều chỉnh theo thông báo trong một năm, kèm căn cứ")
    List<OverrideJson> overrides(@RequestParam int year) {
        return calendar.overrides(year).stream().map(OverrideJson::of).toList();
    }

    @PostMapping("/overrides")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Nhập các ngày nghỉ / làm việc bù theo một thông báo (chỉ Ban Tổ chức Trung ương)")
    List<OverrideJson> declare(AccessScope scope, @Valid @RequestBody DeclareBody body) {
        return calendar.declare(scope, body.toCommand()).stream()
                .map(OverrideJson::of)
                .toList();
    }

    @DeleteMapping("/overrides/{date}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Hủy điều chỉnh của một ngày (chỉ Ban Tổ chức Trung ương)")
    void withdraw(AccessScope scope, @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        calendar.withdraw(scope, date);
    }
}
