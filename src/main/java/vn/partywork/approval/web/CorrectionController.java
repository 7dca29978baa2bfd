package vn.partywork.approval.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.partywork.approval.CorrectableField;
import vn.partywork.approval.CorrectionForm;
import vn.partywork.approval.CorrectionRequests;
import vn.partywork.approval.RequestDetails;
import vn.partywork.approval.SubmitCorrection;
import vn.partywork.approval.SubmitCorrection.Evidence;
import vn.partywork.approval.SubmitCorrection.FieldCorrection;
import vn.partywork.shared.AccessScope;
import vn.partywork.shared.DomainException;

/**
 * "Đề nghị đính chính" (P-WF-3): the form listing the record's correctable fields with their current
 * values, the reason and the evidence files; submitting files a correction request and shows it.
 * Each field comes as {@code old_<field>} (the value the page showed) and {@code new_<field>}.
 */
@Controller
@RequestMapping("/corrections")
class CorrectionController {

    private final CorrectionRequests corrections;
    private final MessageSource messages;

    CorrectionController(CorrectionRequests corrections, MessageSource messages) {
        this.corrections = corrections;
        this.messages = messages;
    }

    @GetMapping("/new")
    String form(AccessScope scope, @RequestParam String type, @RequestParam String record, Model model) {
        CorrectionForm form = corrections.form(scope, type, record);
        return show(form, form.record().values(), form.record().values(), null, model);
    }

    @PostMapping
    String submit(
            AccessScope scope,
            @RequestParam String type,
            @RequestParam String record,
            @RequestParam(required = false) @Nullable String reason,
            @RequestParam Map<String, String> params,
            @RequestParam(name = "evidence", required = false) @Nullable List<MultipartFile> files,
            Model model,
            RedirectAttributes redirect) {
        CorrectionForm form = corrections.form(scope, type, record);
        List<FieldCorrection> changes = new ArrayList<>();
        for (CorrectableField f : form.fields()) {
            if (params.containsKey("new_" + f.field())) {
                changes.add(new FieldCorrection(
                        f.field(), params.getOrDefault("old_" + f.field(), ""), params.get("new_" + f.field())));
            }
        }
        RequestDetails request;
        try {
            request = corrections.submit(scope, new SubmitCorrection(type, record, changes, reason, evidence(files)));
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.FORBIDDEN || e.kind() == DomainException.Kind.NOT_FOUND) {
                throw e;
            }
            model.addAttribute("reason", reason);
            Map<String, String> entered = new java.util.LinkedHashMap<>();
            Map<String, String> seen = new java.util.LinkedHashMap<>();
            for (CorrectableField f : form.fields()) {
                entered.put(
                        f.field(),
                        params.getOrDefault("new_" + f.field(), form.record().value(f.field())));
                seen.put(
                        f.field(),
                        params.getOrDefault("old_" + f.field(), form.record().value(f.field())));
            }
            return show(form, seen, entered, text("error." + e.code(), e.args()), model);
        }
        redirect.addFlashAttribute("flash", text("approval.flash.correctionSubmitted"));
        return "redirect:/approvals/" + request.summary().id();
    }

    private String show(
            CorrectionForm form,
            Map<String, String> oldValues,
            Map<String, String> newValues,
            @Nullable String error,
            Model model) {
        model.addAttribute("form", form);
        model.addAttribute("oldValues", oldValues);
        model.addAttribute("newValues", newValues);
        model.addAttribute("formError", error);
        model.addAttribute("maxEvidence", CorrectionRequests.MAX_EVIDENCE);
        return "approvals/correction";
    }

    /** The chosen files; an empty file input still sends one nameless, empty part, which is not a file. */
    static List<Evidence> evidence(@Nullable List<MultipartFile> files) {
        List<Evidence> evidence = new ArrayList<>();
        if (files == null) {
            return evidence;
        }
        for (MultipartFile file : files) {
            String name = file.getOriginalFilename();
            if (file.isEmpty() && (name == null || name.isBlank())) {
                continue;
            }
            try {
                evidence.add(new Evidence(name == null ? "" : name, file.getBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return evidence;
    }

    private String text(String code, Object... args) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(code, args, code, locale);
    }
}
