package io.lodestone.bench;

import static io.lodestone.bench.Measure.f;

import io.lodestone.Lodestone;
import io.lodestone.engine.RuleBase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Section 5: `lodestone evaluate` on the seed as a fresh process (the launcher's JVM options, without
 * the bash wrapper), against a warm evaluation inside one JVM, and what each start-up measure buys:
 * the launcher's C1-only flags, the compiled rule-base cache and an AppCDS archive of the loaded classes.
 * Beside them, the floor under a cached start: {@code schema}, which builds the same rule base from the
 * cache and reads no fact set.
 * The contenders run in turn within each round, and the target (a cached run with AppCDS at most
 * 2.5x the bare JVM starting the jar) is judged on the median of the per-round ratios, so a machine
 * whose speed drifts during the run moves both sides of each ratio alike.
 */
final class ColdStartBench {
    private ColdStartBench() {}

    private static final String BARE = "JVM + jar start only (--version)";
    private static final String CACHED_CDS = "cold evaluate, launcher flags, rule cache + AppCDS";
    /** The floor under a cached start: the rule base built from the cache, no fact set read or evaluated. */
    private static final String RULES_ONLY = "rule base only (schema), launcher flags, rule cache + AppCDS";
    /** Issue #17: a cached cold start with AppCDS at most this many times the bare JVM start. */
    private static final double TARGET = 2.5;

