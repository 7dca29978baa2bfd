package vn.partywork.org.web;

import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.partywork.audit.AuditTrail;
import vn.partywork.org.AbsorbOrganisation;
import vn.partywork.org.DissolveOrganisation;
import vn.partywork.org.EstablishOrganisation;
import vn.partywork.org.MergeOrganisations;
import vn.partywork.org.OrgDetails;
import vn.partywork.org.OrgKind;
import vn.partywork.org.OrgRestructuring;
import vn.partywork.org.OrgStructure;
import vn.partywork.org.OrgSummary;
import vn.partywork.org.OrgTreeNode;
import vn.partywork.org.RenameOrganisation;
import vn.partywork.org.SplitOrganisation;
import vn.partywork.org.StructuralChangeKind;
import vn.partywork.org.TransferOrganisation;
import vn.partywork.org.web.OrgForms.AbsorbForm;
import vn.partywork.org.web.OrgForms.DissolveForm;
import vn.partywork.org.web.OrgForms.EstablishForm;
import vn.partywork.org.web.OrgForms.MergeForm;
import vn.partywork.org.web.OrgForms.RenameForm;
import vn.partywork.org.web.OrgForms.SplitForm;
import vn.partywork.org.web.OrgForms.SuccessorRow;
import vn.partywork.org.web.OrgForms.TransferForm;
import vn.partywork.shared.AccessScope;
import vn.partywork.shared.Database;
import vn.partywork.shared.DomainException;

/**
 * The organisation pages (P-ORG-1, P-ORG-2, P-UI-1): the tree browser with lazy expansion, search
 * and an as-of date, and the organisation page with its history and restructuring forms. htmx
 * requests (header {@code HX-Request}) get partials; forms post, then redirect with a flash message.
 */
@Controller
@RequestMapping("/orgs")
class OrgController {

    private static final int SEARCH_PAGE_SIZE = 20;
    private static final int PICKER_SIZE = 10;
    private static final java.time.ZoneId ZONE = java.time.ZoneId.of("Asia/Ho_Chi_Minh");

    private final OrgStructure structure;
    private final OrgRestructuring restructuring;
    private final AuditTrail auditTrail;
    private final MessageSource messages;

    OrgController(
            OrgStructure structure, OrgRestructuring restructuring, AuditTrail auditTrail, MessageSource messages) {
        this.structure = structure;
        this.auditTrail = auditTrail;
        this.restructuring = restructuring;
        this.messages = messages;
    }

    @InitBinder
    void initBinder(WebDataBinder binder) {
        binder.setDisallowedFields("id");
    }

    // --- tree browser

    @GetMapping
    String tree(
            AccessScope scope,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate asOf,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(defaultValue = "0") int page,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            Model model) {
        model.addAttribute("asOf", asOf);
        model.addAttribute("q", q);
        if (q != null && !q.isBlank()) {
            model.addAttribute("results", structure.search(scope, q, page, SEARCH_PAGE_SIZE));
        }
        if (htmx != null) {
            return "org/fragments :: searchResults";
        }
        model.addAttribute("roots", structure.roots(scope, asOf));
        model.addAttribute("today", structure.today());
        return "org/tree";
    }

    @GetMapping("/{id}/children")
    String children(
            AccessScope scope,
            @PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate asOf,
            Model model) {
        model.addAttribute("nodes", structure.children(scope, id, asOf));
        model.addAttribute("asOf", asOf);
        return "org/fragments :: nodes";
    }

    /** Picker for the transfer, merge and absorb forms: radio buttons or check boxes named {@code field}. */
    @GetMapping("/pick")
    String pick(
            AccessScope scope,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam String field,
            @RequestParam(defaultValue = "false") boolean multiple,
            Model model) {
        model.addAttribute("field", field.matches("[a-zA-Z]{1,40}") ? field : "orgId");
        model.addAttribute("multiple", multiple);
        model.addAttribute(
                "picks",
                q == null || q.isBlank()
                        ? List.of()
                        : structure.search(scope, q, 0, PICKER_SIZE).items());
        return "org/fragments :: picker";
    }

    // --- organisation page

    @GetMapping("/{id}")
    String organisation(
            AccessScope scope,
            @PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate asOf,
            Model model) {
        return page(scope, id, asOf, model, null);
    }

