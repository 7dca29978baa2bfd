package vn.partywork.notification.web;

import java.time.Clock;
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
import vn.partywork.notification.NotificationPreferences;
import vn.partywork.notification.NotificationView;
import vn.partywork.notification.Notifications;
import vn.partywork.shared.AccessScope;
import vn.partywork.shared.DomainException;

/** "Thông báo" (the caller's notifications, newest first) and "Cài đặt thông báo" (the e-mail address). */
@Controller
@RequestMapping("/notifications")
class NotificationController {

    private static final int PAGE_SIZE = 20;

    private final Notifications notifications;
    private final NotificationPreferences preferences;
    private final MessageSource messages;
    private final Clock clock;

    NotificationController(
            Notifications notifications, NotificationPreferences preferences, MessageSource messages, Clock clock) {
        this.notifications = notifications;
        this.preferences = preferences;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping
    String list(AccessScope scope, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("notifications", notifications.page(scope.accountId(), page, PAGE_SIZE));
        model.addAttribute("zone", clock.getZone());
        return "notifications/list";
    }

    /** Clicking a notification: it is read now, and the browser follows its link. */
    @PostMapping("/{id}/open")
    String open(AccessScope scope, @PathVariable long id) {
        NotificationView n = notifications.markRead(scope.accountId(), id);
        return "redirect:" + (n.link() == null ? "/notifications" : n.link());
    }

    @PostMapping("/{id}/read")
    String read(AccessScope scope, @PathVariable long id, @RequestParam(defaultValue = "0") int page) {
        notifications.markRead(scope.accountId(), id);
        return "redirect:/notifications?page=" + Math.max(0, page);
    }

    @PostMapping("/read-all")
    String readAll(AccessScope scope, RedirectAttributes redirect) {
        int marked = notifications.markAllRead(scope.accountId());
        redirect.addFlashAttribute("flash", text("notification.flash.readAll", marked));
        return "redirect:/notifications";
    }

    @GetMapping("/settings")
    String settings(AccessScope scope, Model model) {
        model.addAttribute("email", preferences.email(scope.accountId()).orElse(""));
        model.addAttribute("mailEnabled", preferences.mailEnabled());
        return "notifications/settings";
    }

    @PostMapping("/settings")
    String saveSettings(
            AccessScope scope,
            @RequestParam(required = false) @Nullable String email,
            Model model,
            RedirectAttributes redirect) {
        try {
            preferences.setEmail(scope.accountId(), email);
        } catch (DomainException e) {
            model.addAttribute("email", email);
            model.addAttribute("mailEnabled", preferences.mailEnabled());
            model.addAttribute("formError", text("error." + e.code(), e.args()));
            return "notifications/settings";
        }
        redirect.addFlashAttribute("flash", text("notification.flash.saved"));
        return "redirect:/notifications/settings";
    }

    private String text(String code, Object... args) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(code, args, code, locale);
    }
}
