package vn.partywork.member.web;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.partywork.approval.ApprovalRequests;
import vn.partywork.approval.RequestDetails;
import vn.partywork.approval.RequestSummary;
import vn.partywork.audit.AuditTrail;
import vn.partywork.catalogue.CatalogueEntry;
import vn.partywork.catalogue.Catalogues;
import vn.partywork.member.DataSource;
import vn.partywork.member.FieldGroup;
import vn.partywork.member.Gender;
import vn.partywork.member.MemberDossier;
import vn.partywork.member.MemberField;
import vn.partywork.member.MemberLifeEvents;
import vn.partywork.member.MemberPage;
import vn.partywork.member.MemberQuery;
import vn.partywork.member.MemberRecord;
import vn.partywork.member.MemberRegistry;
import vn.partywork.member.MemberStatus;
import vn.partywork.member.NewMember;
import vn.partywork.member.PartyDataChange;
import vn.partywork.org.OrgDetails;
import vn.partywork.org.OrgStructure;
import vn.partywork.org.OrgSummary;
import vn.partywork.shared.AccessScope;
import vn.partywork.shared.DomainException;

/**
 * The member pages: search with htmx partial results ({@code /members}), one record in sections
 * with its history and the source of each group ({@code /members/{id}}), the staff forms (a new
 * record or admission, party data), the proposal of a self-declared change, and the member's own
 * page ({@code /me/record}). Every refusal the user can correct shows on the form.
 */
@Controller
class MemberController {

    private static final int ORG_PICKS = 15;

    private final MemberRegistry registry;
    private final OrgStructure orgs;
    private final Catalogues catalogues;
    private final ApprovalRequests approvals;
    private final MessageSource messages;

    private final AuditTrail auditTrail;
    private final MemberLifeEvents lifeEvents;

    MemberController(
            MemberRegistry registry,
            MemberLifeEvents lifeEvents,
            OrgStructure orgs,
            Catalogues catalogues,
            ApprovalRequests approvals,
            AuditTrail auditTrail,
            MessageSource messages) {
        this.auditTrail = auditTrail;
        this.lifeEvents = lifeEvents;
        this.registry = registry;
        this.orgs = orgs;
        this.catalogues = catalogues;
        this.approvals = approvals;
        this.messages = messages;
    }

    // --- search

    @GetMapping("/members")
    String search(
            AccessScope scope,
            @ModelAttribute("form") MemberSearchForm form,
            BindingResult binding,
            @RequestParam(defaultValue = "0") int page,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            Model model) {
        if (binding.hasErrors()) {
            // A number or a choice that is none (?ageFrom=abc): the criteria are shown empty.
            form = MemberSearchForm.empty();
            model.addAttribute("form", form);
            model.addAttribute("searchError", text("error.member.search.badCriteria"));
        }
        MemberQuery query = form.query();
        model.addAttribute("query", query);
        model.addAttribute("sortParam", form.sort());
        if (!binding.hasErrors()) {
            try {
                MemberPage results = registry.search(scope, query, page, 20);
                model.addAttribute("results", results);
            } catch (DomainException e) {
                if (e.kind() != DomainException.Kind.INVALID && e.kind() != DomainException.Kind.NOT_FOUND) {
                    throw e;
                }
                model.addAttribute("searchError", text("error." + e.code(), e.args()));
            }
        }
        model.addAttribute("pageLink", "/members?" + form.queryString() + "page=");
        model.addAttribute("exportLink", "/members/export?" + form.queryString());
        if (htmx != null) {
            return "members/fragments :: results";
        }
        model.addAttribute("field", "org");
        model.addAttribute("label", "Tổ chức đảng (gồm cả cấp dưới)");
        model.addAttribute("chosen", chosenOrg(scope, query.orgId()));
        model.addAttribute(
                "canCreate",
                !registry.selfService(scope) && !writableCells(scope).isEmpty());
        addCatalogues(model);
        model.addAttribute("statuses", MemberStatus.values());
        model.addAttribute("genders", Gender.values());
        model.addAttribute("sorts", MemberQuery.Sort.values());
        return "members/list";
    }

    /**
     * The organisation filter (replaces a list of the first 200 organisations): search-as-you-type
     * over the caller's readable tree, as on the administration pages; static/js/members.js runs
     * the search again when one is chosen.
     */
    @GetMapping("/members/orgs/pick")
    String pickOrg(AccessScope scope, @RequestParam(required = false) @Nullable String orgQ, Model model) {
        String q = orgQ == null ? "" : orgQ.strip();
        model.addAttribute("field", "org");
        model.addAttribute("query", q);
        model.addAttribute(
                "picks",
                q.isEmpty() || q.length() > 200
                        ? List.of()
                        : orgs.search(scope, q, 0, ORG_PICKS).items().stream()
                                .map(o -> chosenOrg(scope, o.id()))
                                .filter(java.util.Objects::nonNull)
                                .toList());
        return "members/org-picker :: results";
    }