    @PostMapping("/{id}/establish")
    String establish(
            AccessScope scope,
            @PathVariable long id,
            @Valid @ModelAttribute("establishForm") EstablishForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        return submit(
                scope,
                id,
                "establish",
                binding,
                model,
                redirect,
                StructuralChangeKind.ESTABLISH,
                () -> restructuring
                        .establish(
                                scope,
                                new EstablishOrganisation(
                                        id,
                                        text(form.getCode()),
                                        text(form.getName()),
                                        form.getKind(),
                                        form.decision(),
                                        form.getEffectiveOn(),
                                        form.getNote()))
                        .id());
    }

    @PostMapping("/{id}/rename")
    String rename(
            AccessScope scope,
            @PathVariable long id,
            @Valid @ModelAttribute("renameForm") RenameForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        return submit(
                scope,
                id,
                "rename",
                binding,
                model,
                redirect,
                StructuralChangeKind.RENAME,
                () -> restructuring
                        .rename(
                                scope,
                                new RenameOrganisation(
                                        id,
                                        text(form.getName()),
                                        form.getCode(),
                                        form.decision(),
                                        form.getEffectiveOn(),
                                        form.getNote()))
                        .id());
    }

    @PostMapping("/{id}/transfer")
    String transfer(
            AccessScope scope,
            @PathVariable long id,
            @Valid @ModelAttribute("transferForm") TransferForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        return submit(
                scope,
                id,
                "transfer",
                binding,
                model,
                redirect,
                StructuralChangeKind.TRANSFER,
                () -> restructuring
                        .transfer(
                                scope,
                                new TransferOrganisation(
                                        id,
                                        form.getNewParentId(),
                                        form.decision(),
                                        form.getEffectiveOn(),
                                        form.getNote()))
                        .id());
    }

    @PostMapping("/{id}/split")
    String split(
            AccessScope scope,
            @PathVariable long id,
            @Valid @ModelAttribute("splitForm") SplitForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        return submit(scope, id, "split", binding, model, redirect, StructuralChangeKind.SPLIT, () -> {
            List<SuccessorRow> rows = form.getSuccessors();
            List<SplitOrganisation.Successor> successors = new ArrayList<>();
            for (int row = 0; row < rows.size(); row++) {
                if (rows.get(row).blank()) {
                    continue;
                }
                int index = row;
                List<Long> childIds = form.getAssignment().entrySet().stream()
                        .filter(e -> e.getValue() != null && e.getValue() == index)
                        .map(java.util.Map.Entry::getKey)
                        .toList();
                successors.add(new SplitOrganisation.Successor(
                        text(rows.get(row).getCode()), text(rows.get(row).getName()), null, childIds));
            }
            boolean assignedToBlankRow = form.getAssignment().values().stream()
                    .anyMatch(i -> i == null
                            || i < 0
                            || i >= rows.size()
                            || rows.get(i).blank());
            if (assignedToBlankRow) {
                throw DomainException.invalid("org.split.childNotAssigned");
            }
            return restructuring
                    .split(
                            scope,
                            new SplitOrganisation(
                                    id, successors, form.decision(), form.getEffectiveOn(), form.getNote()))
                    .get(0)
                    .id();
        });
    }

    @PostMapping("/{id}/merge")
    String merge(
            AccessScope scope,
            @PathVariable long id,
            @Valid @ModelAttribute("mergeForm") MergeForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        return submit(scope, id, "merge", binding, model, redirect, StructuralChangeKind.MERGE, () -> {
            Set<Long> sources = new LinkedHashSet<>();
            sources.add(id);
            sources.addAll(form.getOtherSourceIds());
            return restructuring
                    .merge(
                            scope,
                            new MergeOrganisations(
                                    List.copyOf(sources),
                                    form.getParentId(),
                                    text(form.getCode()),
                                    text(form.getName()),
                                    form.getKind(),
                                    form.decision(),
                                    form.getEffectiveOn(),
                                    form.getNote()))
                    .id();
        });
    }

