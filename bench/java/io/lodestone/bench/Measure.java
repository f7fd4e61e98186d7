package io.lodestone.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Side-by-side timing: the contenders run in alternation, round after round, in one JVM, so that
 * machine noise (other builds, JIT phases) spreads over all of them; each figure is a median of rounds.
 */
final class Measure {
    private final Map<String, Runnable> tasks = new LinkedHashMap<>();

    Measure add(String name, Runnable task) {
        tasks.put(name, task);
        return this;
    }

    /** Runs every task {@code warmup} times, then {@code rounds} alternating rounds; median ns per round. */
    Map<String, Double> run(int warmup, int rounds) {
        for (int w = 0; w < warmup; w++) {
            tasks.values().forEach(Runnable::run);
        }
        Map<String, List<Long>> times = new LinkedHashMap<>();
        tasks.keySet().forEach(k -> times.put(k, new ArrayList<>()));
        for (int r = 0; r < rounds; r++) {
            for (Map.Entry<String, Runnable> t : tasks.entrySet()) {
                long t0 = System.nanoTime();
                t.getValue().run();
                times.get(t.getKey()).add(System.nanoTime() - t0);
            }
        }
        Map<String, Double> medians = new LinkedHashMap<>();
        times.forEach((k, v) ->
                medians.put(k, median(v.stream().mapToDouble(Long::doubleValue).toArray())));
        return medians;
    }

    static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    /** A figure against its target, e.g. "2.10x (target <= 3x) MET". */
    static String verdict(double value, String op, double target) {
        boolean met = op.equals("<=") ? value <= target : value >= target;
        return f("%.2fx (target %s %sx) %s", value, op, trim(target), met ? "MET" : "NOT MET");
    }

    static String trim(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
