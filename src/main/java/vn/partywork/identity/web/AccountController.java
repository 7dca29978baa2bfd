package vn.partywork.identity.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.partywork.identity.AccountAdministration;
import vn.partywork.identity.AccountDetails;
import vn.partywork.identity.AccountPrincipal;
import vn.partywork.identity.AccountQuery;
import vn.partywork.identity.AccountStatus;
import vn.partywork.identity.AccountType;
import vn.partywork.identity.AccountView;
import vn.partywork.identity.Accounts;
import vn.partywork.identity.ChangePosition;
import vn.partywork.identity.IssuedPassword;
import vn.partywork.identity.NewAccount;
import vn.partywork.shared.DomainException;

/** Account administration pages for system and organisation administrators (P-ID-2, P-ID-3, P-ID-5). */
@Controller
@RequestMapping("/admin/accounts")
class AccountController {

    record AccountForm(
            @Nullable String identifier,
            @Nullable String displayName,
            @Nullable AccountType type,
            @Nullable Long homeOrgId,
            @Nullable String managerIdentifier,
            @Nullable String issuedTo,
            @Nullable String documentNumber) {}

    private final AccountAdministration administration;
    private final Accounts accounts;
    private final ErrorTexts errors;

    AccountController(AccountAdministration administration, Accounts accounts, ErrorTexts errors) {
        this.administration = administration;
        this.accounts = accounts;
        this.errors = errors;
    }

    @GetMapping
    String list(
            @AuthenticationPrincipal AccountPrincipal actor,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable AccountType type,
            @RequestParam(required = false) @Nullable AccountStatus status,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        model.addAttribute("accounts", administration.search(actor, new AccountQuery(q, type, status, page, 20)));
        model.addAttribute("q", q);
        model.addAttribute("type", type);
        model.addAttribute("status", status);
        model.addAttribute("types", AccountType.values());
        model.addAttribute("statuses", AccountStatus.values());
        return "admin/accounts/list";
    }

    @GetMapping("/new")
    String newForm(@AuthenticationPrincipal AccountPrincipal actor, Model model) {
        return form(actor, new AccountForm(null, null, AccountType.USER, actor.homeOrgId(), null, null, null), model);
    }

    @PostMapping
    String create(
            @AuthenticationPrincipal AccountPrincipal actor,
            AccountForm form,
            Model model,
            HttpServletResponse response) {
        try {
            Long managerId = null;
            if (form.managerIdentifier() != null && !form.managerIdentifier().isBlank()) {
                managerId = accounts.byIdentifier(form.managerIdentifier())
                        .map(AccountView::id)
                        .orElseThrow(() -> DomainException.invalid("identity.account.managerInvalid"));
            }
            IssuedPassword issued = administration.create(
                    actor,
                    new NewAccount(
                            form.identifier() == null ? "" : form.identifier(),
                            form.displayName() == null ? "" : form.displayName(),
                            form.type(),
                            form.homeOrgId(),
                            managerId,
                            form.issuedTo(),
                            form.documentNumber()));
            return issued(issued, "identity.issued.created", model, response);
        } catch (DomainException e) {
            model.addAttribute("error", errors.of(e));
            return form(actor, form, model);
        }
    }

    @GetMapping("/{id}")
    String details(@AuthenticationPrincipal AccountPrincipal actor, @PathVariable long id, Model model) {
        AccountDetails details = administration.details(actor, id);
        model.addAttribute("details", details);
        model.addAttribute(
                "chosenOrg",
                administration
                        .manageableOrganisation(actor, details.account().homeOrgId())
                        .orElse(null));
        model.addAttribute("self", actor.accountId() == id);
        model.addAttribute("mfaEnrolled", administration.mfaEnrolled(actor, id));
        return "admin/accounts/detail";
    }

