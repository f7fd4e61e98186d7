package io.lodestone.bench;

import static io.lodestone.bench.Measure.f;

import io.lodestone.api.Fact;
import io.lodestone.api.FactSet;
import io.lodestone.api.RuleDescription;
import io.lodestone.engine.RuleBase;
import io.lodestone.facts.FactSetLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;
import org.kie.api.KieBase;

/**
 * Section 6 ({@code --only profile}): where raw evaluation of the bundled rules spends its time on the
 * generated seed-shaped sets. Two views measured on the same sets: the marginal cost of each rule (the
 * rule base with that one rule removed from the network, timed side by side with the full one), and JFR
 * execution samples of the full rule base grouped by the Drools node kind on top of the stack.
 */
final class RuleProfile {
    /** How long each JFR sampling runs (-Dprofile.seconds). */
    private static final long SAMPLE_SECONDS = Long.getLong("profile.seconds", 8);
    /** JFR's execution-sample period. */
    private static final java.time.Duration SAMPLE_PERIOD = java.time.Duration.ofMillis(2);

    private RuleProfile() {}

    static void run(Path rules, List<Path> files, int rounds, Suite.Table table) throws Exception {
        RuleBase full = RuleBase.compile(rules, Map.of());
        List<List<Object>> objects = objects(full, files);
        Map<String, Object> globals = full.params();
        double fullNs = time(full.kieBase(), globals, objects, rounds);
        System.out.println(f("  raw evaluation of the full pack: %.1f us per set", fullNs / files.size() / 1e3));

        io.lodestone.Lodestone lodestone = io.lodestone.Lodestone.fromRules(rules);
        List<FactSet> preloaded = new ArrayList<>();
        for (Path p : files) {
            preloaded.add(lodestone.load(p));
        }
        sampleStages(lodestone, preloaded);
        // node kinds from JFR samples
        Map<String, Integer> kinds = sampleNodeKinds(full.kieBase(), globals, objects);
        int total = kinds.values().stream().mapToInt(Integer::intValue).sum();
        System.out.println(
                "  JFR samples of raw evaluation by the innermost Drools frame kind (" + total + " samples):");
        kinds.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> System.out.println(f("    %5.1f%%  %s", 100.0 * e.getValue() / total, e.getKey())));
        if (Boolean.getBoolean("profile.samplesOnly")) {
            return;
        }

