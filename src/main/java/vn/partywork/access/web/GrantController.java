package vn.partywork.access.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.partywork.access.Grants;
import vn.partywork.access.NewGrant;
import vn.partywork.access.Role;
import vn.partywork.identity.AccountAdministration;
import vn.partywork.identity.AccountPrincipal;
import vn.partywork.identity.AccountView;
import vn.partywork.identity.Accounts;
import vn.partywork.shared.Classification;
import vn.partywork.shared.Database;
import vn.partywork.shared.DomainException;

/** The grants page: list, grant, revoke (P-AZ-1). */
@Controller
@RequestMapping("/admin/grants")
class GrantController {

    private static final String STEP_UP = "auth.stepUpRequired";

    record GrantForm(
            @Nullable String accountIdentifier,
            @Nullable Role role,
            @Nullable Long orgId,
            @Nullable Set<Database> databases,
            @Nullable Classification ceiling,

            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable
            LocalDate validFrom,

            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable
            LocalDate validTo,

            @Nullable String documentNumber,
            @Nullable String note,
            @Nullable Boolean aggregateOnly) {}

    private final Grants grants;
    private final Accounts accounts;
    private final AccountAdministration administration;
    private final MessageSource messages;
    private final Clock clock;

    GrantController(
            Grants grants,
            Accounts accounts,
            AccountAdministration administration,
            MessageSource messages,
            Clock clock) {
        this.clock = clock;
        this.grants = grants;
        this.accounts = accounts;
        this.administration = administration;
        this.messages = messages;
    }

    @GetMapping
    String list(
            @AuthenticationPrincipal AccountPrincipal actor,
            @RequestParam(required = false) @Nullable Long accountId,
            Model model) {
        GrantForm form = new GrantForm(
                null,
                Role.VIEWER,
                actor.homeOrgId(),
                Set.of(Database.ORGANISATION_MEMBER),
                Classification.UNCLASSIFIED,
                LocalDate.now(clock),
                null,
                null,
                null,
                false);
        if (accountId != null) {
            form = new GrantForm(
                    accounts.byId(accountId).map(AccountView::identifier).orElse(null),
                    form.role(),
                    form.orgId(),
                    form.databases(),
                    form.ceiling(),
                    form.validFrom(),
                    null,
                    null,
                    null,
                    false);
        }
        return page(actor, accountId, form, model);
    }

    @PostMapping
    String grant(
            @AuthenticationPrincipal AccountPrincipal actor,
            GrantForm form,
            @RequestParam(required = false) @Nullable Long accountId,
            Model model,
            RedirectAttributes redirect) {
        try {
            long target = accounts.byIdentifier(form.accountIdentifier() == null ? "" : form.accountIdentifier())
                    .map(AccountView::id)
                    .orElseThrow(() -> DomainException.invalid("access.grant.accountNotFound"));
            if (form.orgId() == null) {
                throw DomainException.invalid("access.grant.accountAndOrgRequired");
            }
            grants.grant(
                    actor,
                    new NewGrant(
                            target,
                            form.role(),
                            form.orgId(),
                            form.databases() == null ? Set.of() : form.databases(),
                            form.ceiling(),
                            form.validFrom(),
                            form.validTo(),
                            form.documentNumber(),
                            form.note(),
                            Boolean.TRUE.equals(form.aggregateOnly())));
            redirect.addFlashAttribute("message", text("access.grant.done.grant"));
            return "redirect:/admin/grants" + (accountId == null ? "" : "?accountId=" + accountId);
        } catch (DomainException e) {
            if (e.code().equals(STEP_UP)) {
                return stepUp(accountId, redirect);
            }
            model.addAttribute("error", error(e));
            return page(actor, accountId, form, model);
        }
    }

    @PostMapping("/{id}/revoke")
    String revoke(
            @AuthenticationPrincipal AccountPrincipal actor,
            @PathVariable long id,
            @RequestParam(required = false) @Nullable Integer version,
            @RequestParam(required = false) @Nullable Long accountId,
            RedirectAttributes redirect) {
        try {
            grants.revoke(actor, id, version);
            redirect.addFlashAttribute("message", text("access.grant.done.revoke"));
        } catch (DomainException e) {
            if (e.code().equals(STEP_UP)) {
                return stepUp(accountId, redirect);
            }
            redirect.addFlashAttribute("error", error(e));
        }
        return "redirect:/admin/grants" + (accountId == null ? "" : "?accountId=" + accountId);
    }

    private String page(AccountPrincipal actor, @Nullable Long accountId, GrantForm form, Model model) {
        model.addAttribute("grants", grants.list(actor, accountId));
        model.addAttribute("accountId", accountId);
        model.addAttribute("form", form);
        model.addAttribute(
                "chosenOrg",
                administration.manageableOrganisation(actor, form.orgId()).orElse(null));
        model.addAttribute("roles", Role.values());
        model.addAttribute("databases", Database.values());
        model.addAttribute("ceilings", Classification.values());
        model.addAttribute("selectedDatabases", form.databases() == null ? List.of() : List.copyOf(form.databases()));
        return "admin/grants";
    }

    /**
     * ASVS 5.0 7.5.3: the code first, then back to this page, where the administrator submits the
     * change again.
     */
    private String stepUp(@Nullable Long accountId, RedirectAttributes redirect) {
        redirect.addAttribute("next", "/admin/grants" + (accountId == null ? "" : "?accountId=" + accountId));
        return "redirect:/account/step-up";
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }

    private String error(DomainException e) {
        String fallback =
                messages.getMessage("error.unexpected", null, "Đã xảy ra lỗi.", LocaleContextHolder.getLocale());
        return messages.getMessage("error." + e.code(), e.args(), fallback, LocaleContextHolder.getLocale());
    }
}
