package vn.partywork.notification;

import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.partywork.audit.AuditAction;
import vn.partywork.audit.AuditEvent;
import vn.partywork.audit.AuditLog;
import vn.partywork.notification.internal.MailAddressStore;
import vn.partywork.notification.internal.NotificationSettings;
import vn.partywork.shared.DomainException;

/**
 * "Cài đặt thông báo": the e-mail address an account registers for its notifications, kept in the
 * notification module's own schema (the identity tables stay as they are). Changing it is audited.
 */
@Service
public class NotificationPreferences {

    public static final int MAX_EMAIL = 254;
    // A practical check, not RFC 5322: one @, a dotted domain, no blanks.
    private static final Pattern EMAIL =
            Pattern.compile("^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$");

    private final MailAddressStore addresses;
    private final NotificationSettings settings;
    private final AuditLog audit;
    private final java.time.Clock clock;

    NotificationPreferences(
            MailAddressStore addresses, NotificationSettings settings, AuditLog audit, java.time.Clock clock) {
        this.addresses = addresses;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Optional<String> email(long accountId) {
        return addresses.of(accountId);
    }

    /** Whether the server sends notifications by e-mail at all. */
    public boolean mailEnabled() {
        return settings.mail().enabled();
    }

    /**
     * Registers the address, or removes it when blank. Refused with {@code notification.email.invalid}
     * when it does not look like an e-mail address.
     */
    @Transactional
    public Optional<String> setEmail(long accountId, @Nullable String email) {
        String value = email == null ? "" : email.strip();
        Optional<String> old = addresses.of(accountId);
        if (value.isEmpty()) {
            if (old.isPresent()) {
                addresses.remove(accountId);
                record(accountId, old.get(), null);
            }
            return Optional.empty();
        }
        if (value.length() > MAX_EMAIL || !EMAIL.matcher(value).matches()) {
            throw DomainException.invalid("notification.email.invalid", MAX_EMAIL);
        }
        if (!old.map(value::equals).orElse(false)) {
            addresses.put(accountId, value, clock.instant());
            record(accountId, old.orElse(null), value);
        }
        return Optional.of(value);
    }

    private void record(long accountId, @Nullable String oldValue, @Nullable String newValue) {
        audit.record(AuditEvent.of(AuditAction.UPDATE, "notification_mail_address", accountId)
                .change("email", oldValue, newValue)
                .build());
    }
}
