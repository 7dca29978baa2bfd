package vn.partywork.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;

/** Wall-clock timings of repeated work for the benchmarks: sorted milliseconds and percentiles. */
final class Timings {

    private Timings() {}

    /** Runs the work {@code warmup} times unmeasured, then {@code runs} times; the sorted durations in ms. */
    static List<Double> time(Callable<?> work, int warmup, int runs) throws Exception {
        for (int i = 0; i < warmup; i++) {
            work.call();
        }
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            work.call();
            millis.add((System.nanoTime() - start) / 1e6);
        }
        Collections.sort(millis);
        return millis;
    }

    static double percentile(List<Double> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }
}
