package vn.partywork.identity.web;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.partywork.identity.AccountAdministration;
import vn.partywork.identity.AccountPrincipal;

/**
 * The organisation picker of the administration forms (account creation, grants). It lives under
 * /admin because administrators have no business scope (a system administrator is refused on
 * /orgs/**); it offers only what the administrator manages (P-ID-2). The form still checks the
 * chosen id on submit.
 */
@Controller
@RequestMapping("/admin/orgs")
class OrgPickerController {

    static final int PICKER_SIZE = 15;

    private final AccountAdministration administration;

    OrgPickerController(AccountAdministration administration) {
        this.administration = administration;
    }

    /** Matches for the search box, each a button that chooses it. */
    @GetMapping("/pick")
    String pick(
            @AuthenticationPrincipal AccountPrincipal actor,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam String field,
            @RequestParam(required = false) @Nullable String label,
            Model model) {
        model.addAttribute("field", field(field));
        model.addAttribute("label", label(label));
        model.addAttribute("query", q);
        model.addAttribute("picks", administration.manageableOrganisations(actor, q, PICKER_SIZE));
        return "admin/org-picker :: results";
    }

    /** The whole picker again with the chosen organisation shown and its id in the hidden field. */
    @GetMapping("/choose")
    String choose(
            @AuthenticationPrincipal AccountPrincipal actor,
            @RequestParam String field,
            @RequestParam(required = false) @Nullable Long id,
            @RequestParam(required = false) @Nullable String label,
            Model model) {
        model.addAttribute("field", field(field));
        model.addAttribute("label", label(label));
        model.addAttribute(
                "chosen", administration.manageableOrganisation(actor, id).orElse(null));
        return "admin/org-picker :: picker";
    }

    private static String label(@Nullable String label) {
        return label == null || label.isBlank() ? "Tổ chức đảng" : label.strip();
    }

    /** The name of the form field the picker fills; only plain names, as it ends up in ids and attributes. */
    static String field(String name) {
        return name.matches("[a-zA-Z]{1,40}") ? name : "orgId";
    }
}
