package io.lodestone.bench;

import static io.lodestone.bench.Measure.f;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Section 7 ({@code --only flags}): what limits a batch on all cores, in two views.
 *
 * <p>In this JVM: the batch on 1 and on all threads with the process CPU time, GC time and JIT time
 * spent during it, so that "two threads are not twice as fast" can be told apart into cores left idle,
 * collector work and compiler work.
 *
 * <p>As processes: {@code java -jar lodestone-cli.jar evaluate} over the generated folder with 1 and 2
 * jobs under several JVM flag sets, each net of the same process's start-up (a run over one set), the
 * flag sets alternating round after round. This is what picks the launcher's flags.
 */
final class BatchFlagsBench {
    private BatchFlagsBench() {}

    /** JVM flag sets tried for a long batch; the first is what the launcher uses today. */
    static final Map<String, List<String>> FLAG_SETS = new LinkedHashMap<>();

    static {
        FLAG_SETS.put("C1 only + Serial GC (launcher)", List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
        FLAG_SETS.put("C1 only + Parallel GC", List.of("-XX:TieredStopAtLevel=1", "-XX:+UseParallelGC"));
        FLAG_SETS.put("tiered C1+C2 + Serial GC", List.of("-XX:+UseSerialGC"));
        FLAG_SETS.put("tiered C1+C2 + Parallel GC", List.of("-XX:+UseParallelGC"));
        FLAG_SETS.put("JVM defaults (G1 on 2 cores)", List.of());
    }

    static void run(Path root, Path rules, List<Path> files, Path dir, int rounds, Suite.Table table) throws Exception {
        inJvm(rules, dir, files.size(), rounds, table);
        if (!Boolean.getBoolean("flags.inJvmOnly")) {
            processes(root, rules, files, dir, rounds, table);
        }
    }

    private static void inJvm(Path rules, Path dir, int n, int rounds, Suite.Table table) throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        // one evaluator for both contenders: two rule bases would each bring their own generated classes,
        // and alternating them keeps the JIT recompiling Drools' shared code for both (see section [1-2])
        io.lodestone.Lodestone all =
                io.lodestone.Lodestone.builder(rules).jobs(cores).build();
        List<Path> files;
        try (var listed = java.nio.file.Files.list(dir)) {
            files = listed.sorted().toList();
        }
        Runnable sequential = () -> {
            for (Path file : files) {
                try {
                    all.evaluate(file);
                } catch (io.lodestone.api.FactSetException e) {
                    throw new IllegalStateException(e);
                }
            }
        };
        for (int w = 0; w < 3; w++) {
            sequential.run();
            all.evaluateAll(List.of(dir));
        }
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Map<String, List<double[]>> samples = new LinkedHashMap<>();
        samples.put("1 thread", new ArrayList<>());
        samples.put(cores + " threads", new ArrayList<>());
        for (int r = 0; r < rounds; r++) {
            for (Map.Entry<String, List<double[]>> e : samples.entrySet()) {
                boolean single = e.getKey().startsWith("1 ");
                long cpu0 = os.getProcessCpuTime(), gc0 = gcMillis(), jit0 = jitMillis();
                long t0 = System.nanoTime();
                if (single) {
                    sequential.run();
                } else {
                    all.evaluateAll(List.of(dir));
                }
                long wall = System.nanoTime() - t0;
                e.getValue().add(new double[] {
                    wall / 1e6, (os.getProcessCpuTime() - cpu0) / 1e6, gcMillis() - gc0, jitMillis() - jit0
                });
            }
        }
        double oneWall = 0;
        for (Map.Entry<String, List<double[]>> e : samples.entrySet()) {
            double wall = median(e.getValue(), 0), cpu = median(e.getValue(), 1);
            double gc = median(e.getValue(), 2), jit = median(e.getValue(), 3);
            if (e.getKey().startsWith("1 ")) {
                oneWall = wall;
            }
            table.row(
                    "in-JVM batch, " + e.getKey(),
                    f("%.0f sets/s", n / (wall / 1e3)),
                    f(
                            "wall %.0f ms, process CPU %.0f ms = %.2f of %d cores busy; GC %.0f ms, JIT %.0f ms%s",
                            wall,
                            cpu,
                            cpu / wall,
                            cores,
                            gc,
                            jit,
                            e.getKey().startsWith("1 ") ? "" : f("; speed-up %.2fx", oneWall / wall)));
        }
    }

    private static void processes(Path root, Path rules, List<Path> files, Path dir, int rounds, Suite.Table table)
            throws Exception {
        Path jar = root.resolve("target/lodestone-cli.jar");
        Path single = files.get(0);
        Map<String, List<Double>> net = new LinkedHashMap<>();
        for (int r = 0; r < rounds; r++) {
            for (Map.Entry<String, List<String>> flags : FLAG_SETS.entrySet()) {
                double start = wallMillis(jar, flags.getValue(), rules, single, 1);
                for (int jobs = 1; jobs <= 2; jobs++) {
                    double whole = wallMillis(jar, flags.getValue(), rules, dir, jobs);
                    net.computeIfAbsent(flags.getKey() + "|" + jobs, k -> new ArrayList<>())
                            .add(whole - start);
                }
            }
        }
        int n = files.size();
        for (String name : FLAG_SETS.keySet()) {
            double oneJob = Measure.median(toArray(net.get(name + "|1")));
            double twoJobs = Measure.median(toArray(net.get(name + "|2")));
            table.row(
                    "process batch, " + name,
                    f("%.0f / %.0f sets/s", n / (oneJob / 1e3), n / (twoJobs / 1e3)),
                    "1 / 2 jobs, net of start-up; 2 jobs vs 1 " + Measure.verdict(oneJob / twoJobs, ">=", 1.7));
        }
    }

    private static double wallMillis(Path jar, List<String> flags, Path rules, Path input, int jobs) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("java"));
        cmd.addAll(flags);
        cmd.addAll(List.of(
                "-jar",
                jar.toString(),
                "evaluate",
                "--rules",
                rules.toString(),
                "--jobs",
                String.valueOf(jobs),
                "--format",
                "jsonl",
                input.toString()));
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        int code = p.waitFor();
        if (code > 1) {
            throw new IllegalStateException("evaluate exited " + code + ": " + cmd);
        }
        return (System.nanoTime() - t0) / 1e6;
    }

    private static long gcMillis() {
        long sum = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            sum += Math.max(0, gc.getCollectionTime());
        }
        return sum;
    }

    private static long jitMillis() {
        var jit = ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
    }

    private static double median(List<double[]> rows, int column) {
        return Measure.median(rows.stream().mapToDouble(r -> r[column]).toArray());
    }

    private static double[] toArray(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