        // marginal cost: the pack compiled without one rule's text, timed side by side with the full pack
        // (KieBase.removeRule leaves shared accumulate nodes calling the removed rule's classes)
        Map<String, Double> marginal = new LinkedHashMap<>();
        Path copy = java.nio.file.Files.createTempDirectory("lodestone-without");
        for (RuleDescription rule : full.rules()) {
            Path cut = RulePack.copyWithout(rules, copy, List.of(rule.name()));
            RuleBase without = RuleBase.compile(cut, Map.of());
            RulePack.deleteTree(cut); // the rule base holds what it read
            if (without.rules().size() != full.rules().size() - 1) {
                throw new IllegalStateException("could not cut exactly " + rule.id() + " out of the pack");
            }
            List<List<Object>> own = objects(without, files);
            // the full pack compiled afresh beside it: each compile brings its own generated classes, and
            // measured against the first compile every rule came out negative (that compile stayed slower)
            RuleBase again = RuleBase.compile(rules, Map.of());
            List<List<Object>> againObjects = objects(again, files);
            long[] sink = new long[1];
            Map<String, Double> ns = new Measure()
                    .countedWarmupOnly()
                    .add("full", () -> sink[0] += RawDrools.fire(again.kieBase(), globals, againObjects))
                    .add("without", () -> sink[0] += RawDrools.fire(without.kieBase(), globals, own))
                    .run(1, rounds);
            marginal.put(rule.id(), (ns.get("full") - ns.get("without")) / files.size() / 1e3);
        }
        java.nio.file.Files.deleteIfExists(copy);
        System.out.println("  marginal cost per set of each rule (us; rule removed vs kept, side by side):");
        marginal.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> System.out.println(f("    %8.1f  %s", e.getValue(), e.getKey())));
        double sum = marginal.values().stream().mapToDouble(Double::doubleValue).sum();
        table.row(
                "profile: raw evaluation per set",
                f("%.1f us", fullNs / files.size() / 1e3),
                f("sum of per-rule marginal costs %.1f us", sum));
    }

    /**
     * JFR samples of {@code Lodestone.evaluate} on preloaded sets, grouped by the innermost Lodestone
     * method on the stack (the stage: firing, resolving findings, building the report) and, under the
     * firing, by the kind of Drools work.
     */
    static void sampleStages(io.lodestone.Lodestone lodestone, List<FactSet> sets) throws Exception {
        Sampled sampled = sample(true, () -> sets.forEach(lodestone::evaluate));
        Map<String, Long> cpu = new HashMap<>();
        Map<String, Long> bytes = new HashMap<>();
        for (RecordedEvent e : sampled.events()) {
            if (e.getStackTrace() == null) {
                continue;
            }
            List<RecordedFrame> frames = e.getStackTrace().getFrames();
            String stage = "other";
            for (RecordedFrame fr : frames) {
                String type = fr.getMethod().getType().getName();
                if (type.startsWith("io.lodestone.") && !type.startsWith("io.lodestone.bench.")) {
                    stage = simple(type) + "." + fr.getMethod().getName();
                    break;
                }
            }
            if (stage.startsWith("SessionRunner.")) {
                stage = stage + " / " + kind(frames);
            }
            if (e.getEventType().getName().equals("jdk.ExecutionSample")) {
                cpu.merge(stage, 1L, Long::sum);
            } else {
                bytes.merge(stage, e.getLong("weight"), Long::sum);
            }
        }
        System.out.println(coverage(sampled));
        print("JFR execution samples of Lodestone.evaluate by innermost Lodestone method", cpu);
        print("JFR allocation samples (bytes) of Lodestone.evaluate by innermost Lodestone method", bytes);
    }

    private static void print(String title, Map<String, Long> counts) {
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        System.out.println("  " + title + " (total " + total + "):");
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(30)
                .forEach(en -> System.out.println(f("    %5.1f%%  %s", 100.0 * en.getValue() / total, en.getKey())));
    }

    /** The generated sets bound to this rule base's own declared classes (another compile's match nothing). */
    private static List<List<Object>> objects(RuleBase ruleBase, List<Path> files) throws Exception {
        FactSetLoader loader = new FactSetLoader(ruleBase.factTypes());
        List<List<Object>> objects = new ArrayList<>();
        for (Path p : files) {
            FactSet fs = loader.load(p);
            objects.add(fs.facts().stream().map(Fact::value).toList());
        }
        return objects;
    }

    private static double time(KieBase kieBase, Map<String, Object> globals, List<List<Object>> sets, int rounds) {
        long[] sink = new long[1];
        return new Measure()
                .countedWarmupOnly()
                .add("full", () -> sink[0] += RawDrools.fire(kieBase, globals, sets))
                .run(2, rounds)
                .get("full");
    }

    private static Map<String, Integer> sampleNodeKinds(
            KieBase kieBase, Map<String, Object> globals, List<List<Object>> sets) throws Exception {
        Sampled sampled = sample(false, () -> RawDrools.fire(kieBase, globals, sets));
        System.out.println(coverage(sampled));
        Map<String, Integer> kinds = new HashMap<>();
        for (RecordedEvent e : sampled.events()) {
            if (e.getStackTrace() == null) {
                continue;
            }
            kinds.merge(kind(e.getStackTrace().getFrames()), 1, Integer::sum);
        }
        return kinds;
    }

    /** The events of one sampling loop and how long the loop ran. */
    private record Sampled(List<RecordedEvent> events, long elapsedNs) {}

    /** Runs {@code loop} on this thread for {@link #SAMPLE_SECONDS} under JFR's execution sampler. */
    private static Sampled sample(boolean allocations, Runnable loop) throws Exception {
        Path file = java.nio.file.Files.createTempFile("lodestone-profile", ".jfr");
        long elapsedNs;
        try (Recording recording = new Recording()) {
            recording.enable("jdk.ExecutionSample").withPeriod(SAMPLE_PERIOD);
            if (allocations) {
                recording.enable("jdk.ObjectAllocationSample");
            }
            recording.start();
            long start = System.nanoTime();
            long end = start + SAMPLE_SECONDS * 1_000_000_000L;
            while (System.nanoTime() < end) {
                loop.run();
            }
            elapsedNs = System.nanoTime() - start;
            recording.stop();
            recording.dump(file);
        }
        try {
            return new Sampled(RecordingFile.readAllEvents(file), elapsedNs);
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }

    /**
     * How many execution samples JFR kept of the thread that ran the loop, against the number its period
     * asks for. In the loops profiled on this project's 2-core box it kept from 0.2% to about half, so its
     * shares were not the time there; the clock (alloc section) and {@code perf} were (docs/performance.md,
     * "Why JFR misplaced the time" and "Second round, seventh session").
     */
    private static String coverage(Sampled sampled) {
        long self = Thread.currentThread().getId();
        long elapsedNs = sampled.elapsedNs();
        long kept = sampled.events().stream()
                .filter(e -> e.getEventType().getName().equals("jdk.ExecutionSample"))
                .filter(e -> e.getThread("sampledThread") != null
                        && e.getThread("sampledThread").getJavaThreadId() == self)
                .count();
        long asked = elapsedNs / SAMPLE_PERIOD.toNanos();
        return f(
                "  JFR kept %d execution samples of the sampling thread in %.1f s, %.0f%% of the %d its %d ms"
                        + " period asks for%s",
                kept,
                elapsedNs / 1e9,
                100.0 * kept / Math.max(1, asked),
                asked,
                SAMPLE_PERIOD.toMillis(),
                kept < asked / 2 ? ": under half, so the shares below are not the time (time by the clock)" : "");
    }

    /** The innermost frame that says what kind of work it is. */
    private static String kind(List<RecordedFrame> frames) {
        for (RecordedFrame fr : frames) {
            String type = fr.getMethod().getType().getName();
            String method = fr.getMethod().getName();
            if (type.startsWith("minerals.") || type.contains("Rule_") || type.contains("ConsequenceInvoker")) {
                return "rule code (consequences, functions): " + simple(type);
            }
            if (type.contains("MVELConstraint") || type.contains("mvel2")) {
                return "MVEL constraint evaluation";
            }
            if (type.contains("Phreak") || type.endsWith("Node") || type.contains("RuleNetworkEvaluator")) {
                return "network: " + simple(type) + "." + method;
            }
        }
        for (RecordedFrame fr : frames) {
            String type = fr.getMethod().getType().getName();
            if (type.startsWith("org.drools")) {
                return "other drools: " + simple(type);
            }
        }
        return "other: "
                + simple(
                        frames.isEmpty()
                                ? "?"
                                : frames.get(0).getMethod().getType().getName());
    }

    private static String simple(String type) {
        return type.substring(type.lastIndexOf('.') + 1);
    }
}
