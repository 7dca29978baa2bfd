package vn.partywork.approval.web;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.partywork.approval.ApprovalAlerts;
import vn.partywork.approval.ApprovalRequests;
import vn.partywork.approval.ApprovalStatus;
import vn.partywork.approval.CorrectionRequests;
import vn.partywork.approval.RequestDetails;
import vn.partywork.approval.RequestSummary;
import vn.partywork.approval.StepDecision;
import vn.partywork.shared.AccessScope;
import vn.partywork.shared.DomainException;

/**
 * The approval pages (P-WF-1): "Việc cần xử lý" (the caller's inbox), "Đã gửi" (the caller's own
 * requests), "Theo dõi" (overdue steps of lower units), and one request with its proposed changes,
 * trail and the act buttons.
 */
@Controller
@RequestMapping("/approvals")
class ApprovalController {

    private final ApprovalRequests approvals;
    private final CorrectionRequests corrections;
    private final ApprovalAlerts alerts;
    private final MessageSource messages;
    private final Clock clock;

    ApprovalController(
            ApprovalRequests approvals,
            CorrectionRequests corrections,
            ApprovalAlerts alerts,
            MessageSource messages,
            Clock clock) {
        this.approvals = approvals;
        this.corrections = corrections;
        this.alerts = alerts;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping
    String inbox(AccessScope scope, Model model) {
        return list("inbox", approvals.inbox(scope), model);
    }

    @GetMapping("/sent")
    String sent(AccessScope scope, Model model) {
        return list("sent", approvals.submitted(scope), model);
    }

    @GetMapping("/monitor")
    String monitor(AccessScope scope, Model model) {
        model.addAttribute("timeliness", alerts.timeliness(scope)); // P-EV-1
        return list("monitor", approvals.overdue(scope), model);
    }

    @GetMapping("/{id}")
    String details(AccessScope scope, @PathVariable long id, Model model) {
        model.addAttribute("request", approvals.details(scope, id));
        model.addAttribute("correction", corrections.details(scope, id).orElse(null));
        model.addAttribute("zone", clock.getZone());
        return "approvals/detail";
    }

    @PostMapping("/{id}/act")
    String act(
            AccessScope scope,
            @PathVariable long id,
            @RequestParam StepDecision action,
            @RequestParam(required = false) @Nullable String comment,
            @RequestParam int version,
            Model model,
            RedirectAttributes redirect) {
        RequestDetails after;
        try {
            after = approvals.act(scope, id, action, comment, version);
        } catch (DomainException e) {
            return formError(scope, id, e, comment, model);
        }
        boolean completed = after.summary().status() == ApprovalStatus.COMPLETED;
        redirect.addFlashAttribute("flash", text("approval.flash." + (completed ? "completed" : action.name())));
        return "redirect:/approvals/" + id;
    }

    @PostMapping("/{id}/resubmit")
    String resubmit(
            AccessScope scope,
            @PathVariable long id,
            @RequestParam int version,
            @RequestParam(required = false) @Nullable String comment,
            Model model,
            RedirectAttributes redirect) {
        try {
            approvals.resubmit(scope, id, version, null, comment);
        } catch (DomainException e) {
            return formError(scope, id, e, comment, model);
        }
        redirect.addFlashAttribute("flash", text("approval.flash.resubmitted"));
        return "redirect:/approvals/" + id;
    }

    @PostMapping("/{id}/withdraw")
    String withdraw(
            AccessScope scope,
            @PathVariable long id,
            @RequestParam int version,
            @RequestParam(required = false) @Nullable String comment,
            Model model,
            RedirectAttributes redirect) {
        try {
            approvals.withdraw(scope, id, version, comment);
        } catch (DomainException e) {
            return formError(scope, id, e, comment, model);
        }
        redirect.addFlashAttribute("flash", text("approval.flash.withdrawn"));
        return "redirect:/approvals/" + id;
    }

    private String list(String tab, List<RequestSummary> requests, Model model) {
        model.addAttribute("tab", tab);
        model.addAttribute("requests", requests);
        return "approvals/list";
    }

    /** A refusal the caller can correct (a missing reason, a stale page) shows on the page; others are error pages. */
    private String formError(AccessScope scope, long id, DomainException e, @Nullable String comment, Model model) {
        if (e.kind() == DomainException.Kind.FORBIDDEN || e.kind() == DomainException.Kind.NOT_FOUND) {
            throw e;
        }
        model.addAttribute("formError", text("error." + e.code(), e.args()));
        model.addAttribute("comment", comment);
        return details(scope, id, model);
    }

    private String text(String code, Object... args) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(code, args, code, locale);
    }
}
