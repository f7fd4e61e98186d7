package io.lodestone.bench;

import static io.lodestone.bench.Measure.f;

import com.sun.management.GarbageCollectionNotificationInfo;
import io.lodestone.Lodestone;
import io.lodestone.api.Fact;
import io.lodestone.api.Report;
import io.lodestone.engine.RuleBase;
import io.lodestone.facts.FactSetLoader;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.management.openmbean.CompositeData;
import org.kie.api.runtime.KieSession;

/**
 * Section 4: one fact set of 10k, 100k and 1M facts (seed-shaped clusters, each with its own keys, so
 * group sizes stay realistic) evaluated end to end with the bundled rules, each in a fresh JVM: wall
 * time, peak heap after a collection (what the run needs; checked against the 1 GiB target) and in use
 * (sampled), and the growth of time and heap per 10x facts. Beside each, the raw Drools floor on the same
 * file in a fresh JVM (one session over the facts Lodestone's loader bound), so the 1M targets can be read
 * against what the engine alone needs for these rules. The cap ({@link #HEAP}) leaves room above the
 * target so that a run over it still gives its figures instead of an OutOfMemoryError (1M facts held
 * about 2.8 GiB after GC with the bundled rules in November 2026; under a 3 GiB cap GC then inflated the time).
 */
final class ScaleBench {
    /** The child JVM's heap cap. */
    static final String HEAP = "-Xmx4g";
    /** The target for the largest set: peak heap after a collection. */
    private static final double TARGET_MIB = 1024;

    private ScaleBench() {}

    static void run(String label, Path rules, Path work, List<Integer> sizes, int timeoutSeconds, Suite.Table table)
            throws Exception {
        double previous = 0;
        double previousLive = 0;
        int previousSize = 0;
        for (int size : sizes) {
            Path file = work.resolve("scale/facts-" + size + ".json");
            if (!Files.exists(file)) {
                Generator.writeLarge(file, size, 7);
            }
            ChildRun lodestone = ChildRun.await(child(rules, file, false), timeoutSeconds);
            if (lodestone.timedOut()) {
                table.row(
                        f("scale, %s: %,d facts", label, size),
                        f("> %d s", timeoutSeconds),
                        "stopped at the suite's time limit (--scale-timeout)"
                                + (previous == 0
                                        ? ""
                                        : f(
                                                "; time x%.0f+ for x%d facts, target <= 12x NOT MET",
                                                timeoutSeconds * 1000 / previous, size / previousSize)));
                break;
            }
            if (!lodestone.ok()) {
                table.row(f("scale, %s: %,d facts", label, size), lodestone.failure(), lodestone.out());
                continue;
            }
            String[] parts = lodestone.out().split(" ");
            double ms = Double.parseDouble(parts[0].substring(3));
            double live = field(parts, "peakLive=");
            String detail = String.join(" ", List.of(parts).subList(1, parts.length));
            String growth = previous == 0
                    ? ""
                    : "; time x" + f("%.1f", ms / previous) + ", heap x" + f("%.1f", live / previousLive)
                            + " for x" + (size / previousSize) + " facts"
                            + (size / previousSize == 10
                                    ? "; time growth " + Measure.verdict(ms / previous, "<=", 12)
                                    : "");
            String target = size >= 1_000_000
                    ? "; peak live heap " + Measure.verdict(live, "<=", TARGET_MIB, "MiB") + ", time "
                            + Measure.verdict(ms / 1000, "<=", 12, "s")
                    : "";
            table.row(f("scale, %s: %,d facts", label, size), f("%.0f ms", ms), detail + growth + target);
            rawFloor(rules, file, size, timeoutSeconds, ms, live, table);
            previous = ms;
            previousLive = live;
            previousSize = size;
        }
    }

    /**
     * The floor under the same file in a fresh JVM: raw Drools (one session, the globals set, the loaded
     * facts inserted, the rules fired) on what Lodestone's loader bound. Its time and peak live heap are
     * what any Lodestone evaluation of the file costs at least, so a target below them cannot be met by
     * Lodestone's own code, only by the rules or the engine.
     */
    private static void rawFloor(
            Path rules,
            Path file,
            int size,
            int timeoutSeconds,
            double lodestoneMs,
            double lodestoneLive,
            Suite.Table table)
            throws Exception {
        String what = f("scale, raw Drools floor: %,d facts", size);
        ChildRun raw = ChildRun.await(child(rules, file, true), timeoutSeconds);
        if (raw.timedOut()) {
            table.row(what, f("> %d s", timeoutSeconds), "stopped at the suite's time limit (--scale-timeout)");
            return;
        }
        if (!raw.ok()) {
            table.row(what, raw.failure(), raw.out());
            return;
        }
        String[] parts = raw.out().split(" ");
        double ms = Double.parseDouble(parts[0].substring(3));
        double live = field(parts, "peakLive=");
        String note = String.join(" ", List.of(parts).subList(1, parts.length))
                + f(
                        "; Lodestone end to end is %.2fx its time and %.2fx its peak live heap",
                        lodestoneMs / ms, lodestoneLive / live);
        if (size >= 1_000_000) {
            note += f(
                    "; the 1M targets against this floor: %.0f MiB live vs %.0f MiB, %.1f s vs 12 s (%s)",
                    live,
                    TARGET_MIB,
                    ms / 1000,
                    live > TARGET_MIB || ms > 12_000
                            ? "the floor alone is over a target: only the rules or the engine can meet it"
                            : "both within reach of the floor");
        }
        table.row(what, f("%.0f ms", ms), note);
    }

    private static double field(String[] parts, String prefix) {
        for (String part : parts) {
            if (part.startsWith(prefix)) {
                return Double.parseDouble(part.substring(prefix.length(), part.length() - 3));
            }
        }
        return 0;
    }

