package io.lodestone.bench;

import static io.lodestone.bench.Measure.f;

import io.lodestone.api.FactSet;
import io.lodestone.api.Report;
import io.lodestone.engine.Limits;
import io.lodestone.engine.RuleBase;
import io.lodestone.engine.SessionResult;
import io.lodestone.engine.SessionRunner;
import io.lodestone.facts.FactSetLoader;
import io.lodestone.report.ReportBuilder;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Section "alloc": bytes allocated and time taken per fact set by each step of {@code
 * Lodestone.evaluate(path)} — load (read, check, bind), evaluate (session, insert, fire, finding
 * resolution) and report (order, evidence, alignment) — on one thread after warm-up, from the JVM's
 * per-thread allocation counter and the clock around each step. The steps are the ones {@code Lodestone}
 * runs, called one by one and in turn, set after set, so each is counted on its own.
 *
 * <p>The times, not JFR's execution samples, are the shares to act on. Of an evaluation (session, finding
 * resolution, report), JFR's samples of such a loop put a third in the Drools session; a scratch probe
 * that also timed resolution inside the session put about 80% there (docs/performance.md, "Second round,
 * fourth session"). This section does not split resolution from the session.
 */
final class AllocationBench {
    private AllocationBench() {}

    static void run(Path rules, List<Path> files, int rounds, Suite.Table table) throws Exception {
        Steps steps = measure(rules, files, Math.max(2, rounds));
        long[] perStep = steps.bytes();
        long facts = perStep[3];
        int n = files.size();
        String[] names = {"load", "evaluate", "report"};
        long total = 0;
        for (int i = 0; i < 3; i++) {
            total += perStep[i];
            table.row(
                    "alloc per set: " + names[i],
                    f("%.1f KiB", perStep[i] / (double) n / 1024),
                    f(
                            "%.0f bytes per fact (%d sets, %.1f facts per set)",
                            perStep[i] / (double) facts, n, facts / (double) n));
        }
        table.row("alloc per set: all three", f("%.1f KiB", total / (double) n / 1024), "");
        double[] us = steps.microsPerSet();
        double all = us[0] + us[1] + us[2];
        String[] what = {
            "read, check, bind", "session: insert, fire, finding resolution", "order, evidence, alignment, counts"
        };
        for (int i = 0; i < 3; i++) {
            table.row(
                    "time per set, in turn: " + names[i],
                    f("%.1f us", us[i]),
                    f(
                            "%s; %.0f%% of the three (median of %d passes over %d sets, after %.0f s of warm-up)",
                            what[i], 100 * us[i] / all, steps.timedPasses(), n, Measure.warmupSeconds));
        }
    }

    /**
     * Bytes over the last pass (load, evaluate, report, and facts read, summed over the files) and the
     * median microseconds per set of each step over the timed passes.
     */
    static final class Steps {
        private final long[] bytes;
        private final double[] micros;
        private final int timedPasses;

        Steps(long[] bytes, double[] micros, int timedPasses) {
            this.bytes = bytes.clone();
            this.micros = micros.clone();
            this.timedPasses = timedPasses;
        }

        long[] bytes() {
            return bytes.clone();
        }

        double[] microsPerSet() {
            return micros.clone();
        }

        int timedPasses() {
            return timedPasses;
        }
    }

    /**
     * Passes over the files until every step has run for {@link Measure#warmupSeconds} (and at least one
     * pass), then {@code rounds} timed passes; the last one also counts the bytes.
     */
    static Steps measure(Path rules, List<Path> files, int rounds) throws Exception {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        if (!threads.isThreadAllocatedMemorySupported() || !threads.isThreadAllocatedMemoryEnabled()) {
            throw new IllegalStateException("this JVM does not count allocated bytes per thread");
        }
        RuleBase ruleBase = RuleBase.compile(rules, Map.of());
        // as Lodestone builds them with its defaults
        FactSetLoader loader = new FactSetLoader(
                ruleBase.factTypes(),
                ruleBase.values(),
                FactSetLoader.DEFAULT_MAX_BYTES,
                FactSetLoader.DEFAULT_MAX_DEPTH,
                false,
                false);
        SessionRunner runner =
                new SessionRunner(ruleBase, new Limits(Limits.DEFAULT_MAX_FIRINGS, Limits.DEFAULT_TIMEOUT, false));
        long[] sums = new long[4];
        long findings = 0;
        long warmupEnd = System.nanoTime() + (long) (Measure.warmupSeconds * 1e9);
        int warmupPasses = 0;
        List<double[]> timed = new ArrayList<>();
        while (warmupPasses == 0 || System.nanoTime() < warmupEnd || timed.size() < rounds) {
            boolean timing = warmupPasses > 0 && System.nanoTime() >= warmupEnd;
            boolean counted = timing && timed.size() == rounds - 1;
            long[] ns = new long[3];
            for (Path file : files) {
                long t0 = System.nanoTime();
                long a0 = threads.getCurrentThreadAllocatedBytes();
                FactSet factSet = loader.load(file);
                long a1 = threads.getCurrentThreadAllocatedBytes();
                long t1 = System.nanoTime();
                SessionResult result = runner.run(factSet, false);
                long a2 = threads.getCurrentThreadAllocatedBytes();
                long t2 = System.nanoTime();
                Report report = ReportBuilder.build(
                        factSet,
                        result.findings(),
                        result.errors(),
                        ruleBase.rules().size(),
                        ruleBase.rules());
                long a3 = threads.getCurrentThreadAllocatedBytes();
                long t3 = System.nanoTime();
                ns[0] += t1 - t0;
                ns[1] += t2 - t1;
                ns[2] += t3 - t2;
                if (counted) {
                    sums[0] += a1 - a0;
                    sums[1] += a2 - a1;
                    sums[2] += a3 - a2;
                    sums[3] += factSet.facts().size();
                    findings += report.findings().size();
                }
            }
            if (timing) {
                timed.add(new double[] {ns[0], ns[1], ns[2]});
            } else {
                warmupPasses++;
            }
        }
        double[] micros = new double[3];
        for (int step = 0; step < 3; step++) {
            int s = step;
            micros[step] = Measure.median(timed.stream().mapToDouble(t -> t[s]).toArray()) / files.size() / 1e3;
        }
        System.out.println(f(
                "  %d sets, %d findings in the counted pass; %d warm-up passes", files.size(), findings, warmupPasses));
        return new Steps(sums, micros, timed.size());
    }
}
