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
import java.util.List;
import java.util.Map;

/**
 * Section "alloc": bytes allocated per fact set by each step of {@code Lodestone.evaluate(path)} —
 * load (read, check, bind), evaluate (session, insert, fire) and report (order, evidence, alignment) —
 * on one thread after warm-up, from the JVM's per-thread allocation counter. The steps are the ones
 * {@code Lodestone} runs, called one by one so each is counted on its own.
 */
final class AllocationBench {
    private AllocationBench() {}

    static void run(Path rules, List<Path> files, int rounds, Suite.Table table) throws Exception {
        long[] perStep = measure(rules, files, Math.max(2, rounds));
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
    }

    /**
     * Bytes allocated over the last of {@code rounds} passes (the others warm up): load, evaluate,
     * report, and the number of facts read, summed over the files.
     */
    static long[] measure(Path rules, List<Path> files, int rounds) throws Exception {
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
        for (int round = 0; round < rounds; round++) {
            boolean counted = round == rounds - 1;
            for (Path file : files) {
                long a0 = threads.getCurrentThreadAllocatedBytes();
                FactSet factSet = loader.load(file);
                long a1 = threads.getCurrentThreadAllocatedBytes();
                SessionResult result = runner.run(factSet, false);
                long a2 = threads.getCurrentThreadAllocatedBytes();
                Report report = ReportBuilder.build(
                        factSet,
                        result.findings(),
                        result.errors(),
                        ruleBase.rules().size(),
                        ruleBase.rules());
                long a3 = threads.getCurrentThreadAllocatedBytes();
                if (counted) {
                    sums[0] += a1 - a0;
                    sums[1] += a2 - a1;
                    sums[2] += a3 - a2;
                    sums[3] += factSet.facts().size();
                    findings += report.findings().size();
                }
            }
        }
        System.out.println(f("  %d sets, %d findings in the counted pass", files.size(), findings));
        return sums;
    }
}