    static void run(Path root, Path work, int runs, Suite.Table table) throws Exception {
        Path jar = root.resolve("target/lodestone-cli.jar");
        Path seed = root.resolve("facts/us-ua-minerals-2025-02.json");
        Path rules = root.resolve("rules");
        Path cacheDir = work.resolve("rule-cache");
        List<String> evaluate =
                List.of("-jar", jar.toString(), "evaluate", "--rules", rules.toString(), "-q", seed.toString());
        List<String> noCache = concat(evaluate, List.of("--no-rule-cache"));
        List<String> launcher = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto");
        Path jsaCompile = work.resolve("compile.jsa");
        Path jsaCached = work.resolve("cached.jsa");
        Path jsaRulesOnly = work.resolve("rules-only.jsa");
        // `schema` builds the KieBase from the cache and reads the rules' types and metadata, as evaluate does
        // before its first fact, then writes a small document: the part of a start no fact set changes
        List<String> rulesOnly = List.of("-jar", jar.toString(), "schema", "--rules", rules.toString());
        if (Files.isDirectory(cacheDir)) {
            try (var old = Files.list(cacheDir)) {
                for (Path f : old.toList()) {
                    Files.delete(f);
                }
            }
        }
        Files.deleteIfExists(jsaCompile);
        Files.deleteIfExists(jsaCached);
        Files.deleteIfExists(jsaRulesOnly);
        exec(concat(launcher, List.of("-XX:ArchiveClassesAtExit=" + jsaCompile), noCache), cacheDir);
        exec(concat(launcher, evaluate), cacheDir); // fills the rule cache
        exec(concat(launcher, List.of("-XX:ArchiveClassesAtExit=" + jsaCached), evaluate), cacheDir);
        exec(concat(launcher, List.of("-XX:ArchiveClassesAtExit=" + jsaRulesOnly), rulesOnly), cacheDir);

        Map<String, List<String>> variants = new LinkedHashMap<>();
        variants.put(BARE, concat(launcher, List.of("-jar", jar.toString(), "--version")));
        variants.put("cold evaluate, default JVM flags, compile", noCache);
        variants.put("cold evaluate, launcher flags, compile", concat(launcher, noCache));
        variants.put(
                "cold evaluate, launcher flags, compile + AppCDS",
                concat(launcher, List.of("-XX:SharedArchiveFile=" + jsaCompile), noCache));
        variants.put("cold evaluate, launcher flags, rule cache", concat(launcher, evaluate));
        variants.put(CACHED_CDS, concat(launcher, List.of("-XX:SharedArchiveFile=" + jsaCached), evaluate));
        variants.put(RULES_ONLY, concat(launcher, List.of("-XX:SharedArchiveFile=" + jsaRulesOnly), rulesOnly));
        double loadBefore = java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                .getSystemLoadAverage();
        Map<String, double[]> times = new LinkedHashMap<>();
        variants.keySet().forEach(k -> times.put(k, new double[runs]));
        for (int r = 0; r < runs; r++) {
            for (Map.Entry<String, List<String>> v : variants.entrySet()) {
                times.get(v.getKey())[r] = exec(v.getValue(), cacheDir);
            }
        }
        double plain = Measure.median(times.get("cold evaluate, launcher flags, compile"));
        for (Map.Entry<String, double[]> t : times.entrySet()) {
            double ms = Measure.median(t.getValue());
            String note = t.getKey().equals(RULES_ONLY)
                    ? "the floor under a cached evaluate: no fact set read"
                    : t.getKey().contains("default JVM flags")
                            ? f("launcher flags buy %.2fx", ms / plain)
                            : t.getKey().contains("rule cache + AppCDS")
                                    ? f("%.2fx faster than compile", plain / ms)
                                    : t.getKey().contains("rule cache")
                                            ? "cache vs compile " + Measure.verdict(plain / ms, ">=", 2)
                                            : t.getKey().contains("AppCDS") ? f("AppCDS buys %.2fx", plain / ms) : "";
            table.row(t.getKey(), f("%.0f ms", ms), note);
        }
        double[] ratios = new double[runs];
        double[] floorRatios = new double[runs];
        double[] budgets = new double[runs];
        double[] afterRules = new double[runs];
        for (int r = 0; r < runs; r++) {
            ratios[r] = times.get(CACHED_CDS)[r] / times.get(BARE)[r];
            floorRatios[r] = times.get(RULES_ONLY)[r] / times.get(BARE)[r];
            // what the target leaves for reading, evaluating and reporting the seed once the rule base is up
            budgets[r] = TARGET * times.get(BARE)[r] - times.get(RULES_ONLY)[r];
            afterRules[r] = times.get(CACHED_CDS)[r] - times.get(RULES_ONLY)[r];
        }
        double loadAfter = java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                .getSystemLoadAverage();
        table.row(
                "cold start: rule cache + AppCDS / bare JVM + jar",
                f("%.0f / %.0f ms", Measure.median(times.get(CACHED_CDS)), Measure.median(times.get(BARE))),
                "median of " + runs + " paired runs " + Measure.verdict(Measure.median(ratios), "<=", TARGET)
                        + f(" (1-min load %.1f before, %.1f after)", loadBefore, loadAfter));
        table.row(
                "cold start floor: rule base only / bare JVM + jar",
                f("%.0f / %.0f ms", Measure.median(times.get(RULES_ONLY)), Measure.median(times.get(BARE))),
                f(
                        "median of %d paired runs %.2fx; the %.1fx target leaves %.0f ms after the rule base for the "
                                + "seed's load, evaluation and report, which take %.0f ms in the cached start (medians"
                                + " of the runs' differences)",
                        runs,
                        Measure.median(floorRatios),
                        TARGET,
                        Measure.median(budgets),
                        Measure.median(afterRules)));
        // warm, in this JVM
        Lodestone lodestone = Lodestone.fromRules(rules);
        Map<String, Double> warm = new Measure()
                .add("evaluate", () -> {
                    try {
                        lodestone.evaluate(seed);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })
                .run(200, 50);
        Map<String, Double> compile = new Measure()
                .countedWarmupOnly()
                .add("compile", () -> {
                    try {
                        RuleBase.compile(rules, Map.of());
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })
                .run(3, 5);
        double warmMs = warm.get("evaluate") / 1e6;
        table.row(
                "warm evaluate of the seed (one JVM)",
                f("%.2f ms", warmMs),
                f("cold (launcher flags) / warm %.0fx", plain / warmMs));
        table.row(
                "rule compile in a warm JVM",
                f("%.0f ms", compile.get("compile") / 1e6),
                "what a rule-base cache could save per start");
    }

    @SafeVarargs
    private static List<String> concat(List<String>... parts) {
        List<String> out = new ArrayList<>();
        for (List<String> p : parts) {
            out.addAll(p);
        }
        return out;
    }

    /** Wall time of one fresh `java ...` process, in ms; it must exit 0. */
    private static double exec(List<String> args, Path ruleCache) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Suite.javaBin());
        cmd.addAll(args);
        long t0 = System.nanoTime();
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("LODESTONE_RULE_CACHE", ruleCache.toString());
        Process p = pb.redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        int code = p.waitFor();
        double ms = (System.nanoTime() - t0) / 1e6;
        if (code != 0) {
            throw new IllegalStateException("exit " + code + " from " + cmd);
        }
        return ms;
    }
}
