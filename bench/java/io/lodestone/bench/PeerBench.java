package io.lodestone.bench;

import static io.lodestone.bench.Measure.f;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lodestone.Lodestone;
import io.lodestone.api.Fact;
import io.lodestone.api.FactSet;
import io.lodestone.engine.RuleBase;
import io.lodestone.facts.FactSetLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.kie.api.KieBase;

/**
 * Section 3: the five core rule shapes (bench/shapes/shapes.drl) on Lodestone, Evrete, json-rules-engine
 * (node, separate process) and hand-written Java loops, over the same generated sets. Every peer must
 * give the same count vector as Lodestone on every set before any timing is printed.
 */
final class PeerBench {
    private PeerBench() {}

    static void run(Path root, List<Path> files, Path work, int rounds, Suite.Table table) throws Exception {
        Path rules = work.resolve("shapes-rules");
        Files.createDirectories(rules);
        Files.copy(
                root.resolve("rules/minerals/model.drl"),
                rules.resolve("model.drl"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        // the model's @vocabulary fields need the pack's word lists beside it
        Path vocabulary = rules.resolve("vocabulary");
        Files.createDirectories(vocabulary);
        try (var lists = Files.list(root.resolve("rules/minerals/vocabulary"))) {
            for (Path list : lists.toList()) {
                Files.copy(
                        list,
                        vocabulary.resolve(list.getFileName().toString()),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.copy(
                root.resolve("bench/shapes/shapes.drl"),
                rules.resolve("shapes.drl"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Lodestone lodestone = Lodestone.fromRules(rules);
        List<FactSet> sets = new ArrayList<>();
        List<Shapes.Data> data = new ArrayList<>();
        for (Path p : files) {
            sets.add(lodestone.load(p));
            data.add(Shapes.read(p));
        }
        try (EvreteShapes evrete = new EvreteShapes()) {
            // same findings first
            long[] totals = new long[6];
            for (int i = 0; i < files.size(); i++) {
                long[] expected = Shapes.counts(lodestone.evaluate(sets.get(i)));
                same("hand-written loops", files.get(i), expected, HandShapes.run(data.get(i)));
                same("Evrete", files.get(i), expected, evrete.run(data.get(i)));
                for (int k = 0; k < 6; k++) {
                    totals[k] += expected[k];
                }
            }
            NodeResult node = node(root, files, work, rounds);
            for (int i = 0; i < files.size(); i++) {
                same(
                        "json-rules-engine",
                        files.get(i),
                        Shapes.counts(lodestone.evaluate(sets.get(i))),
                        node.counts.get(i));
            }
            System.out.println(f(
                    "  %d sets: identical findings from all four on every set; totals %s = %s",
                    files.size(), Arrays.toString(Shapes.NAMES), Arrays.toString(totals)));

            // the floor of any Drools-based evaluator: a fresh session per set over objects bound beforehand
            // to this compile's own declared classes (another compile's would match no rule)
            RuleBase ruleBase = RuleBase.compile(rules, Map.of());
            FactSetLoader loader = new FactSetLoader(ruleBase.factTypes());
            List<List<Object>> objects = new ArrayList<>();
            for (Path p : files) {
                objects.add(loader.load(p).facts().stream().map(Fact::value).toList());
            }
            KieBase kieBase = ruleBase.kieBase();
            Map<String, Object> globals = ruleBase.params();
            long[] sink = new long[1];
            long[] rawFirings = new long[1];
            Map<String, Double> ns = new Measure()
                    .add(
                            "lodestone",
                            () -> sets.forEach(s ->
                                    sink[0] += lodestone.evaluate(s).findings().size()))
                    .add("evrete", () -> data.forEach(d -> sink[0] += evrete.run(d)[0]))
                    .add("hand", () -> data.forEach(d -> sink[0] += HandShapes.run(d)[0]))
                    .add("raw drools", () -> rawFirings[0] += RawDrools.fire(kieBase, globals, objects))
                    .run(3, rounds);
            if (rawFirings[0] == 0) {
                throw new IllegalStateException(
                        "raw Drools fired no rule on the shapes: the floor would be meaningless");
            }
            double n = files.size();
            double lode = ns.get("lodestone") / n / 1e3, ev = ns.get("evrete") / n / 1e3;
            double hand = ns.get("hand") / n / 1e3, js = node.usPerSet, raw = ns.get("raw drools") / n / 1e3;
            table.row("shapes: Lodestone per set", f("%.1f us", lode), "");
            table.row(
                    "shapes: Evrete per set",
                    f("%.1f us", ev),
                    "Evrete / Lodestone " + Measure.verdict(ev / lode, ">=", 4));
            table.row(
                    "shapes: json-rules-engine per set",
                    f("%.1f us", js),
                    "json-rules-engine / Lodestone " + Measure.verdict(js / lode, ">=", 2));
            table.row(
                    "shapes: hand-written loops per set",
                    f("%.2f us", hand),
                    "Lodestone / loops " + Measure.verdict(lode / hand, "<=", 3));
            table.row(
                    "shapes: raw Drools per set (fresh session)",
                    f("%.1f us", raw),
                    f("raw Drools / loops %.1fx; Lodestone / raw Drools %.2fx", raw / hand, lode / raw));
        }
    }

    private static void same(String peer, Path file, long[] expected, long[] actual) {
        if (!Arrays.equals(expected, actual)) {
            throw new IllegalStateException(peer + " disagrees with Lodestone on " + file + ": "
                    + Arrays.toString(Shapes.NAMES) + " Lodestone " + Arrays.toString(expected) + ", "
                    + peer + " " + Arrays.toString(actual));
        }
    }

    private record NodeResult(List<long[]> counts, double usPerSet) {}

    private static NodeResult node(Path root, List<Path> files, Path work, int rounds) throws Exception {
        Path list = work.resolve("peer-files.txt");
        Files.writeString(
                list, files.stream().map(p -> p.toAbsolutePath().toString()).collect(Collectors.joining("\n")) + "\n");
        Process p = new ProcessBuilder(
                        "node", root.resolve("bench/node/peer.js").toString(), list.toString(), String.valueOf(rounds))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("node peer failed (run bench/run.sh, which installs it with npm ci)");
        }
        JsonNode json = new ObjectMapper().readTree(out);
        List<long[]> counts = new ArrayList<>();
        for (JsonNode c : json.get("counts")) {
            long[] v = new long[6];
            for (int k = 0; k < 6; k++) {
                v[k] = c.get(k).asLong();
            }
            counts.add(v);
        }
        double[] us = new double[json.get("usPerSet").size()];
        for (int i = 0; i < us.length; i++) {
            us[i] = json.get("usPerSet").get(i).asDouble();
        }
        return new NodeResult(counts, Measure.median(us));
    }
}
