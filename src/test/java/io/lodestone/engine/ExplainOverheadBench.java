package io.lodestone.engine;

import io.lodestone.Lodestone;
import io.lodestone.api.FactSet;
import java.nio.file.Path;

/**
 * Prints the cost of --explain: evaluations per second of the seed with tracing off and on, measured
 * alternately in one JVM after a warm-up. Run: see docs/testing-rules.md. Not a test; prints figures.
 */
public final class ExplainOverheadBench {
    private ExplainOverheadBench() {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int perRound = args.length > 1 ? Integer.parseInt(args[1]) : 4000;
        Lodestone lodestone = Lodestone.fromRules(Path.of("rules"));
        FactSet seed = lodestone.load(Path.of("facts/us-ua-minerals-2025-02.json"));
        run(lodestone, seed, false, perRound * 2);
        run(lodestone, seed, true, perRound * 2);
        double off = 0;
        double on = 0;
        for (int r = 0; r < rounds; r++) {
            off += run(lodestone, seed, false, perRound);
            on += run(lodestone, seed, true, perRound);
        }
        System.out.printf("explain off: %.1f µs/evaluation%n", off / rounds);
        System.out.printf("explain on:  %.1f µs/evaluation%n", on / rounds);
        System.out.printf("explain on / off: %.2fx%n", on / off);
    }

    private static double run(Lodestone lodestone, FactSet seed, boolean explain, int n) {
        long start = System.nanoTime();
        int findings = 0;
        for (int i = 0; i < n; i++) {
            findings += lodestone.evaluate(seed, explain).findings().size();
        }
        if (findings == 0) {
            throw new IllegalStateException("no findings: the benchmark measured nothing");
        }
        return (System.nanoTime() - start) / 1e3 / n;
    }
}
