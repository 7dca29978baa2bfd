package vn.partywork.dataaccess.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.partywork.dataaccess.ApprovedScope;
import vn.partywork.dataaccess.DataAccessForm;
import vn.partywork.dataaccess.DataAccessRequestView;
import vn.partywork.dataaccess.DataAccessRequests;
import vn.partywork.dataaccess.DatabaseRegister;
import vn.partywork.dataaccess.NewDataAccessRequest;
import vn.partywork.identity.AccountPrincipal;
import vn.partywork.shared.AccessScope;
import vn.partywork.shared.Classification;
import vn.partywork.shared.Database;
import vn.partywork.shared.DomainException;

/**
 * "Khai thác dữ liệu" (P-AZ-4): the requester's PL2 form and list, the data owner's list and
 * decision (approve, narrowing scope and period, or reject with a reason), and the register of data
 * owners (P-DG-1).
 */
@Controller
@RequestMapping("/data-access")
class DataAccessController {

    /** The form as posted; strings so that a half-filled form comes back as it was typed. */
    record RequestForm(
            @Nullable String position,
            @Nullable String unit,
            @Nullable String phone,
            @Nullable Database database,
            @Nullable String purpose,
            @Nullable Long scopeOrgId,
            @Nullable String scopeDescription,
            @Nullable Classification ceiling,
            @Nullable DataAccessForm form,

            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable
            LocalDate periodFrom,

            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable
            LocalDate periodTo,

            @Nullable Boolean commitment) {

        static RequestForm empty() {
            return new RequestForm(null, null, null, null, null, null, null, null, null, null, null, null);
        }

        NewDataAccessRequest command() {
            return new NewDataAccessRequest(
                    position,
                    unit,
                    phone,
                    database,
                    purpose,
                    scopeOrgId,
                    scopeDescription,
                    ceiling,
                    form,
                    periodFrom,
                    periodTo,
                    Boolean.TRUE.equals(commitment));
        }
    }

    private final DataAccessRequests requests;
    private final DatabaseRegister register;
    private final MessageSource messages;
    private final Clock clock;

    DataAccessController(DataAccessRequests requests, DatabaseRegister register, MessageSource messages, Clock clock) {
        this.clock = clock;
        this.requests = requests;
        this.register = register;
        this.messages = messages;
    }

    @GetMapping
    String list(AccessScope scope, Model model) {
        model.addAttribute("mine", requests.mine(scope));
        model.addAttribute("waiting", requests.waitingFor(scope));
        return "dataaccess/list";
    }

    @GetMapping("/register")
    String register(Model model) {
        model.addAttribute("owners", register.owners());
        return "dataaccess/register";
    }

    @GetMapping("/new")
    String form(@AuthenticationPrincipal AccountPrincipal user, Model model) {
        return showForm(user, RequestForm.empty(), null, model);
    }

    @PostMapping
    String submit(
            AccessScope scope,
            @AuthenticationPrincipal AccountPrincipal user,
            @ModelAttribute RequestForm form,
            Model model,
            RedirectAttributes redirect) {
        DataAccessRequestView created;
        try {
            created = requests.submit(scope, form.command());
        } catch (DomainException e) {
            if (e.kind() != DomainException.Kind.INVALID) {
                throw e;
            }
            return showForm(user, form, text("error." + e.code(), e.args()), model);
        }
        redirect.addFlashAttribute(
                "flash", "Đã gửi phiếu yêu cầu khai thác dữ liệu số " + created.id() + " tới đơn vị quản lý dữ liệu.");
        return "redirect:/data-access/" + created.id();
    }

    @GetMapping("/{id}")
    String details(AccessScope scope, @PathVariable long id, Model model) {
        model.addAttribute("r", requests.details(scope, id));
        model.addAttribute("ceilings", Classification.values());
        return "dataaccess/detail";
    }

    @PostMapping("/{id}/approve")
    String approve(
            AccessScope scope,
            @PathVariable long id,
            @RequestParam(required = false) @Nullable Long orgId,
            @RequestParam(required = false) @Nullable Classification ceiling,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            @RequestParam(required = false) @Nullable String opinion,
            @RequestParam int version,
            Model model,
            RedirectAttributes redirect) {
        try {
            requests.approve(scope, id, new ApprovedScope(orgId, ceiling, from, to, opinion), version);
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.NOT_FOUND) {
                throw e;
            }
            return detailsWithError(scope, id, e, model);
        }
        redirect.addFlashAttribute(
                "flash", "Đã phê duyệt phiếu; quyền khai thác có hiệu lực trong thời hạn được duyệt.");
        return "redirect:/data-access/" + id;
    }

    @PostMapping("/{id}/reject")
    String reject(
            AccessScope scope,
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String reason,
            @RequestParam int version,
            Model model,
            RedirectAttributes redirect) {
        try {
            requests.reject(scope, id, reason, version);
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.NOT_FOUND) {
                throw e;
            }
            return detailsWithError(scope, id, e, model);
        }
        redirect.addFlashAttribute("flash", "Đã từ chối phiếu yêu cầu khai thác dữ liệu.");
        return "redirect:/data-access/" + id;
    }

    private String detailsWithError(AccessScope scope, long id, DomainException e, Model model) {
        model.addAttribute("error", text("error." + e.code(), e.args()));
        return details(scope, id, model);
    }

    private String showForm(AccountPrincipal user, RequestForm form, @Nullable String error, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("error", error);
        model.addAttribute("user", user);
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("owners", register.owners());
        model.addAttribute("scopeChoices", requests.scopeChoices(user.homeOrgId()));
        model.addAttribute("ceilings", Classification.values());
        model.addAttribute("forms", DataAccessForm.values());
        model.addAttribute("commitment", DataAccessRequests.COMMITMENT);
        return "dataaccess/form";
    }

    private String text(String code, Object... args) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(code, args, code, locale);
    }
}
