package vn.partywork.identity;

import java.time.ZoneId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Picked up by component scanning in every test context (it is a plain configuration, so the
 * whole suite keeps sharing one context): the application's clock becomes a {@link MutableClock}
 * that runs at system time unless a test moves it (and resets it afterwards).
 */
@Configuration(proxyBeanMethods = false)
public class TestClockConfiguration {

    @Bean
    @Primary
    MutableClock testClock() {
        return new MutableClock(ZoneId.of("Asia/Ho_Chi_Minh"));
    }
}
