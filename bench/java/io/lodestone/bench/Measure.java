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
    private double seconds = warmupSeconds;

    /** Only the counted warm-up rounds: for measures repeated many times in one JVM (per rule, compiles). */
    Measure countedWarmupOnly() {
        seconds = 0;
        return this;
    }

    Measure add(String name, Runnable task) {
        tasks.put(name, task);
        return this;
    }

    /**
     * Seconds each task runs, at least, before timing starts ({@code --warmup-seconds}). A few rounds are
     * not enough: on the shapes, evaluation fell from about 170 to 55 us per set only after 35,000-50,000
     * evaluations (about 5 s) while C2 worked through Drools' generated classes, so a short warm-up times
     * the JIT, not the code (docs/performance.md, "Second round, third session").
     */
    static double warmupSeconds = 15;

    /**
     * Runs every task at least {@code warmup} times and for at least {@link #warmupSeconds} each (unless
     * {@link #countedWarmupOnly}), in alternation, then {@code rounds} alternating rounds; median ns per
     * round. Prints how far each task moved during the warm-up (its first and last warm-up rounds) so a
     * run shows whether it settled.
     */
    Map<String, Double> run(int warmup, int rounds) {
        Map<String, long[]> spent = new LinkedHashMap<>(); // total, first round, last round, rounds
        tasks.keySet().forEach(k -> spent.put(k, new long[4]));
        long minimum = (long) (seconds * 1e9);
        int done = 0;
        // after the counted rounds, a task that has had its minimum sits out the rest of the warm-up: each gets
        // its seconds (plus at most one round), and the warm-up lasts about the minimum times the tasks
        while (done < warmup || spent.values().stream().anyMatch(s -> s[0] < minimum)) {
            for (Map.Entry<String, Runnable> t : tasks.entrySet()) {
                long[] s = spent.get(t.getKey());
                if (done >= warmup && s[0] >= minimum) {
                    continue;
                }
                long t0 = System.nanoTime();
                t.getValue().run();
                long took = System.nanoTime() - t0;
                s[0] += took;
                s[1] = done == 0 ? took : s[1];
                s[2] = took;
                s[3]++;
            }
            done++;
        }
        StringBuilder moved = new StringBuilder();
        spent.forEach((k, s) -> moved.append(
                f("; %s %.3g -> %.3g ms per round (%d rounds, %.1f s)", k, s[1] / 1e6, s[2] / 1e6, s[3], s[0] / 1e9)));
        System.out.println("  warm-up" + moved.substring(1));
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

    /** A measured quantity against its target, e.g. "3025 MiB (target <= 1024 MiB) NOT MET". */
    static String verdict(double value, String op, double target, String unit) {
        boolean met = op.equals("<=") ? value <= target : value >= target;
        return f(
                "%s %s (target %s %s %s) %s",
                trim(Math.round(value * 10) / 10.0), unit, op, trim(target), unit, met ? "MET" : "NOT MET");
    }

    static String trim(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
