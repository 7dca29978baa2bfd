package vn.partywork.identity.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Rate limit of sign-in attempts (issue 6 item 9): failures are counted per typed identifier and
 * per client address in a sliding window, in memory, in a map of bounded size (the least recently
 * failing keys are dropped first, so a flood of made-up identifiers cannot exhaust the heap). With
 * several application nodes each node counts its own; the account lock-out in the database stays
 * the shared guard.
 */
@Component
public class LoginThrottle {

    private final IdentitySettings.RateLimit settings;
    private final Clock clock;
    private final Map<String, ArrayDeque<Instant>> failures;

    LoginThrottle(IdentitySettings settings, Clock clock) {
        this.settings = settings.rateLimit();
        this.clock = clock;
        int max = Math.max(1, this.settings.maxTracked());
        this.failures = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, ArrayDeque<Instant>> eldest) {
                return size() > max;
            }
        };
    }

    /** Whether one more attempt for this identifier from this address may be checked at all. */
    public synchronized boolean allows(String identifier, String address) {
        Instant now = clock.instant();
        return recent(accountKey(identifier), now) < settings.perAccount()
                && (settings.exemptAddresses().contains(address)
                        || recent(addressKey(address), now) < settings.perAddress());
    }

    public synchronized void failed(String identifier, String address) {
        Instant now = clock.instant();
        add(accountKey(identifier), now, settings.perAccount());
        if (!settings.exemptAddresses().contains(address)) {
            add(addressKey(address), now, settings.perAddress());
        }
    }

    private int recent(String key, Instant now) {
        ArrayDeque<Instant> times = failures.get(key);
        if (times == null) {
            return 0;
        }
        Instant since = now.minus(settings.window());
        while (!times.isEmpty() && !times.peekFirst().isAfter(since)) {
            times.pollFirst();
        }
        if (times.isEmpty()) {
            failures.remove(key);
            return 0;
        }
        return times.size();
    }

    private void add(String key, Instant now, int limit) {
        recent(key, now);
        ArrayDeque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        times.addLast(now);
        while (times.size() > limit) { // older failures add nothing once the limit is reached
            times.pollFirst();
        }
    }

    private static String accountKey(String identifier) {
        return "a:" + LoginService.normalise(identifier); // bounded: a flood of huge identifiers stays small
    }

    private static String addressKey(String address) {
        return "ip:" + address;
    }
}
