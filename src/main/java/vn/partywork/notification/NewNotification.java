package vn.partywork.notification;

import org.jspecify.annotations.Nullable;

/**
 * A notification to raise for one account. {@code link} is a path inside the application
 * ({@code /approvals/42}); {@code dedupeKey}, when given, makes raising it again for the same
 * account a no-op.
 */
public record NewNotification(
        long accountId,
        NotificationKind kind,
        String title,
        String body,
        @Nullable String link,
        @Nullable String dedupeKey) {}
