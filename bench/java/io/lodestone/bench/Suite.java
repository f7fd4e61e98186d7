package io.lodestone.bench;

import static io.lodestone.bench.Measure.f;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The benchmark suite (run it with bench/run.sh). Each section runs in a JVM of its own (with this JVM's
 * flags) and the parent prints one table of all their figures. Options: --sets N (generated fact sets, default 1000),
 * --peer-sets N (default 300), --rounds N (default 5), --scale 10000,100000,1000000 (sizes for the
 * proposed rules), --bundled-scale 10000,100000 (sizes for rules/ as bundled),
 * --scale-timeout SECONDS (per size, default 180), --cold-runs N (default 5), --warmup-seconds S (each
 * timed task runs at least this long before timing, default 15), --only batch,peers,scale,cold,alloc,profile,flags,model (profile, flags and model run only when
 * named), --forks N (each section N times, each in a fresh JVM; the table adds the median of the forks for
 * every figure with a target, because one JVM's JIT can move a ratio by half).
 */
public final class Suite {
    /** The figures, printed as a Markdown table that docs/performance.md quotes. */
    static final class Table {
        private final List<String[]> rows = new ArrayList<>();

        void row(String what, String figure, String note) {
            // one line per row, also in the file a section's JVM hands back: a child's output may hold newlines
            rows.add(new String[] {oneLine(what), oneLine(figure), oneLine(note)});
            System.out.println(f("  %-46s %14s  %s", what, figure, note));
        }

        /** The rows as tab-separated lines, for a section run in its own JVM to hand back. */
        void save(Path file) throws java.io.IOException {
            List<String> lines = new ArrayList<>();
            rows.forEach(r -> lines.add(String.join("\t", r)));
            Files.write(file, lines);
        }

        void addSaved(Path file) throws java.io.IOException {
            for (String line : Files.readAllLines(file)) {
                String[] cells = Arrays.copyOf(line.split("\t", -1), 3);
                rows.add(new String[] {cells[0], cells[1] == null ? "" : cells[1], cells[2] == null ? "" : cells[2]});
            }
        }

        /** A row already printed by the JVM that measured it: kept for the table, not printed again. */
        void addMeasured(String what, String figure, String note) {
            rows.add(new String[] {oneLine(what), oneLine(figure), oneLine(note)});
        }

        /** The rows so far, each {what, figure, note}. */
        List<String[]> rows() {
            return List.copyOf(rows);
        }

        private static String oneLine(String cell) {
            return cell.replaceAll("[\t\r\n]+", " ").strip();
        }

        void print() {
            System.out.println();
            System.out.println("| measure | figure | ratio / note |");
            System.out.println("|---|---|---|");
            rows.forEach(r -> System.out.println("| " + r[0] + " | " + r[1] + " | " + r[2] + " |"));
        }
    }

    public static void main(String[] args) throws Exception {
        int sets = 1000, peerSets = 300, rounds = 5, coldRuns = 5, scaleTimeout = 180, forks = 1;
        Path tableOut = null; // set in a section's own JVM: where its rows go
        List<Integer> scale = List.of(10_000, 100_000, 1_000_000);
        Set<String> only = Set.of("batch", "peers", "scale", "cold", "alloc");
        for (int i = 0; i < args.length; i += 2) {
            String v = args[i + 1];
            switch (args[i]) {
                case "--sets" -> sets = Integer.parseInt(v);
                case "--peer-sets" -> peerSets = Integer.parseInt(v);
                case "--rounds" -> rounds = Integer.parseInt(v);
                case "--cold-runs" -> coldRuns = Integer.parseInt(v);
                case "--warmup-seconds" -> Measure.warmupSeconds = Double.parseDouble(v);
                case "--scale-timeout" -> scaleTimeout = Integer.parseInt(v);
                case "--scale" ->
                    scale = Arrays.stream(v.split(",")).map(Integer::valueOf).toList();
                case "--only" -> only = Set.of(v.split(","));
                case "--forks" -> forks = Integer.parseInt(v);
                case "--table-out" -> tableOut = Path.of(v);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        for (String name : only) {
            if (!SECTIONS.contains(name)) {
                throw new IllegalArgumentException("unknown section " + name + " (sections: " + SECTIONS + ")");
            }
        }
        List<String> sections = SECTIONS.stream().filter(only::contains).toList();
        if (tableOut == null && (sections.size() > 1 || forks > 1)) {
            forkEach(sections, args, forks);
            return;
        }
        Path root = Path.of("").toAbsolutePath();
        Path work = root.resolve("target/bench");
        Path rules = root.resolve("rules");
        Path dir = work.resolve("sets");
        if (Files.isDirectory(dir)) {
            try (var old = Files.list(dir)) {
                for (Path p : old.toList()) {
                    Files.delete(p);
                }
            }
        }
        List<Path> files = Generator.writeSets(dir, sets, 42);
        Table table = new Table();
        System.out.println(f(
                "Lodestone benchmark suite: %d cores, %s, Java %s; sets=%d peer-sets=%d rounds=%d warm-up=%.0f s",
                Runtime.getRuntime().availableProcessors(),
                cpu(),
                System.getProperty("java.version"),
                sets,
                peerSets,
                rounds,
                Measure.warmupSeconds));
        try {
            runSections(only, rules, files, dir, root, work, peerSets, rounds, coldRuns, scale, scaleTimeout, table);
        } finally {
            // a section that throws keeps the rows it made: a parent adds them beside its FAILED row
            if (tableOut != null) {
                table.save(tableOut);
            }
        }
        if (tableOut == null) {
            table.print();
        }
    }

    private static void runSections(
            Set<String> only,
            Path rules,
            List<Path> files,
            Path dir,
            Path root,
            Path work,
            int peerSets,
            int rounds,
            int coldRuns,
            List<Integer> scale,
            int scaleTimeout,
            Table table)
            throws Exception {
        if (only.contains("batch")) {
            System.out.println("[1-2] batch throughput and overhead vs floors (bundled rules/)");
            BatchBench.run(rules, files, dir, rounds, table);
        }
        if (only.contains("peers")) {
            System.out.println("[3] five rule shapes vs peers (bench/shapes/shapes.drl)");
            PeerBench.run(root, files.subList(0, Math.min(peerSets, files.size())), work, rounds, table);
        }
        if (only.contains("scale")) {
            System.out.println("[4] scale: one large fact set, fresh JVM each, " + ScaleBench.HEAP + "; bundled rules");
            ScaleBench.run("bundled", rules, work, scale, scaleTimeout, table);
        }
        if (only.contains("alloc")) {
            AllocationBench.run(rules, files.subList(0, Math.min(200, files.size())), rounds, table);
        }
        if (only.contains("cold")) {
            System.out.println("[5] cold start vs warm (seed fact set, bundled rules)");
            ColdStartBench.run(root, work, coldRuns, table);
        }
        if (only.contains("flags")) {
            System.out.println("[7] batch on all cores: CPU, GC and JIT in one JVM; JVM flags as processes");
            BatchFlagsBench.run(root, rules, files, dir, rounds, table);
        }
        if (only.contains("model")) {
            System.out.println("[8] Drools' executable model vs the MVEL rule base (bundled rules/)");
            ExecModelBench.run(rules, dir, Math.min(peerSets, files.size()), rounds, coldRuns, work, table);
        }
        if (only.contains("profile")) {
            System.out.println("[6] profile: raw evaluation by rule and by node kind (bundled rules/)");
            RuleProfile.run(rules, files.subList(0, Math.min(300, files.size())), rounds, table);
        }
    }

    /** Every section the suite knows, in the order they run. */
    private static final List<String> SECTIONS =
            List.of("batch", "peers", "scale", "alloc", "cold", "flags", "model", "profile");

    /**
     * Runs each section in a JVM of its own, as JMH forks each benchmark: in one JVM the batch section's
     * rules left the JIT's profiles of Drools and Lodestone shaped by other rules, and the shapes measured
     * 157 us per set after it against 66 us in a fresh JVM, while Evrete, whose code the batch never ran,
     * was unaffected (docs/performance.md, "Second round, third session").
     */
    private static void forkEach(List<String> sections, String[] args, int forks) throws Exception {
        List<String> jvm =
                java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments();
        List<Table> perFork = new ArrayList<>();
        boolean failed = false;
        // forks outside, sections inside: a slow phase of the machine falls on every section alike
        for (int fork = 1; fork <= forks; fork++) {
            Table table = new Table();
            for (String section : sections) {
                List<String> command = new ArrayList<>();
                command.add(javaBin());
                command.addAll(jvm);
                command.addAll(List.of("-cp", System.getProperty("java.class.path"), Suite.class.getName()));
                for (int i = 0; i < args.length; i += 2) {
                    if (!args[i].equals("--only") && !args[i].equals("--forks")) {
                        command.add(args[i]);
                        command.add(args[i + 1]);
                    }
                }
                command.addAll(List.of("--only", section, "--table-out"));
                failed |= !runChild("section " + section, command, table);
            }
            perFork.add(table);
        }
        Table all = forks == 1 ? perFork.get(0) : ForkMedians.table(perFork);
        all.print();
        if (failed) {
            throw new IllegalStateException("a section failed: its row in the table above says which");
        }
    }

    /**
     * Runs a child JVM whose last argument is the file it writes its rows to ({@link Table#save}), and adds
     * those rows to {@code table}. A child that fails adds the rows it saved, if any, and a FAILED row:
     * the other figures of a run still count.
     *
     * @param command the child's command, without the rows file, which is appended
     * @return whether the child exited with 0
     */
    static boolean runChild(String what, List<String> command, Table table) throws Exception {
        Path rows = Files.createTempFile("lodestone-bench-", ".tsv");
        try {
            List<String> full = new ArrayList<>(command);
            full.add(rows.toString());
            int exit = new ProcessBuilder(full).inheritIO().start().waitFor();
            table.addSaved(rows);
            if (exit != 0) {
                table.row(what, "FAILED", "exit " + exit + "; its output is above");
            }
            return exit == 0;
        } finally {
            Files.deleteIfExists(rows);
        }
    }

    /** The java launcher of this JVM, for the child JVMs the sections start. */
    static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String cpu() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name"))
                    .findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .orElse("unknown CPU");
        } catch (Exception e) {
            return "unknown CPU";
        }
    }
}