    @PostMapping("/{id}/reset-password")
    String resetPassword(
            @AuthenticationPrincipal AccountPrincipal actor,
            @PathVariable long id,
            @RequestParam(required = false) @Nullable Integer version,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            return issued(administration.resetPassword(actor, id, version), "identity.issued.reset", model, response);
        } catch (DomainException e) {
            return refused(id, e, redirect);
        }
    }

    @PostMapping("/{id}/handover")
    String handover(
            @AuthenticationPrincipal AccountPrincipal actor,
            @PathVariable long id,
            @RequestParam(required = false) @Nullable Integer version,
            @RequestParam(required = false) @Nullable String personName,
            @RequestParam(required = false) @Nullable String documentNumber,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            return issued(
                    administration.handOver(actor, id, version, personName, documentNumber),
                    "identity.issued.handover",
                    model,
                    response);
        } catch (DomainException e) {
            return refused(id, e, redirect);
        }
    }

    /** P-ID-5: a new position and/or unit; the account's grants then wait for review. */
    @PostMapping("/{id}/position")
    String changePosition(
            @AuthenticationPrincipal AccountPrincipal actor,
            @PathVariable long id,
            @RequestParam(required = false) @Nullable Integer version,
            @RequestParam(required = false) @Nullable String position,
            @RequestParam(required = false) @Nullable Long homeOrgId,
            @RequestParam(required = false) @Nullable String documentNumber,
            RedirectAttributes redirect) {
        try {
            administration.changePosition(actor, id, new ChangePosition(position, homeOrgId, documentNumber, version));
            redirect.addFlashAttribute("message", errors.text("identity.account.done.position"));
        } catch (DomainException e) {
            return refused(id, e, redirect);
        }
        return "redirect:/admin/accounts/" + id;
    }

    /** P-ID-4: a lost or replaced phone; the account enrols again at its next login. */
    @PostMapping("/{id}/reset-mfa")
    String resetMfa(
            @AuthenticationPrincipal AccountPrincipal actor, @PathVariable long id, RedirectAttributes redirect) {
        try {
            administration.resetMfa(actor, id);
            redirect.addFlashAttribute("message", errors.text("identity.account.done.reset-mfa"));
        } catch (DomainException e) {
            return refused(id, e, redirect);
        }
        return "redirect:/admin/accounts/" + id;
    }

    @PostMapping("/{id}/{action:lock|unlock|deactivate|reactivate}")
    String change(
            @AuthenticationPrincipal AccountPrincipal actor,
            @PathVariable long id,
            @PathVariable String action,
            @RequestParam(required = false) @Nullable Integer version,
            RedirectAttributes redirect) {
        try {
            switch (action) {
                case "lock" -> administration.lock(actor, id, version);
                case "unlock" -> administration.unlock(actor, id, version);
                case "deactivate" -> administration.deactivate(actor, id, version);
                default -> administration.reactivate(actor, id, version);
            }
            redirect.addFlashAttribute("message", errors.text("identity.account.done." + action));
        } catch (DomainException e) {
            return refused(id, e, redirect);
        }
        return "redirect:/admin/accounts/" + id;
    }

    private String refused(long id, DomainException e, RedirectAttributes redirect) {
        if (e.kind() == DomainException.Kind.NOT_FOUND) {
            throw e;
        }
        redirect.addFlashAttribute("error", errors.of(e));
        return "redirect:/admin/accounts/" + id;
    }

    private String form(AccountPrincipal actor, AccountForm form, Model model) {
        model.addAttribute("form", form);
        model.addAttribute(
                "chosenOrg",
                administration.manageableOrganisation(actor, form.homeOrgId()).orElse(null));
        List<AccountType> types = Arrays.stream(AccountType.values())
                .filter(t -> actor.isSystemAdmin() || t != AccountType.SYSTEM_ADMIN)
                .toList();
        model.addAttribute("types", types);
        return "admin/accounts/form";
    }

    /** The default password is shown once, on this response only; it is never stored in clear or cached. */
    private String issued(IssuedPassword issued, String titleCode, Model model, HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("issued", issued);
        model.addAttribute("title", errors.text(titleCode));
        return "admin/accounts/issued";
    }
}
