package vn.partywork.audit.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.partywork.audit.AuditAction;
import vn.partywork.audit.AuditPage;
import vn.partywork.audit.AuditQuery;
import vn.partywork.audit.AuditTrail;
import vn.partywork.audit.AuditVerification;
import vn.partywork.audit.internal.AuditNames;
import vn.partywork.shared.AccessScope;
import vn.partywork.shared.DomainException;
import vn.partywork.shared.Permission;

/**
 * The auditor's pages (P-AU-1): the filtered, paged log (htmx requests get the results partial),
 * a record's history fragment that record pages can embed, CSV export and verification.
 */
@Controller
@RequestMapping("/audit")
class AuditController {

    private static final int PAGE_SIZE = 50;

    private final AuditTrail trail;
    private final AuditNames names;

    AuditController(AuditTrail trail, AuditNames names) {
        this.trail = trail;
        this.names = names;
    }

    @GetMapping
    String list(
            AccessScope scope,
            @RequestParam(required = false) @Nullable String actor,
            @RequestParam(required = false) @Nullable String targetType,
            @RequestParam(required = false) @Nullable String targetId,
            @RequestParam(required = false) @Nullable AuditAction action,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            @RequestParam(defaultValue = "0") int page,
            @RequestHeader(value = "HX-Request", required = false) @Nullable String htmx,
            Model model) {
        AuditQuery query = new AuditQuery(actor, targetType, targetId, action, from, to);
        model.addAttribute("query", query);
        model.addAttribute("actions", Arrays.asList(AuditAction.values()));
        model.addAttribute("targetTypes", trail.targetTypes(scope));
        AuditPage result = trail.search(scope, query, page, PAGE_SIZE);
        model.addAttribute("result", result);
        // P-AU-2: labels, the records' names and readable values instead of codes and ids.
        model.addAttribute("names", names);
        model.addAttribute("titles", names.titles(result.items()));
        return htmx != null ? "audit/fragments :: results" : "audit/list";
    }

    /** "Who changed what, when, old → new" for one record; a fragment for record pages. */
    @GetMapping("/history")
    String history(AccessScope scope, @RequestParam String targetType, @RequestParam String targetId, Model model) {
        requireAuditor(scope);
        model.addAttribute("history", trail.history(targetType, targetId));
        return "audit/fragments :: history";
    }

    @GetMapping("/export.csv")
    void export(
            AccessScope scope,
            @RequestParam(required = false) @Nullable String actor,
            @RequestParam(required = false) @Nullable String targetType,
            @RequestParam(required = false) @Nullable String targetId,
            @RequestParam(required = false) @Nullable AuditAction action,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            HttpServletResponse response)
            throws IOException {
        requireAuditor(scope);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"nhat-ky-kiem-toan.csv\"");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        trail.exportCsv(scope, new AuditQuery(actor, targetType, targetId, action, from, to), out);
    }

    @GetMapping("/verify")
    String verify(AccessScope scope, Model model) {
        AuditVerification result = trail.verify(scope);
        model.addAttribute("verification", result);
        return "audit/verify";
    }

    @PostMapping("/checkpoints")
    String checkpoint(AccessScope scope, RedirectAttributes redirect) {
        redirect.addFlashAttribute("checkpoint", trail.checkpoint(scope));
        return "redirect:/audit/verify";
    }

    private static void requireAuditor(AccessScope scope) {
        if (!scope.has(Permission.AUDIT)) {
            throw DomainException.forbidden("audit.forbidden");
        }
    }
}
