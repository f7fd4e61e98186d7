package io.lodestone.bench;

import static io.lodestone.bench.Measure.f;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.lodestone.Lodestone;
import io.lodestone.api.Fact;
import io.lodestone.api.FactSet;
import io.lodestone.api.Finding;
import io.lodestone.api.Report;
import io.lodestone.api.RunReport;
import io.lodestone.engine.DeclaredType;
import io.lodestone.engine.FactAccessor;
import io.lodestone.engine.RuleBase;
import io.lodestone.facts.FactSetLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.kie.api.KieBase;

/**
 * Sections 1 and 2: batch throughput of the bundled rule pack on 1 thread and on all cores, and
 * Lodestone's end-to-end time per set against two floors measured in the same run — Jackson parsing
 * the same files into the same declared-type objects, and raw Drools (fresh session, insert,
 * fireAllRules) on objects built beforehand.
 */
final class BatchBench {
    private BatchBench() {}

    static void run(Path rules, List<Path> files, Path dir, int rounds, Suite.Table table) throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        Lodestone one = Lodestone.builder(rules).jobs(1).build();
        Lodestone all = Lodestone.builder(rules).jobs(cores).build();
        int n = files.size();

        // coverage: every bundled rule should fire on some sets and not on others
        RunReport check = all.evaluateAll(List.of(dir));
        if (!check.errors().isEmpty() || check.reports().size() != n) {
            throw new IllegalStateException("generated sets do not all evaluate cleanly: " + check.errors());
        }
        Map<String, Integer> firedOn = new HashMap<>();
        for (Report r : check.reports()) {
            new TreeSet<>(r.findings().stream().map(Finding::getRuleId).toList())
                    .forEach(id -> firedOn.merge(id, 1, Integer::sum));
        }
        List<String> never = new ArrayList<>();
        // derivation rules infer facts for other rules and emit no finding of their own
        List<io.lodestone.api.RuleDescription> findingRules =
                one.rules().stream().filter(r -> !r.isDerivation()).toList();
        findingRules.forEach(rule -> {
            if (!firedOn.containsKey(rule.id())) {
                never.add(rule.id());
            }
        });
        System.out.println(f(
                "  %d generated sets, %.1f facts per set on average; %d of %d bundled finding rules fire on "
                        + "some sets%s",
                n,
                averageFacts(one, files),
                findingRules.size() - never.size(),
                findingRules.size(),
                never.isEmpty() ? "" : " (never: " + never + ")"));
        firedOn.forEach((id, c) -> {
            if (c == n) {
                System.out.println("  note: " + id + " fires on every set");
            }
        });

        // floors: the same files, the same objects
        RuleBase ruleBase = RuleBase.compile(rules, Map.of());
        ObjectMapper mapper = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
        Map<String, ObjectReader> readers = new HashMap<>();
        for (DeclaredType t : ruleBase.factTypes().values()) {
            readers.put(t.name(), mapper.readerFor(t.javaClass()));
        }
        List<List<Object>> objects = new ArrayList<>();
        // objects bound to this RuleBase's own declared classes: another compile's classes would match no rule
        FactSetLoader loader = new FactSetLoader(ruleBase.factTypes());
        long[] firings = new long[1];
        for (Path p : files) {
            FactSet fs = loader.load(p);
            objects.add(fs.facts().stream().map(Fact::value).toList());
        }
        List<FactSet> preloaded = new ArrayList<>();
        for (Path p : files) {
            preloaded.add(one.load(p));
        }
        KieBase kieBase = ruleBase.kieBase();
        Map<String, Object> globals = ruleBase.params();
        // the floor in turn fires what it has just parsed, so its objects must read as the loader's do
        Map<String, Map<String, Method>> nullable = nullableSetters(ruleBase);
        long apart = RawDrools.fire(kieBase, globals, objects);
        long inTurn = 0;
        for (Path p : files) {
            inTurn += RawDrools.fire(kieBase, globals, List.of(parseBound(mapper, readers, nullable, p)));
        }
        if (apart != inTurn) {
            throw new IllegalStateException("the floor in turn fired " + inTurn + " rules and the raw floor " + apart
                    + ": its objects do not read as the loader's");
        }
        long[] sink = new long[1];