    @PostMapping("/{id}/absorb")
    String absorb(
            AccessScope scope,
            @PathVariable long id,
            @Valid @ModelAttribute("absorbForm") AbsorbForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        return submit(
                scope,
                id,
                "absorb",
                binding,
                model,
                redirect,
                StructuralChangeKind.ABSORB,
                () -> restructuring
                        .absorb(
                                scope,
                                new AbsorbOrganisation(
                                        id, form.getTargetId(), form.decision(), form.getEffectiveOn(), form.getNote()))
                        .id());
    }

    @PostMapping("/{id}/dissolve")
    String dissolve(
            AccessScope scope,
            @PathVariable long id,
            @Valid @ModelAttribute("dissolveForm") DissolveForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        return submit(scope, id, "dissolve", binding, model, redirect, StructuralChangeKind.DISSOLVE, () -> {
            OrgSummary dissolved = restructuring.dissolve(
                    scope, new DissolveOrganisation(id, form.decision(), form.getEffectiveOn(), form.getNote()));
            return dissolved.parentId() == null ? dissolved.id() : dissolved.parentId();
        });
    }

    /**
     * Runs one restructuring: invalid input or a refusal shows the page again with the form open and
     * the Vietnamese message next to it; success redirects to the resulting organisation (PRG).
     */
    private String submit(
            AccessScope scope,
            long id,
            String form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect,
            StructuralChangeKind kind,
            Supplier<Long> action) {
        if (binding.hasErrors()) {
            return page(scope, id, null, model, form);
        }
        try {
            long target = action.get();
            redirect.addFlashAttribute("flash", message("org.flash." + kind.name()));
            return "redirect:/orgs/" + target;
        } catch (DomainException e) {
            // If the organisation of the page itself is gone or out of scope, page() throws again
            // and the error page answers; any other refusal belongs next to the form.
            model.addAttribute("formError", message("error." + e.code(), e.args()));
            return page(scope, id, null, model, form);
        }
    }

    private String page(AccessScope scope, long id, @Nullable LocalDate asOf, Model model, @Nullable String openForm) {
        OrgDetails details = structure.organisation(scope, id, asOf);
        List<OrgTreeNode> children = structure.children(scope, id, details.asOf());
        model.addAttribute("org", details);
        // Ancestors above the caller's scope are named (they are the organisation's context) but not linked.
        model.addAttribute(
                "linkedAncestors",
                details.ancestors().stream()
                        .filter(a -> scope.canRead(Database.ORGANISATION_MEMBER, a.path()))
                        .map(OrgSummary::id)
                        .collect(Collectors.toSet()));
        model.addAttribute("asOf", asOf);
        model.addAttribute("today", structure.today());
        model.addAttribute("children", children);
        model.addAttribute("history", structure.history(scope, id));
        if (details.writable()) {
            // P-AU-1: "who changed what, when, old → new" for those who maintain the organisation;
            // readers see the structural history above, not who did it.
            model.addAttribute("auditHistory", auditTrail.history("organisation", String.valueOf(id)));
        }
        model.addAttribute("openForm", openForm);
        model.addAttribute("kinds", OrgKind.values());
        model.addAttribute("childKinds", details.org().kind().allowedChildren());
        model.addAttribute("splitRows", SplitForm.ROWS);
        model.addAttribute("zone", ZONE);
        if (details.writable()) {
            addIfMissing(model, "establishForm", new EstablishForm());
            RenameForm rename = new RenameForm();
            rename.setName(details.org().name());
            addIfMissing(model, "renameForm", rename);
            addIfMissing(model, "transferForm", new TransferForm());
            addIfMissing(model, "splitForm", new SplitForm());
            MergeForm merge = new MergeForm();
            merge.setParentId(details.org().parentId());
            merge.setKind(details.org().kind());
            addIfMissing(model, "mergeForm", merge);
            addIfMissing(model, "absorbForm", new AbsorbForm());
            addIfMissing(model, "dissolveForm", new DissolveForm());
        }
        return "org/organisation";
    }

    private static void addIfMissing(Model model, String name, Object form) {
        if (!model.containsAttribute(name)) {
            model.addAttribute(name, form);
        }
    }

    private String message(String code, Object... args) {
        Locale locale = LocaleContextHolder.getLocale();
        String fallback = messages.getMessage("error.unexpected", null, "Đã xảy ra lỗi.", locale);
        return messages.getMessage(code, args, fallback, locale);
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value;
    }
}
