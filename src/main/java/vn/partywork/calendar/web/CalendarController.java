package vn.partywork.calendar.web;

import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.partywork.calendar.DeclareOverrides;
import vn.partywork.calendar.OverrideKind;
import vn.partywork.calendar.WorkingDayCalendar;
import vn.partywork.shared.AccessScope;
import vn.partywork.shared.DomainException;

/**
 * The calendar page (P-WF-2): a year as twelve month grids with the lunar dates, the year's days
 * off, and for the central organisation staff the form that enters a government decision's days.
 */
@Controller
@RequestMapping("/calendar")
class CalendarController {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.ROOT);

    private final WorkingDayCalendar calendar;
    private final MessageSource messages;
    private final Clock clock;

    CalendarController(WorkingDayCalendar calendar, MessageSource messages, Clock clock) {
        this.calendar = calendar;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping
    String year(AccessScope scope, @RequestParam(required = false) @Nullable Integer year, Model model) {
        return page(scope, year == null ? LocalDate.now(clock).getYear() : year, model);
    }

    @PostMapping("/overrides")
    String declare(
            AccessScope scope,
            @Valid @ModelAttribute("overrideForm") OverrideForm form,
            BindingResult binding,
            @RequestParam(required = false) @Nullable Integer year,
            Model model,
            RedirectAttributes redirect) {
        int shownYear = year == null ? LocalDate.now(clock).getYear() : year;
        if (binding.hasErrors()) {
            model.addAttribute("formOpen", true);
            return page(scope, shownYear, model);
        }
        try {
            DeclareOverrides command = form.toCommand();
            calendar.declare(scope, command);
            int shown = command.days().get(0).date().getYear();
            redirect.addFlashAttribute(
                    "flash", text("calendar.flash.declared", command.days().size()));
            return "redirect:/calendar?year=" + shown + "#overrides";
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.FORBIDDEN) {
                throw e; // the error page with 403, not a form to correct
            }
            model.addAttribute("formError", text("error." + e.code(), e.args()));
            model.addAttribute("formOpen", true);
            return page(scope, shownYear, model);
        }
    }

    @PostMapping("/overrides/{date}/withdraw")
    String withdraw(
            AccessScope scope,
            @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            RedirectAttributes redirect) {
        calendar.withdraw(scope, date);
        redirect.addFlashAttribute("flash", text("calendar.flash.withdrawn", DAY.format(date)));
        return "redirect:/calendar?year=" + date.getYear() + "#overrides";
    }

    private String page(AccessScope scope, int year, Model model) {
        WorkingDayCalendar.checkYear(year);
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("view", YearView.of(year, calendar.holidays(year), today));
        model.addAttribute("days", calendar.holidays(year));
        model.addAttribute("overrides", calendar.overrides(year));
        model.addAttribute("year", year);
        model.addAttribute("first", WorkingDayCalendar.FIRST_DAY.getYear());
        model.addAttribute("last", WorkingDayCalendar.LAST_DAY.getYear());
        model.addAttribute("weekdays", new String[] {"T2", "T3", "T4", "T5", "T6", "T7", "CN"});
        model.addAttribute(
                "weekdayNames",
                new String[] {"Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật"});
        boolean canDeclare = calendar.canDeclare(scope);
        model.addAttribute("canDeclare", canDeclare);
        if (canDeclare && !model.containsAttribute("overrideForm")) {
            model.addAttribute("overrideForm", new OverrideForm());
        }
        model.addAttribute("kinds", OverrideKind.values());
        return "calendar/year";
    }

    private String text(String code, Object... args) {
        return messages.getMessage(code, args, code, LocaleContextHolder.getLocale());
    }
}