    @GetMapping("/members/orgs/choose")
    String chooseOrg(AccessScope scope, @RequestParam(required = false) @Nullable Long org, Model model) {
        model.addAttribute("field", "org");
        model.addAttribute("label", "Tổ chức đảng (gồm cả cấp dưới)");
        model.addAttribute("chosen", chosenOrg(scope, org));
        return "members/org-picker :: picker";
    }

    /** An organisation of the picker with its parent, or null when none is chosen or it is out of scope. */
    private @Nullable OrgChoice chosenOrg(AccessScope scope, @Nullable Long id) {
        if (id == null) {
            return null;
        }
        try {
            OrgDetails details = orgs.organisation(scope, id, null);
            List<OrgSummary> ancestors = details.ancestors();
            return new OrgChoice(details.org(), ancestors.isEmpty() ? null : ancestors.get(ancestors.size() - 1));
        } catch (DomainException e) {
            return null;
        }
    }

    /** What the picker shows of an organisation. */
    record OrgChoice(OrgSummary org, @Nullable OrgSummary parent) {}

    // --- one record

    @GetMapping("/members/{id}")
    String record(AccessScope scope, @PathVariable long id, Model model) {
        return showRecord(scope, registry.record(scope, id), false, model);
    }

    @GetMapping("/me/record")
    String own(AccessScope scope, Model model) {
        MemberRecord record = registry.ownRecord(scope).orElse(null);
        if (record == null) {
            if (registry.selfService(scope)) {
                // M-2: a new probationary member declares their own form in the handbook.
                Map<String, String> values = new LinkedHashMap<>();
                values.put(MemberField.ETHNICITY.key(), "01");
                values.put(MemberField.RELIGION.key(), "00");
                return createForm(scope, true, values, null, null, null, null, model);
            }
            model.addAttribute("status", 404);
            model.addAttribute("code", "member.record.none");
            model.addAttribute("message", text("error.member.record.none"));
            return "error/page";
        }
        List<RequestSummary> mine = approvals.submitted(scope).stream()
                .filter(r ->
                        r.subjectType().startsWith("member") && r.subjectId().equals(String.valueOf(record.id())))
                .toList();
        model.addAttribute("requests", mine);
        return showRecord(scope, record, true, model);
    }

    private String showRecord(AccessScope scope, MemberRecord record, boolean own, Model model) {
        model.addAttribute("member", record);
        model.addAttribute("own", own);
        model.addAttribute("groups", FieldGroup.values());
        model.addAttribute("fieldsByGroup", fieldsByGroup());
        model.addAttribute("history", registry.history(scope, record.id()));
        // M-4, M-1: life events, transfers and attached documents (MemberEventController acts on them).
        MemberDossier dossier = lifeEvents.dossier(scope, record.id());
        model.addAttribute("dossier", dossier);
        // The keepers of the record (WRITE over its cell) see its history, also once the membership ended.
        if ((record.canEditParty() || dossier.mayAttach()) && !own) {
            // P-AU-1: "who changed what, when, old → new" for the staff who keep the record; the
            // reads (one per page view, this one included) stay in the auditor's viewer.
            model.addAttribute(
                    "auditHistory",
                    auditTrail.history("member", String.valueOf(record.id())).stream()
                            .filter(e -> !"READ".equals(e.action()))
                            .toList());
        }
        return "members/record";
    }

    // --- new record / admission (staff)

