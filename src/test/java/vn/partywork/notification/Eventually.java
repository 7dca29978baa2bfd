package vn.partywork.notification;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waits for what the asynchronous listeners do after a commit (the approval events are handled
 * after the approving transaction, on another thread): polls until the value satisfies the
 * condition, and returns the last value either way so the assertion shows what was there.
 */
public final class Eventually {

    private Eventually() {}

    public static <T> T until(Supplier<T> value, Predicate<T> done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        T last = value.get();
        while (!done.test(last) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return last;
            }
            last = value.get();
        }
        return last;
    }
}
