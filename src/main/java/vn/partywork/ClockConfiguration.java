package vn.partywork;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one time source of the application. Every module injects this {@link Clock}, so that
 * "today" (validity of grants, effective dates of restructurings, catalogue versions) and the
 * instants of lock-outs and tokens agree, and tests move all of them at once.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    /** "Today" is the day in Vietnam (UTC+7), whatever the server's own time zone. */
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    @Bean
    Clock clock() {
        return Clock.system(VIETNAM);
    }
}
