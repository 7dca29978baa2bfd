package vn.partywork.notification.internal;

import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import vn.partywork.notification.internal.NotificationStore.MailItem;

/**
 * Sends a notification by e-mail once the transaction that raised it has committed (never inside
 * it), through Spring Boot's SMTP settings ({@code spring.mail.host}, {@code .port}, …). The outcome
 * is kept on the notification (SENT, or FAILED with the error); a failure is logged and does not
 * reach whoever raised the notification.
 */
@Component
class MailDelivery {

    private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);

    private final NotificationStore store;
    private final ObjectProvider<JavaMailSender> senders;
    private final NotificationSettings settings;
    private final Clock clock;

    MailDelivery(
            NotificationStore store,
            ObjectProvider<JavaMailSender> senders,
            NotificationSettings settings,
            Clock clock) {
        this.store = store;
        this.senders = senders;
        this.settings = settings;
        this.clock = clock;
    }

    @ApplicationModuleListener(id = "notification.mail")
    void on(NotificationRaised event) {
        store.pendingMail(event.notificationId()).ifPresent(this::send);
    }

    private void send(MailItem item) {
        JavaMailSender sender = senders.getIfAvailable();
        if (sender == null || item.address() == null) {
            store.mailOutcome(item.id(), false, "Chưa cấu hình máy chủ SMTP (spring.mail.host).", clock.instant());
            log.warn("Notification {}: e-mail is enabled but no SMTP server is configured", item.id());
            return;
        }
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper mail = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
            mail.setFrom(settings.mail().from());
            mail.setTo(item.address());
            mail.setSubject(item.title());
            mail.setText(text(item), false);
            sender.send(message);
            store.mailOutcome(item.id(), true, null, clock.instant());
        } catch (Exception e) {
            // The approval (or whatever raised it) is committed already; keep the failure and go on.
            log.warn("Notification {}: e-mail to the registered address failed: {}", item.id(), e.toString());
            store.mailOutcome(item.id(), false, e.toString(), clock.instant());
        }
    }

    private String text(MailItem item) {
        StringBuilder text = new StringBuilder(item.body()).append("\n\n");
        if (item.link() != null) {
            String base = settings.mail().baseUrl().replaceAll("/+$", "");
            text.append("Xem chi tiết: ").append(base).append(item.link()).append("\n\n");
        }
        text.append("—\nHệ thống thông tin công tác Đảng. Thư này được gửi tự động; ")
                .append("đổi địa chỉ nhận thư tại trang Cài đặt thông báo.\n");
        return text.toString();
    }
}
