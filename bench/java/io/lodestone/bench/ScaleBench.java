package io.lodestone.bench;

import static io.lodestone.bench.Measure.f;

import io.lodestone.Lodestone;
import io.lodestone.api.Report;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Section 4: one fact set of 10k, 100k and 1M facts (seed-shaped clusters, each with its own keys, so
 * group sizes stay realistic) evaluated end to end with the bundled rules, each in a fresh JVM capped at
 * -Xmx2g: wall time, peak heap and the growth per 10x facts.
 */
final class ScaleBench {
    private ScaleBench() {}

    static void run(String label, Path rules, Path work, List<Integer> sizes, int timeoutSeconds, Suite.Table table)
            throws Exception {
        double previous = 0;
        int previousSize = 0;
        for (int size : sizes) {
            Path file = work.resolve("scale/facts-" + size + ".json");
            if (!Files.exists(file)) {
                Generator.writeLarge(file, size, 7);
            }
            List<String> cmd = new ArrayList<>(List.of(
                    javaBin(),
                    "-Xmx2g",
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
            String detail = String.join(" ", List.of(parts).subList(1, parts.length));
            String growth = previous == 0
                    ? ""
                    : "; time x" + f("%.1f", ms / previous) + " for x"
                            + (size / previousSize) + " facts "
                            + (size / previousSize == 10 ? Measure.verdict(ms / previous, "<=", 12) : "");
            table.row(f("scale, %s: %,d facts", label, size), f("%.0f ms", ms), detail + growth);
            previous = ms;
            previousSize = size;
        }
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Child JVM: evaluates one large file and prints "ms=… load=… findings=… peakHeap=…". */
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
                "ms=%.0f load=%.0fms evaluate=%.0fms facts=%d findings=%d errors=%d peakHeap=%.0fMiB",
                (t2 - t0) / 1e6,
                (t1 - t0) / 1e6,
                (t2 - t1) / 1e6,
                factSet.facts().size(),
                report.findings().size(),
                report.errors().size(),
                peak[0] / 1048576.0));
    }
}
