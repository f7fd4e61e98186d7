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
 * the launcher's C1-only flags and an AppCDS archive of the classes the run loads.
 */
final class ColdStartBench {
    private ColdStartBench() {
    }

    static void run(Path root, Path work, int runs, Suite.Table table) throws Exception {
        Path jar = root.resolve("target/lodestone.jar");
        Path seed = root.resolve("facts/us-ua-minerals-2025-02.json");
        Path rules = root.resolve("rules");
        Path jsa = work.resolve("lodestone.jsa");
        List<String> evaluate = List.of("-jar", jar.toString(), "evaluate", "--rules", rules.toString(), "-q",
                seed.toString());
        List<String> launcher = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto");
        Files.deleteIfExists(jsa);
        exec(concat(launcher, List.of("-XX:ArchiveClassesAtExit=" + jsa), evaluate)); // writes the archive

        Map<String, List<String>> variants = new LinkedHashMap<>();
        variants.put("JVM + jar start only (--version)", concat(launcher, List.of("-jar", jar.toString(), "--version")));
        variants.put("cold evaluate, default JVM flags", evaluate);
        variants.put("cold evaluate, launcher flags (C1, SerialGC)", concat(launcher, evaluate));
        variants.put("cold evaluate, launcher flags + AppCDS", concat(launcher,
                List.of("-XX:SharedArchiveFile=" + jsa), evaluate));
        Map<String, double[]> times = new LinkedHashMap<>();
        variants.keySet().forEach(k -> times.put(k, new double[runs]));
        for (int r = 0; r < runs; r++) {
            for (Map.Entry<String, List<String>> v : variants.entrySet()) {
                times.get(v.getKey())[r] = exec(v.getValue());
            }
        }
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
                .add("compile", () -> {
                    try {
                        RuleBase.compile(rules, Map.of());
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })
                .run(3, 5);
        double plain = Measure.median(times.get("cold evaluate, launcher flags (C1, SerialGC)"));
        for (Map.Entry<String, double[]> t : times.entrySet()) {
            double ms = Measure.median(t.getValue());
            table.row(t.getKey(), f("%.0f ms", ms), t.getKey().contains("AppCDS")
                    ? f("%.2fx faster than launcher flags alone", plain / ms)
                    : t.getKey().contains("default") ? f("launcher flags buy %.2fx", ms / plain) : "");
        }
        double warmMs = warm.get("evaluate") / 1e6;
        table.row("warm evaluate of the seed (one JVM)", f("%.2f ms", warmMs), f("cold (launcher flags) / warm %.0fx", plain / warmMs));
        table.row("rule compile in a warm JVM", f("%.0f ms", compile.get("compile") / 1e6), "what a rule-base cache could save per start");
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
    private static double exec(List<String> args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(args);
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        int code = p.waitFor();
        double ms = (System.nanoTime() - t0) / 1e6;
        if (code != 0) {
            throw new IllegalStateException("exit " + code + " from " + cmd);
        }
        return ms;
    }
}
