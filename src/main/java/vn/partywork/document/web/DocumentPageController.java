package vn.partywork.document.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.partywork.access.NewShare;
import vn.partywork.access.RecordShares;
import vn.partywork.access.ShareLevel;
import vn.partywork.document.SharedDocuments;
import vn.partywork.document.SharedDocuments.DocumentFile;
import vn.partywork.shared.AccessScope;
import vn.partywork.shared.DomainException;

/**
 * The page of one file (P-AZ-2): what it is, the download, its description; for the owner side the
 * shares in force (the uploader shares and revokes); the comment thread for the owner side and
 * grantees at COMMENT or above. Reached by whoever sees the owning record or holds a share in force;
 * 404 for anyone else, as for a file that does not exist.
 */
@Controller
class DocumentPageController {

    private final SharedDocuments files;
    private final RecordShares shares;
    private final MessageSource messages;
    private final Clock clock;

    DocumentPageController(SharedDocuments files, RecordShares shares, MessageSource messages, Clock clock) {
        this.files = files;
        this.shares = shares;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/documents/{id}/info")
    String page(AccessScope scope, @PathVariable long id, Model model) {
        DocumentFile file = files.file(scope, id);
        model.addAttribute("file", file);
        model.addAttribute("shares", file.ownerSide() ? files.shares(scope, id) : List.of());
        model.addAttribute(
                "comments", file.mayComment() && !file.deviceMissing() ? files.comments(scope, id) : List.of());
        model.addAttribute("levels", ShareLevel.values());
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("today", today);
        model.addAttribute("defaultExpiry", today.plusDays(Math.min(30, shares.maxDays())));
        model.addAttribute("lastExpiry", today.plusDays(shares.maxDays()));
        model.addAttribute("maxDays", shares.maxDays());
        return "documents/info";
    }

    @PostMapping("/documents/{id}/shares")
    String share(
            AccessScope scope,
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String grantee,
            @RequestParam(required = false) @Nullable ShareLevel level,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable
                    LocalDate expiresOn,
            RedirectAttributes redirect) {
        return act(
                id,
                redirect,
                "access.share.done.share",
                "shares",
                () -> files.share(scope, id, new NewShare(grantee, level, expiresOn)));
    }

    @PostMapping("/documents/{id}/shares/{shareId}/revoke")
    String revoke(AccessScope scope, @PathVariable long id, @PathVariable long shareId, RedirectAttributes redirect) {
        return act(id, redirect, "access.share.done.revoke", "shares", () -> files.revoke(scope, id, shareId));
    }

    @PostMapping("/documents/{id}/comments")
    String comment(
            AccessScope scope,
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String body,
            RedirectAttributes redirect) {
        return act(id, redirect, "document.comment.done", "comments", () -> files.comment(scope, id, body));
    }

    @PostMapping("/documents/{id}/description")
    String describe(
            AccessScope scope,
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String description,
            @RequestParam(required = false) @Nullable Integer version,
            RedirectAttributes redirect) {
        return act(
                id,
                redirect,
                "document.description.done",
                "description",
                () -> files.describe(scope, id, description, version));
    }

    /** Runs a change; a refused input comes back as a message on the page, 404 and 403 as error pages. */
    private String act(long id, RedirectAttributes redirect, String done, String anchor, Runnable change) {
        try {
            change.run();
            redirect.addFlashAttribute("flash", text(done));
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.NOT_FOUND || e.kind() == DomainException.Kind.FORBIDDEN) {
                throw e;
            }
            redirect.addFlashAttribute("flashError", message(e));
        }
        return "redirect:/documents/" + id + "/info#" + anchor;
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }

    private String message(DomainException e) {
        String fallback =
                messages.getMessage("error.unexpected", null, "Đã xảy ra lỗi.", LocaleContextHolder.getLocale());
        return messages.getMessage("error." + e.code(), e.args(), fallback, LocaleContextHolder.getLocale());
    }
}