        Measure m = new Measure()
                .add(
                        "lodestone, 1 thread",
                        () -> sink[0] += one.evaluateAll(List.of(dir)).reports().size())
                .add(
                        "lodestone, all cores",
                        () -> sink[0] += all.evaluateAll(List.of(dir)).reports().size())
                .add("lodestone load only", () -> {
                    for (Path p : files) {
                        sink[0] += load(one, p).facts().size();
                    }
                })
                .add(
                        "lodestone evaluate only",
                        () -> preloaded.forEach(
                                fs -> sink[0] += one.evaluate(fs).findings().size()))
                .add("jackson parse floor", () -> {
                    for (Path p : files) {
                        sink[0] += parse(mapper, readers, p);
                    }
                })
                .add("raw drools floor", () -> firings[0] += RawDrools.fire(kieBase, globals, objects))
                // the same two floors set by set, as an evaluator must run them: each loop alone keeps its own
                // code and data in the caches, which end to end, loading and evaluating in turn, cannot
                .add("parse + raw drools, in turn", () -> {
                    for (Path p : files) {
                        firings[0] +=
                                RawDrools.fire(kieBase, globals, List.of(parseBound(mapper, readers, nullable, p)));
                    }
                });
        Map<String, Double> ns = m.run(2, rounds);
        if (firings[0] == 0) {
            throw new IllegalStateException("raw Drools fired no rule: the floor would be meaningless");
        }
        double oneT = ns.get("lodestone, 1 thread"), allT = ns.get("lodestone, all cores");
        double parse = ns.get("jackson parse floor"), raw = ns.get("raw drools floor");
        table.row("batch, 1 thread", f("%.0f sets/s", n / (oneT / 1e9)), "");
        table.row(
                "batch, all " + cores + " cores",
                f("%.0f sets/s", n / (allT / 1e9)),
                "speed-up " + Measure.verdict(oneT / allT, ">=", 1.7));
        table.row("end-to-end per set (1 thread)", f("%.1f us", oneT / n / 1e3), "");
        table.row(
                "Jackson parse floor per set",
                f("%.1f us", parse / n / 1e3),
                f("end-to-end / parse %.2fx", oneT / parse));
        table.row(
                "raw Drools floor per set",
                f("%.1f us", raw / n / 1e3),
                f("end-to-end / raw Drools %.2fx", oneT / raw));
        double loadOnly = ns.get("lodestone load only"), evalOnly = ns.get("lodestone evaluate only");
        table.row(
                "Lodestone load only per set",
                f("%.1f us", loadOnly / n / 1e3),
                f("load / Jackson parse %.2fx", loadOnly / parse));
        table.row(
                "Lodestone evaluate only per set",
                f("%.1f us", evalOnly / n / 1e3),
                f("evaluate / raw Drools %.2fx", evalOnly / raw));
        table.row(
                "parse + raw Drools per set",
                f("%.1f us", (parse + raw) / n / 1e3),
                "end-to-end / (parse + raw) " + Measure.verdict(oneT / (parse + raw), "<=", 1.2));
        double turn = ns.get("parse + raw drools, in turn");
        table.row(
                "parse + raw Drools per set, in turn",
                f("%.1f us", turn / n / 1e3),
                f(
                                "each set parsed (absent fields reset to null, as the loader does) and its objects "
                                        + "fired at once, as end to end runs them: %.2fx the two loops apart; ",
                                turn / (parse + raw))
                        + "end-to-end / this floor " + Measure.verdict(oneT / turn, "<=", 1.2));
    }

    private static FactSet load(Lodestone lodestone, Path file) {
        try {
            return lodestone.load(file);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static double averageFacts(Lodestone l, List<Path> files) throws Exception {
        long total = 0;
        for (Path p : files) {
            total += l.load(p).facts().size();
        }
        return total / (double) files.size();
    }

    /**
     * Reads the file and binds every fact into its declared type, then sets each declared field the fact
     * leaves out to null, as the loader does (a declared Double starts at 0): the objects the rules must see.
     */
    private static List<Object> parseBound(
            ObjectMapper mapper,
            Map<String, ObjectReader> readers,
            Map<String, Map<String, Method>> nullable,
            Path file) {
        try {
            JsonNode root = mapper.readTree(Files.readAllBytes(file));
            List<Object> out = new ArrayList<>();
            for (JsonNode fact : root.path("facts")) {
                String type = fact.path("type").asText();
                Object value = readers.get(type).readValue(fact);
                for (Map.Entry<String, Method> field : nullable.get(type).entrySet()) {
                    if (!fact.has(field.getKey())) {
                        field.getValue().invoke(value, (Object) null);
                    }
                }
                out.add(value);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** By type, the setters of the declared fields that may be absent (not primitive, not the id), by field. */
    private static Map<String, Map<String, Method>> nullableSetters(RuleBase ruleBase) {
        Map<String, Map<String, Method>> out = new HashMap<>();
        for (DeclaredType t : ruleBase.factTypes().values()) {
            Map<String, Method> setters = new HashMap<>();
            t.fields().forEach((name, type) -> {
                Method setter =
                        type.isPrimitive() || name.equals("id") ? null : FactAccessor.setter(t.javaClass(), name, type);
                if (setter != null) {
                    setters.put(name, setter);
                }
            });
            out.put(t.name(), setters);
        }
        return out;
    }

    /** Reads the file and binds every fact into its declared type, nothing else. */
    private static int parse(ObjectMapper mapper, Map<String, ObjectReader> readers, Path file) {
        try {
            JsonNode root = mapper.readTree(Files.readAllBytes(file));
            int count = 0;
            for (JsonNode fact : root.path("facts")) {
                Object value = readers.get(fact.path("type").asText()).readValue(fact);
                count += value == null ? 0 : 1;
            }
            return count;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
