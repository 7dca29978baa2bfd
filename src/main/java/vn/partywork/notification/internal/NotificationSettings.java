package vn.partywork.notification.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the notification module.
 *
 * @param dailyCron when the daily job raises the "due soon" and "overdue" alerts (Spring cron,
 *        default 07:00 every day)
 * @param zone the time zone of {@code dailyCron} (default Asia/Ho_Chi_Minh)
 * @param mail e-mail delivery
 */
@ConfigurationProperties("partywork.notification")
public record NotificationSettings(
        @DefaultValue("0 0 7 * * *") String dailyCron,
        @DefaultValue("Asia/Ho_Chi_Minh") String zone,
        @DefaultValue Mail mail) {

    /**
     * @param enabled send each new notification by e-mail to the address its recipient registered
     *        (default false); the SMTP server is Spring Boot's {@code spring.mail.*}
     * @param from the sender address
     * @param baseUrl the address of the application, for the links in the e-mails
     */
    public record Mail(
            @DefaultValue("false") boolean enabled,
            @DefaultValue("partywork@localhost") String from,
            @DefaultValue("http://localhost:8080") String baseUrl) {}
}
