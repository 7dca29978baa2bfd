package vn.partywork.notification;

import java.time.Clock;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.partywork.notification.internal.MailAddressStore;
import vn.partywork.notification.internal.NotificationRaised;
import vn.partywork.notification.internal.NotificationSettings;
import vn.partywork.notification.internal.NotificationStore;
import vn.partywork.shared.DomainException;

/**
 * Each account's notification centre: raise a notification, list them newest first, count the
 * unread ones, mark read. An account reaches only its own notifications; another's id is not found
 * (404 {@code notification.notFound}).
 *
 * <p>When e-mail is enabled ({@code partywork.notification.mail.enabled}) and the recipient
 * registered an address, the notification is stored as "mail pending" and sent after the raising
 * transaction commits, never inside it: a failing SMTP server cannot roll back what raised it.
 */
@Service
public class Notifications {

    public static final int MAX_PAGE_SIZE = 100;
    static final int MAX_TITLE = 400;
    static final int MAX_BODY = 4000;
    private static final Pattern LINK = Pattern.compile("^/[A-Za-z0-9][^\\s\\\\]{0,498}$");

    private final NotificationStore store;
    private final MailAddressStore addresses;
    private final NotificationSettings settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Notifications(
            NotificationStore store,
            MailAddressStore addresses,
            NotificationSettings settings,
            ApplicationEventPublisher events,
            Clock clock) {
        this.store = store;
        this.addresses = addresses;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    /** Stores the notification unless its dedupe key was raised for the account before; its id, if stored. */
    @Transactional
    public Optional<Long> raise(NewNotification n) {
        if (n.link() != null && !LINK.matcher(n.link()).matches()) {
            // "Clicking a notification follows its link": only to a page of this application.
            throw new IllegalArgumentException("not a path of this application: " + n.link());
        }
        String address = settings.mail().enabled() ? addresses.of(n.accountId()).orElse(null) : null;
        Optional<Long> id = store.insert(
                n.accountId(),
                n.kind(),
                cut(n.title(), MAX_TITLE),
                cut(n.body(), MAX_BODY),
                n.link(),
                n.dedupeKey(),
                clock.instant(),
                address);
        if (id.isPresent() && address != null) {
            events.publishEvent(new NotificationRaised(id.get()));
        }
        return id;
    }

    @Transactional(readOnly = true)
    public NotificationPage page(long accountId, int page, int size) {
        int p = Math.max(0, page);
        int s = Math.min(Math.max(1, size), MAX_PAGE_SIZE);
        return new NotificationPage(
                store.page(accountId, p * s, s), p, s, store.count(accountId), store.unread(accountId));
    }

    @Transactional(readOnly = true)
    public long unreadCount(long accountId) {
        return store.unread(accountId);
    }

    /** Marks one of the account's own notifications read; returns it (for its link). */
    @Transactional
    public NotificationView markRead(long accountId, long id) {
        store.byId(accountId, id).orElseThrow(() -> DomainException.notFound("notification.notFound"));
        store.markRead(accountId, id, clock.instant());
        return store.byId(accountId, id).orElseThrow();
    }

    /** Marks every unread notification of the account read; how many there were. */
    @Transactional
    public int markAllRead(long accountId) {
        return store.markAllRead(accountId, clock.instant());
    }

    private static String cut(String text, int max) {
        String t = text.strip();
        return t.length() <= max ? t : t.substring(0, max - 1) + "…";
    }
}
