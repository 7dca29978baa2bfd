package vn.partywork.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.IntFunction;

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

    /**
     * Two ways of doing the same work (the API call and its SQL), run in turn on the same input
     * {@code i}, the first one first on even runs and second on odd runs: whichever comes second finds
     * the rows cached, so neither side gets all the cold reads. The sorted durations in ms of each.
     */
    static List<List<Double>> paired(IntFunction<?> first, IntFunction<?> second, int warmup, int runs) {
        for (int i = 0; i < warmup; i++) {
            first.apply(i);
            second.apply(i);
        }
        List<Double> a = new ArrayList<>();
        List<Double> b = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            if (i % 2 == 0) {
                a.add(timed(first, warmup + i));
                b.add(timed(second, warmup + i));
            } else {
                b.add(timed(second, warmup + i));
                a.add(timed(first, warmup + i));
            }
        }
        Collections.sort(a);
        Collections.sort(b);
        return List.of(a, b);
    }

    private static double timed(IntFunction<?> work, int i) {
        long start = System.nanoTime();
        work.apply(i);
        return (System.nanoTime() - start) / 1e6;
    }

    static double percentile(List<Double> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }
}
