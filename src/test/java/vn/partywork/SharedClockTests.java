package vn.partywork;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import vn.partywork.identity.MutableClock;
import vn.partywork.org.OrgStructure;

/** One clock for every module: moving it moves "today" for the organisation tree as well as for identity. */
@PartyworkTest
class SharedClockTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    MutableClock clock;

    @Autowired
    OrgStructure structure;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theApplicationClockKeepsVietnamTime() {
        assertThat(new ClockConfiguration().clock().getZone()).isEqualTo(ZoneId.of("Asia/Ho_Chi_Minh"));
        assertThat(context.getBean(Clock.class)).isSameAs(clock);
    }

    @Test
    void organisationTreeTodayFollowsTheSharedClock() {
        LocalDate before = structure.today();
        clock.advance(Duration.ofDays(3));
        assertThat(structure.today()).isEqualTo(before.plusDays(3)).isEqualTo(LocalDate.now(clock));
    }
}