    @GetMapping("/members/new")
    String newForm(AccessScope scope, @RequestParam(defaultValue = "false") boolean admission, Model model) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(MemberField.ETHNICITY.key(), "01");
        values.put(MemberField.RELIGION.key(), "00");
        return createForm(scope, admission, values, null, null, MemberStatus.OFFICIAL, null, model);
    }

    @PostMapping("/members/new")
    String create(
            AccessScope scope,
            @RequestParam Map<String, String> form,
            @RequestParam(required = false) @Nullable Long cellId,
            @RequestParam(defaultValue = "false") boolean admission,
            @RequestParam(required = false) @Nullable MemberStatus status,
            @RequestParam(required = false) @Nullable DataSource source,
            Model model,
            RedirectAttributes redirect) {
        Map<String, String> values = fieldValues(form, Arrays.asList(MemberField.values()));
        if (cellId == null) {
            return createForm(
                    scope, admission, values, null, text("error.member.cell.notFound"), status, source, model);
        }
        try {
            NewMember command = new NewMember(new LinkedHashMap<>(values), cellId, status, source, null);
            MemberRecord created = admission ? registry.admit(scope, command) : registry.register(scope, command);
            redirect.addFlashAttribute(
                    "flash", admission ? "Đã gửi phiếu đảng viên vào quy trình phê duyệt." : "Đã lưu hồ sơ đảng viên.");
            return registry.selfService(scope) ? "redirect:/me/record" : "redirect:/members/" + created.id();
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.FORBIDDEN) {
                throw e;
            }
            return createForm(scope, admission, values, cellId, message(e), status, source, model);
        }
    }

    private String createForm(
            AccessScope scope,
            boolean admission,
            Map<String, String> values,
            @Nullable Long cellId,
            @Nullable String error,
            @Nullable MemberStatus status,
            @Nullable DataSource source,
            Model model) {
        model.addAttribute("admission", admission);
        model.addAttribute("values", values);
        model.addAttribute("cellId", cellId);
        model.addAttribute("formError", error);
        model.addAttribute("status", status == null ? MemberStatus.OFFICIAL : status);
        model.addAttribute("source", source == null ? DataSource.DIGITISED_PAPER : source);
        model.addAttribute("selfService", registry.selfService(scope));
        model.addAttribute("cells", registry.selfService(scope) ? readableCells(scope) : writableCells(scope));
        model.addAttribute("groups", FieldGroup.values());
        model.addAttribute("fieldsByGroup", fieldsByGroup());
        model.addAttribute("sources", DataSource.values());
        addCatalogues(model);
        return "members/form";
    }

    // --- party data (staff, M-6)

    @GetMapping("/members/{id}/party")
    String partyForm(AccessScope scope, @PathVariable long id, Model model) {
        MemberRecord record = registry.record(scope, id);
        if (!record.canEditParty()) {
            throw DomainException.forbidden("member.forbidden");
        }
        Map<String, String> values = new LinkedHashMap<>();
        MemberRecord.fields(FieldGroup.PARTY).forEach(f -> {
            String v = record.value(f);
            if (v != null) {
                values.put(f.key(), v);
            }
        });
        return partyPage(scope, record, values, record.cellId(), record.status(), null, null, null, model);
    }

    @PostMapping("/members/{id}/party")
    String updateParty(
            AccessScope scope,
            @PathVariable long id,
            @RequestParam Map<String, String> form,
            @RequestParam long cellId,
            @RequestParam MemberStatus status,
            @RequestParam(required = false) @Nullable LocalDate effectiveOn,
            @RequestParam(required = false) @Nullable String basis,
            @RequestParam int version,
            Model model,
            RedirectAttributes redirect) {
        Map<String, String> values = fieldValues(form, MemberRecord.fields(FieldGroup.PARTY));
        try {
            registry.updatePartyData(
                    scope,
                    id,
                    new PartyDataChange(
                            new LinkedHashMap<>(values), cellId, status, effectiveOn, basis, null, version));
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.FORBIDDEN && !e.code().equals("member.field.selfDeclared")
                    || e.kind() == DomainException.Kind.NOT_FOUND && e.code().equals("member.notFound")) {
                throw e;
            }
            MemberRecord record = registry.record(scope, id);
            return partyPage(scope, record, values, cellId, status, effectiveOn, basis, message(e), model);
        }
        redirect.addFlashAttribute("flash", "Đã cập nhật thông tin về Đảng.");
        return "redirect:/members/" + id;
    }

    private String partyPage(
            AccessScope scope,
            MemberRecord record,
            Map<String, String> values,
            long cellId,
            MemberStatus status,
            @Nullable LocalDate effectiveOn,
            @Nullable String basis,
            @Nullable String error,
            Model model) {
        model.addAttribute("member", record);
        model.addAttribute("values", values);
        model.addAttribute("cellId", cellId);
        model.addAttribute("status", status);
        model.addAttribute("effectiveOn", effectiveOn);
        model.addAttribute("basis", basis);
        model.addAttribute("formError", error);
        model.addAttribute("fields", MemberRecord.fields(FieldGroup.PARTY));
        // M-6: fields (and the confirmation as official) decided by a level the user does not hold are read-only
        Map<String, String> locked = registry.decidedElsewhere(scope, record.id());
        model.addAttribute("locked", locked);
        model.addAttribute(
                "statuses",
                record.status() == MemberStatus.OFFICIAL || locked.containsKey("status")
                        ? List.of(record.status())
                        : List.of(MemberStatus.PROBATIONARY, MemberStatus.OFFICIAL));
        model.addAttribute("cells", writableCells(scope));
        addCatalogues(model);
        return "members/party";
    }

    // --- proposal of a self-declared change (M-3)

    @GetMapping("/members/{id}/propose")
    String proposeForm(AccessScope scope, @PathVariable long id, Model model) {
        MemberRecord record = registry.record(scope, id);
        if (!record.canPropose()) {
            throw DomainException.forbidden("member.forbidden");
        }
        return proposePage(record, currentSelfDeclared(record), null, model);
    }

    @PostMapping("/members/{id}/propose")
    String propose(
            AccessScope scope,
            @PathVariable long id,
            @RequestParam Map<String, String> form,
            Model model,
            RedirectAttributes redirect) {
        MemberRecord record = registry.record(scope, id);
        Map<String, String> values = fieldValues(form, selfDeclaredFields());
        Map<String, @Nullable String> changed = new LinkedHashMap<>();
        Map<String, String> current = currentSelfDeclared(record);
        values.forEach((key, value) -> {
            if (!value.equals(current.getOrDefault(key, ""))) {
                changed.put(key, value);
            }
        });
        try {
            RequestDetails request = registry.proposeUpdate(scope, id, changed);
            redirect.addFlashAttribute(
                    "flash", "Đã gửi đề nghị cập nhật; chi bộ, cấp ủy cơ sở và cấp trên sẽ xem xét, phê duyệt.");
            return "redirect:/approvals/" + request.summary().id();
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.NOT_FOUND) {
                throw e;
            }
            return proposePage(record, values, message(e), model);
        }
    }

    private String proposePage(MemberRecord record, Map<String, String> values, @Nullable String error, Model model) {
        model.addAttribute("member", record);
        model.addAttribute("values", values);
        model.addAttribute("formError", error);
        model.addAttribute("groups", List.of(FieldGroup.IDENTITY, FieldGroup.BACKGROUND));
        model.addAttribute("fieldsByGroup", fieldsByGroup());
        addCatalogues(model);
        return "members/propose";
    }

    // --- helpers

    private static Map<String, String> currentSelfDeclared(MemberRecord record) {
        Map<String, String> values = new LinkedHashMap<>();
        for (MemberField f : selfDeclaredFields()) {
            String v = record.value(f);
            values.put(f.key(), v == null ? "" : v);
        }
        return values;
    }

    private static List<MemberField> selfDeclaredFields() {
        return Arrays.stream(MemberField.values())
                .filter(f -> f.group().selfDeclared())
                .toList();
    }

    /** The form's values of the given fields (blank kept as blank: it clears an optional field). */
    private static Map<String, String> fieldValues(Map<String, String> form, List<MemberField> fields) {
        Map<String, String> values = new LinkedHashMap<>();
        for (MemberField f : fields) {
            if (form.containsKey(f.key())) {
                values.put(f.key(), form.get(f.key()));
            }
        }
        return values;
    }

    private static Map<FieldGroup, List<MemberField>> fieldsByGroup() {
        Map<FieldGroup, List<MemberField>> map = new LinkedHashMap<>();
        for (FieldGroup g : FieldGroup.values()) {
            map.put(g, MemberRecord.fields(g));
        }
        return map;
    }

    /** A MEMBER account reads its own cell only (H-4): the one cell it can declare its form for. */
    private List<OrgSummary> readableCells(AccessScope scope) {
        return orgs.search(scope, null, 0, OrgStructure.MAX_PAGE_SIZE).items().stream()
                .filter(o -> o.kind().isCell())
                .toList();
    }

    private List<OrgSummary> writableCells(AccessScope scope) {
        return orgs.search(scope, null, 0, OrgStructure.MAX_PAGE_SIZE).items().stream()
                .filter(o ->
                        o.kind().isCell() && scope.canWrite(vn.partywork.shared.Database.ORGANISATION_MEMBER, o.path()))
                .toList();
    }

    private void addCatalogues(Model model) {
        Map<String, List<CatalogueEntry>> entries = new LinkedHashMap<>();
        for (MemberField f : MemberField.values()) {
            if (f.catalogue() != null) {
                entries.put(f.catalogue(), catalogues.current(f.catalogue()).entries());
            }
        }
        model.addAttribute("catalogues", entries);
    }

    private String message(DomainException e) {
        return text("error." + e.code(), e.args());
    }

    private String text(String code, Object... args) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(code, args, code, locale);
    }
}
