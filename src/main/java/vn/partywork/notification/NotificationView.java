package vn.partywork.notification;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One notification as its recipient sees it. */
public record NotificationView(
        long id,
        NotificationKind kind,
        String title,
        String body,
        @Nullable String link,
        Instant createdAt,
        @Nullable Instant readAt) {

    public boolean unread() {
        return readAt == null;
    }
}
