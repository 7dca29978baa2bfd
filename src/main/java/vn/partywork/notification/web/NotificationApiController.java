package vn.partywork.notification.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.partywork.notification.NotificationPage;
import vn.partywork.notification.NotificationPreferences;
import vn.partywork.notification.NotificationView;
import vn.partywork.notification.Notifications;
import vn.partywork.shared.AccessScope;

/** The caller's own notifications over JSON; another account's notification id answers 404. */
@RestController
@RequestMapping("/api/v1/notifications")
@Tag(name = "Thông báo", description = "Thông báo trong hệ thống của người dùng và địa chỉ nhận thư điện tử")
class NotificationApiController {

    private final Notifications notifications;
    private final NotificationPreferences preferences;

    NotificationApiController(Notifications notifications, NotificationPreferences preferences) {
        this.notifications = notifications;
        this.preferences = preferences;
    }

    record UnreadCount(long count) {}

    record Marked(int marked) {}

    record MailSettings(@Nullable String email, boolean mailEnabled) {}

    record MailSettingsBody(@Nullable String email) {}

    @GetMapping
    @Operation(summary = "Thông báo của người gọi, mới nhất trước (trang bắt đầu từ 0)")
    NotificationPage list(
            AccessScope scope,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return notifications.page(scope.accountId(), page, size);
    }

    @GetMapping("/unread-count")
    @Operation(summary = "Số thông báo chưa đọc")
    UnreadCount unreadCount(AccessScope scope) {
        return new UnreadCount(notifications.unreadCount(scope.accountId()));
    }

    @PostMapping("/{id}/read")
    @Operation(summary = "Đánh dấu một thông báo của người gọi là đã đọc")
    NotificationView read(AccessScope scope, @PathVariable long id) {
        return notifications.markRead(scope.accountId(), id);
    }

    @PostMapping("/read-all")
    @Operation(summary = "Đánh dấu tất cả thông báo của người gọi là đã đọc")
    Marked readAll(AccessScope scope) {
        return new Marked(notifications.markAllRead(scope.accountId()));
    }

    @GetMapping("/settings")
    @Operation(summary = "Địa chỉ thư điện tử nhận thông báo của người gọi")
    MailSettings settings(AccessScope scope) {
        return new MailSettings(preferences.email(scope.accountId()).orElse(null), preferences.mailEnabled());
    }

    @PutMapping("/settings")
    @Operation(summary = "Đăng ký (hoặc xóa, khi để trống) địa chỉ thư điện tử nhận thông báo")
    MailSettings updateSettings(AccessScope scope, @RequestBody MailSettingsBody body) {
        return new MailSettings(
                preferences.setEmail(scope.accountId(), body.email()).orElse(null), preferences.mailEnabled());
    }
}
