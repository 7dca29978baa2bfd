package vn.partywork.access.web;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.partywork.access.AccountReviews;
import vn.partywork.access.Grants;
import vn.partywork.identity.AccountAdministration;
import vn.partywork.identity.AccountPrincipal;
import vn.partywork.org.OrgDirectory;
import vn.partywork.org.OrgSummary;
import vn.partywork.shared.DomainException;

/**
 * P-ID-5: the account review page of an organisation administrator (a system administrator chooses
 * any organisation): accounts of the subtree with their last sign-in, dormant ones first, grants
 * ending soon, and "review done" with the earlier reviews.
 */
@Controller
@RequestMapping("/admin/review")
class AccountReviewController {

    private final AccountReviews reviews;
    private final Grants grants;
    private final AccountAdministration administration;
    private final OrgDirectory orgs;
    private final MessageSource messages;

    AccountReviewController(
            AccountReviews reviews,
            Grants grants,
            AccountAdministration administration,
            OrgDirectory orgs,
            MessageSource messages) {
        this.reviews = reviews;
        this.grants = grants;
        this.administration = administration;
        this.orgs = orgs;
        this.messages = messages;
    }

    @GetMapping
    String sheet(
            @AuthenticationPrincipal AccountPrincipal actor,
            @RequestParam(required = false) @Nullable Long orgId,
            @RequestParam(defaultValue = "0") int page,
            Model model,
            HttpServletResponse response) {
        long org = orgId != null ? orgId : defaultOrg(actor);
        model.addAttribute("sheet", reviews.sheet(actor, org, Math.max(page, 0)));
        model.addAttribute(
                "chosenOrg", administration.manageableOrganisation(actor, org).orElse(null));
        // Personal data (names, last sign-ins): not kept in caches.
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        return "admin/review";
    }

    @PostMapping("/done")
    String done(
            @AuthenticationPrincipal AccountPrincipal actor,
            @RequestParam long orgId,
            @RequestParam(required = false) @Nullable String note,
            RedirectAttributes redirect) {
        try {
            reviews.markDone(actor, orgId, note);
            redirect.addFlashAttribute("message", text("access.review.done"));
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", error(e));
        }
        return "redirect:/admin/review?orgId=" + orgId;
    }

    /** P-ID-5: keeps a grant whose holder changed position. */
    @PostMapping("/grants/{id}/confirm")
    String confirm(
            @AuthenticationPrincipal AccountPrincipal actor,
            @PathVariable long id,
            @RequestParam(required = false) @Nullable Integer version,
            @RequestParam long orgId,
            RedirectAttributes redirect) {
        try {
            grants.confirmReview(actor, id, version);
            redirect.addFlashAttribute("message", text("access.review.grantConfirmed"));
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", error(e));
        }
        return "redirect:/admin/review?orgId=" + orgId;
    }

    /** P-ID-5: revokes a grant whose holder changed position (a fresh second factor first, as on the grants page). */
    @PostMapping("/grants/{id}/revoke")
    String revoke(
            @AuthenticationPrincipal AccountPrincipal actor,
            @PathVariable long id,
            @RequestParam(required = false) @Nullable Integer version,
            @RequestParam long orgId,
            RedirectAttributes redirect) {
        try {
            grants.revoke(actor, id, version);
            redirect.addFlashAttribute("message", text("access.grant.done.revoke"));
        } catch (DomainException e) {
            if (e.code().equals("auth.stepUpRequired")) {
                redirect.addAttribute("next", "/admin/review?orgId=" + orgId);
                return "redirect:/account/step-up";
            }
            redirect.addFlashAttribute("error", error(e));
        }
        return "redirect:/admin/review?orgId=" + orgId;
    }

    /** The administrator's own organisation; the root of the tree for a system administrator. */
    private long defaultOrg(AccountPrincipal actor) {
        if (actor.homeOrgId() != null) {
            return actor.homeOrgId();
        }
        return orgs.root()
                .map(OrgSummary::id)
                .orElseThrow(() -> DomainException.notFound("identity.review.orgNotFound"));
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