    /** How a child JVM ended: stopped at the time limit, or its exit code and its one line of output. */
    private record ChildRun(boolean timedOut, int exit, String out) {
        static ChildRun await(Process p, int timeoutSeconds) throws Exception {
            if (!p.waitFor(timeoutSeconds, java.util.concurrent.TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
                return new ChildRun(true, -1, "");
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return new ChildRun(false, p.exitValue(), out);
        }

        boolean ok() {
            return exit == 0 && out.startsWith("ms=");
        }

        String failure() {
            return "FAILED (exit " + exit + ")";
        }
    }

    /** This class's {@link #main} on {@code file} in a fresh JVM under {@link #HEAP}, raw Drools or Lodestone. */
    private static Process child(Path rules, Path file, boolean raw) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(
                Suite.javaBin(), HEAP, "-cp", System.getProperty("java.class.path"), ScaleBench.class.getName()));
        if (raw) {
            cmd.add("--raw");
        }
        cmd.add(rules.toString());
        cmd.add(file.toString());
        return new ProcessBuilder(cmd)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
    }

    /**
     * Child JVM: evaluates one large file and prints "ms=… load=… findings=… peakLive=… peakHeap=…";
     * peakLive is the most heap left after any collection (what the run holds), peakHeap the most in use
     * sampled every 20 ms (garbage included). With {@code --raw} first: the raw Drools floor on the file's
     * loaded facts, "ms=… insert=… fire=… firings=… peakLive=… peakHeap=…", ms counting insert and fire.
     */
    public static void main(String[] args) throws Exception {
        if (args[0].equals("--raw")) {
            raw(Path.of(args[1]), Path.of(args[2]));
            return;
        }
        Lodestone lodestone = Lodestone.builder(Path.of(args[0]))
                .maxFileBytes(Long.MAX_VALUE)
                .maxFirings(Integer.MAX_VALUE)
                .timeout(Duration.ofHours(1))
                .build();
        HeapWatch heap = HeapWatch.start();
        long t0 = System.nanoTime();
        var factSet = lodestone.load(Path.of(args[1]));
        long t1 = System.nanoTime();
        Report report = lodestone.evaluate(factSet);
        long t2 = System.nanoTime();
        heap.stop();
        System.out.println(result(
                "load",
                "evaluate",
                t0,
                t1,
                t2,
                f(
                        "facts=%d findings=%d errors=%d",
                        factSet.facts().size(),
                        report.findings().size(),
                        report.errors().size()),
                heap));
    }

    /** "ms=… FIRST=…ms SECOND=…ms COUNTS peakLive=…MiB peakHeap=…MiB", ms counting both steps. */
    private static String result(
            String first, String second, long t0, long t1, long t2, String counts, HeapWatch heap) {
        return f(
                "ms=%.0f %s=%.0fms %s=%.0fms %s peakLive=%.0fMiB peakHeap=%.0fMiB",
                (t2 - t0) / 1e6,
                first,
                (t1 - t0) / 1e6,
                second,
                (t2 - t1) / 1e6,
                counts,
                heap.peakLiveMiB(),
                heap.peakHeapMiB());
    }

    private static void raw(Path rules, Path file) throws Exception {
        RuleBase ruleBase = RuleBase.compile(rules, Map.of());
        List<Object> facts = new FactSetLoader(
                        ruleBase.factTypes(), Long.MAX_VALUE, FactSetLoader.DEFAULT_MAX_DEPTH, false)
                .load(file).facts().stream().map(Fact::value).toList();
        HeapWatch heap = HeapWatch.start();
        KieSession session = ruleBase.kieBase().newKieSession();
        try {
            ruleBase.params().forEach(session::setGlobal);
            long t0 = System.nanoTime();
            facts.forEach(session::insert);
            long t1 = System.nanoTime();
            int firings = session.fireAllRules();
            long t2 = System.nanoTime();
            heap.stop();
            System.out.println(
                    result("insert", "fire", t0, t1, t2, f("facts=%d firings=%d", facts.size(), firings), heap));
        } finally {
            session.dispose();
        }
    }

    /**
     * Heap in a child run: the most left after any collection (from GC notifications) and the most in use,
     * sampled every 20 ms (pool peaks happen at different moments and cannot be summed).
     */
    private static final class HeapWatch {
        private final Thread sampler;
        private long peakUsed;
        private long peakLive;

        private HeapWatch() {
            sampler = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    sample();
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            sampler.setDaemon(true);
        }

        static HeapWatch start() {
            HeapWatch watch = new HeapWatch();
            java.util.Set<String> heapPools = new java.util.HashSet<>();
            ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(pool -> pool.getType() == java.lang.management.MemoryType.HEAP)
                    .forEach(pool -> heapPools.add(pool.getName()));
            for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                ((javax.management.NotificationEmitter) gc)
                        .addNotificationListener(
                                (n, h) -> {
                                    if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(
                                            n.getType())) {
                                        var info =
                                                GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
                                        long after = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                                                .filter(e -> heapPools.contains(e.getKey()))
                                                .mapToLong(e -> e.getValue().getUsed())
                                                .sum();
                                        watch.live(after);
                                    }
                                },
                                null,
                                null);
            }
            watch.sampler.start();
            return watch;
        }

        private synchronized void sample() {
            peakUsed = Math.max(
                    peakUsed,
                    ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }

        private synchronized void live(long after) {
            peakLive = Math.max(peakLive, after);
        }

        void stop() {
            sampler.interrupt();
            sample();
        }

        synchronized double peakLiveMiB() {
            return peakLive / 1048576.0;
        }

        synchronized double peakHeapMiB() {
            return peakUsed / 1048576.0;
        }
    }
}
