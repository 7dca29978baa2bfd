package vn.partywork.notification.internal;

import java.time.ZoneId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.support.CronTrigger;
import vn.partywork.notification.ApprovalNotices;

/**
 * Raises the daily "due soon" and "overdue" alerts at {@code partywork.notification.daily-cron}
 * (07:00 Asia/Ho_Chi_Minh by default). Running on several nodes or twice is harmless: every alert
 * has a dedupe key.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class DeadlineAlertJob implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(DeadlineAlertJob.class);

    private final ApprovalNotices notices;
    private final NotificationSettings settings;

    DeadlineAlertJob(ApprovalNotices notices, NotificationSettings settings) {
        this.notices = notices;
        this.settings = settings;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addTriggerTask(this::run, new CronTrigger(settings.dailyCron(), ZoneId.of(settings.zone())));
    }

    void run() {
        try {
            int raised = notices.raiseDeadlineAlerts();
            log.info("Deadline alerts: {} new notifications", raised);
        } catch (RuntimeException e) {
            log.error("Deadline alerts failed; the next run raises what is still due", e);
        }
    }
}
