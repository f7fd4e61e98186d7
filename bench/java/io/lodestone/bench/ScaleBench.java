package io.lodestone.bench;

import static io.lodestone.bench.Measure.f;

import com.sun.management.GarbageCollectionNotificationInfo;
import io.lodestone.Lodestone;
import io.lodestone.api.Report;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.management.openmbean.CompositeData;

/**
 * Section 4: one fact set of 10k, 100k and 1M facts (seed-shaped clusters, each with its own keys, so
 * group sizes stay realistic) evaluated end to end with the bundled rules, each in a fresh JVM: wall
 * time, peak heap after a collection (what the run needs; checked against the 1 GiB target) and in use
 * (sampled), and the growth of time and heap per 10x facts. The cap ({@link #HEAP}) leaves room above the
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
            List<String> cmd = new ArrayList<>(List.of(
                    Suite.javaBin(),
                    HEAP,
                    "-cp",
                    System.getProperty("java.class.path"),
                    ScaleBench.class.getName(),
                    rules.toString(),
                    file.toString()));
            Process p = new ProcessBuilder(cmd)
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            if (!p.waitFor(timeoutSeconds, java.util.concurrent.TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
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
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            int code = p.exitValue();
            if (code != 0 || !out.startsWith("ms=")) {
                table.row(f("scale, %s: %,d facts", label, size), "FAILED (exit " + code + ")", out);
                continue;
            }
            String[] parts = out.split(" ");
            double ms = Double.parseDouble(parts[0].substring(3));
            double live = 0;
            for (String part : parts) {
                if (part.startsWith("peakLive=")) {
                    live = Double.parseDouble(part.substring("peakLive=".length(), part.length() - 3));
                }
            }
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
            previous = ms;
            previousLive = live;
            previousSize = size;
        }
    }

    /**
     * Child JVM: evaluates one large file and prints "ms=… load=… findings=… peakLive=… peakHeap=…";
     * peakLive is the most heap left after any collection (what the run holds), peakHeap the most in use
     * sampled every 20 ms (garbage included).
     */
    public static void main(String[] args) throws Exception {
        Lodestone lodestone = Lodestone.builder(Path.of(args[0]))
                .maxFileBytes(Long.MAX_VALUE)
                .maxFirings(Integer.MAX_VALUE)
                .timeout(Duration.ofHours(1))
                .build();
        // peak heap in use, sampled: pool peaks happen at different moments and cannot be summed
        long[] peak = new long[1];
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak[0] = Math.max(
                        peak[0],
                        ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        double[] live = new double[1];
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
                                    var info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
                                    long after = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                                            .filter(e -> heapPools.contains(e.getKey()))
                                            .mapToLong(e -> e.getValue().getUsed())
                                            .sum();
                                    synchronized (live) {
                                        live[0] = Math.max(live[0], (double) after);
                                    }
                                }
                            },
                            null,
                            null);
        }
        long t0 = System.nanoTime();
        var factSet = lodestone.load(Path.of(args[1]));
        long t1 = System.nanoTime();
        Report report = lodestone.evaluate(factSet);
        long t2 = System.nanoTime();
        sampler.interrupt();
        peak[0] = Math.max(
                peak[0],
                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        System.out.println(f(
                "ms=%.0f load=%.0fms evaluate=%.0fms facts=%d findings=%d errors=%d peakLive=%.0fMiB peakHeap=%.0fMiB",
                (t2 - t0) / 1e6,
                (t1 - t0) / 1e6,
                (t2 - t1) / 1e6,
                factSet.facts().size(),
                report.findings().size(),
                report.errors().size(),
                liveMiB(live),
                peak[0] / 1048576.0));
    }

    private static double liveMiB(double[] live) {
        synchronized (live) {
            return live[0] / 1048576.0;
        }
    }
}
