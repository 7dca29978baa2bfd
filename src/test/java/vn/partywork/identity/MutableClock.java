package vn.partywork.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The system clock shifted by an offset that tests move, so that lock-outs and tokens expire without
 * sleeping; a test that must not see time pass (a TOTP step boundary) freezes it.
 */
public class MutableClock extends Clock {

    private final ZoneId zone;
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);
    private final AtomicReference<Instant> frozen = new AtomicReference<>();

    public MutableClock(ZoneId zone) {
        this.zone = zone;
    }

    public void advance(Duration duration) {
        offset.updateAndGet(d -> d.plus(duration));
    }

    /** Stops the clock at {@code instant} (advancing still moves it) until {@link #reset}. */
    public void freezeAt(Instant instant) {
        offset.set(Duration.ZERO);
        frozen.set(instant);
    }

    public void reset() {
        offset.set(Duration.ZERO);
        frozen.set(null);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        MutableClock clock = new MutableClock(other);
        clock.offset.set(offset.get());
        clock.frozen.set(frozen.get());
        return clock;
    }

    @Override
    public Instant instant() {
        Instant base = frozen.get();
        return (base == null ? Instant.now() : base).plus(offset.get());
    }
}
