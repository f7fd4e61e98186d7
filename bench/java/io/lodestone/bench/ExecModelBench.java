package io.lodestone.bench;

import static io.lodestone.bench.Measure.f;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.lodestone.api.Fact;
import io.lodestone.api.FactSet;
import io.lodestone.engine.RuleBase;
import io.lodestone.engine.RuleBaseCache;
import io.lodestone.facts.FactSetLoader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.KieModule;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;

/**
 * Section "model" (only when named): Drools' executable model (constraints compiled to lambdas,
 * {@code drools-model-codegen}) against the MVEL rule base Lodestone builds, on the bundled rules, as
 * issue #17 asks ("report the figure either way"). Which rules the executable model compiles, then, on
 * those rules only: per-rule firings identical on every generated set (checked before timing), raw
 * evaluation per set warm, build time, and a cold process from each one's compiled form (Lodestone's rule
 * cache vs the executable model's kjar).
 *
 * <p>The executable model's compiler is not a dependency of Lodestone or of its tests: on their class path
 * it could change what Drools' service loader picks. bench/run.sh resolves it from bench/model/pom.xml
 * into target/bench/model-cp.txt, and this section runs its work in a child JVM with that class path added.
 */
final class ExecModelBench {
    private static final String MODEL_PROJECT = "org.drools.model.codegen.ExecutableModelProject";
    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private ExecModelBench() {}

    /** The class path of the suite itself, without the model's compiler: what the MVEL cold process gets. */
    private static final String BASE_CLASS_PATH = "lodestone.bench.baseClassPath";

    static void run(Path rules, Path sets, int count, int rounds, int coldRuns, Path work, Suite.Table table)
            throws Exception {
        Path modelCp = work.resolve("model-cp.txt");
        if (!Files.exists(modelCp)) {
            throw new IllegalStateException("no " + modelCp
                    + ": run the suite with bench/run.sh, which resolves the executable model's compiler");
        }
        String base = System.getProperty("java.class.path");
        List<String> cmd = new ArrayList<>(List.of(Suite.javaBin()));
        cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        cmd.addAll(List.of(
                "-D" + BASE_CLASS_PATH + "=" + base,
                "-cp",
                base + java.io.File.pathSeparator + Files.readString(modelCp).strip(),
                ExecModelBench.class.getName(),
                "measure",
                rules.toString(),
                sets.toString(),
                String.valueOf(count),
                String.valueOf(rounds),
                String.valueOf(coldRuns),
                String.valueOf(Measure.warmupSeconds),
                work.resolve("model").toString()));
        if (!Suite.runChild("executable model", cmd, table)) {
            throw new IllegalStateException("the executable-model section's JVM failed: its output is above");
        }
    }

    /**
     * Child JVMs: {@code measure ... <rows file>} (the section; its rows are saved even when it fails part
     * way) and {@code cold mvel|model <dir>} (one cold process).
     */
    public static void main(String[] args) throws Exception {
        if (args[0].equals("cold")) {
            cold(args[1], Path.of(args[2]));
            return;
        }
        Measure.warmupSeconds = Double.parseDouble(args[6]);
        Suite.Table table = new Suite.Table();
        try {
            measure(
                    Path.of(args[1]),
                    Path.of(args[2]),
                    Integer.parseInt(args[3]),
                    Integer.parseInt(args[4]),
                    Integer.parseInt(args[5]),
                    Path.of(args[7]),
                    table);
        } finally {
            table.save(Path.of(args[8]));
        }
    }

    private static void measure(
            Path rules, Path setsDir, int count, int rounds, int coldRuns, Path work, Suite.Table table)
            throws Exception {
        if (Files.isDirectory(work)) {
            RulePack.deleteTree(work);
        }
        Files.createDirectories(work);
        RuleBase full = RuleBase.compile(rules, Map.of());
        // which rules the executable model compiles: each rule alone, with the pack's types, functions and globals
        Map<String, String> rejected = new LinkedHashMap<>();
        List<String> names = full.kieBase().getKiePackages().stream()
                .flatMap(p -> p.getRules().stream())
                .map(org.kie.api.definition.rule.Rule::getName)
                .sorted()
                .toList();
        for (String name : names) {
            Path only = RulePack.copyWithout(
                    rules, work, names.stream().filter(n -> !n.equals(name)).toList());
            String error = buildModel(only, false).error();
            RulePack.deleteTree(only);
            if (error != null) {
                rejected.put(name, error);
                System.out.println("  the executable model rejects \"" + name + "\": " + error);
            }
        }
        table.row(
                "executable model: rules it compiles",
                f("%d of %d", names.size() - rejected.size(), names.size()),
                rejected.isEmpty() ? "all" : reasons(rejected));
        if (names.size() == rejected.size()) {
            return;
        }
        List<String> kept = names.stream().filter(n -> !rejected.containsKey(n)).toList();
        Path subset = RulePack.copyWithout(rules, work, rejected.keySet());

        // build time, each way three times in alternation (the first build in a JVM pays for class loading)
        List<Double> mvelMs = new ArrayList<>(), modelMs = new ArrayList<>();
        RuleBase mvel = null;
        Built model = null;
        for (int i = 0; i < 3; i++) {
            long t0 = System.nanoTime();
            mvel = RuleBase.compile(subset, Map.of());
            long t1 = System.nanoTime();
            model = buildModel(subset, true);
            long t2 = System.nanoTime();
            mvelMs.add((t1 - t0) / 1e6);
            modelMs.add((t2 - t1) / 1e6);
        }
        if (model.error() != null) {
            throw new IllegalStateException(
                    "the executable model rejected the rules it compiled one by one: " + model.error());
        }
        KieBase modelBase = model.kieBase();
        RuleBase subsetBase = mvel;
        double mvelBuild = Measure.median(mvelMs.stream().mapToDouble(d -> d).toArray());
        double modelBuild = Measure.median(modelMs.stream().mapToDouble(d -> d).toArray());

        // the same sets, bound to each rule base's own classes: Lodestone's loader, then a copy for the model
        List<Path> files;
        try (var list = Files.list(setsDir)) {
            files = list.sorted().limit(count).toList();
        }
        FactSetLoader loader = new FactSetLoader(subsetBase.factTypes());
        List<List<Object>> mvelSets = new ArrayList<>(), modelSets = new ArrayList<>();
        Map<Class<?>, Class<?>> modelClass = new HashMap<>();
        for (Path p : files) {
            FactSet fs = loader.load(p);
            List<Object> a = new ArrayList<>(), b = new ArrayList<>();
            for (Fact fact : fs.facts()) {
                a.add(fact.value());
                b.add(copy(fact.value(), modelBase, modelClass));
            }
            mvelSets.add(a);
            modelSets.add(b);
        }
        Map<String, Object> globals = subsetBase.params();
        List<Map<String, Integer>> mvelFired = firingsByRule(subsetBase.kieBase(), globals, mvelSets);
        List<Map<String, Integer>> modelFired = firingsByRule(modelBase, globals, modelSets);
        for (int i = 0; i < files.size(); i++) {
            if (!mvelFired.get(i).equals(modelFired.get(i))) {
                throw new IllegalStateException("the two rule bases fire differently on " + files.get(i) + ": MVEL "
                        + mvelFired.get(i) + " vs executable model " + modelFired.get(i));
            }
        }
        Map<String, Integer> byRule = new TreeMap<>();
        mvelFired.forEach(set -> set.forEach((rule, n) -> byRule.merge(rule, n, Integer::sum)));
        System.out.println(f(
                "  the %d rules fire identically both ways on each of %d sets: %d firings, %d rules fired at least once",
                kept.size(),
                files.size(),
                byRule.values().stream().mapToInt(Integer::intValue).sum(),
                byRule.size()));
        long[] sink = new long[1];
        Map<String, Double> ns = new Measure()
                .add("mvel", () -> sink[0] += RawDrools.fire(subsetBase.kieBase(), globals, mvelSets))
                .add("model", () -> sink[0] += RawDrools.fire(modelBase, globals, modelSets))
                .run(3, rounds);
        double mvelUs = ns.get("mvel") / files.size() / 1e3, modelUs = ns.get("model") / files.size() / 1e3;
        table.row(
                f("raw evaluation, the %d rules both compile", kept.size()),
                f("%.1f vs %.1f us", mvelUs, modelUs),
                f(
                        "MVEL vs executable model per set, warm; model / MVEL %.2fx; per-rule firings identical on each of %d sets",
                        modelUs / mvelUs, files.size()));
        table.row(
                f("build, the %d rules", kept.size()),
                f("%.0f vs %.0f ms", mvelBuild, modelBuild),
                f(
                        "MVEL (Lodestone's compile) vs executable model, median of 3 in one JVM; model / MVEL %.1fx",
                        modelBuild / mvelBuild));

        // cold: a fresh process from each one's compiled form to its first firing on one set
        Path cold = work.resolve("cold");
        Files.createDirectories(cold);
        RuleBase.compile(subset, Map.of(), new RuleBaseCache(cold.resolve("cache"))); // fills Lodestone's cache
        Files.writeString(cold.resolve("rules.txt"), subset.toString());
        Files.write(cold.resolve("model.jar"), model.module().getBytes());
        ArrayNode items = JSON.createArrayNode();
        for (Object o : mvelSets.get(0)) {
            items.addObject().put("type", o.getClass().getName()).set("value", JSON.valueToTree(o));
        }
        JSON.writeValue(cold.resolve("facts.json").toFile(), items);
        JSON.writeValue(cold.resolve("globals.json").toFile(), globals);
        Map<String, List<Double>> walls = new LinkedHashMap<>();
        for (int i = 0; i < coldRuns; i++) {
            for (String kind : List.of("mvel", "model")) {
                walls.computeIfAbsent(kind, k -> new ArrayList<>()).add(coldProcess(kind, cold));
            }
        }
        double mvelCold =
                Measure.median(walls.get("mvel").stream().mapToDouble(d -> d).toArray());
        double modelCold =
                Measure.median(walls.get("model").stream().mapToDouble(d -> d).toArray());
        table.row(
                f("cold process, the %d rules", kept.size()),
                f("%.0f vs %.0f ms", mvelCold, modelCold),
                f(
                        "rule cache vs executable-model kjar, to the first firing on one set (launcher flags, no AppCDS), "
                                + "median of %d alternating; model / cache %.2fx",
                        coldRuns, modelCold / mvelCold));
    }

    /** How many rules each first error rejected, most first; the rules are named in the output above the table. */
    private static String reasons(Map<String, String> rejected) {
        Map<String, Integer> byReason = new TreeMap<>();
        rejected.values().forEach(error -> byReason.merge(error, 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        byReason.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> parts.add(e.getValue() + " by \"" + e.getKey() + "\""));
        return f("%d rejected (named above), by the compiler's first error: ", rejected.size())
                + String.join("; ", parts);
    }

    private record Built(KieBase kieBase, InternalKieModule module, String error) {}

    /**
     * Builds a rules folder with the executable model; with {@code load}, also its KieBase, else the built
     * module is dropped from Drools' repository at once (the rejection scan builds one per rule).
     */
    private static Built buildModel(Path rules, boolean load) throws Exception {
        KieServices ks = KieServices.Factory.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        ReleaseId id = ks.newReleaseId("io.lodestone.bench", "model-" + System.nanoTime(), "1");
        kfs.generateAndWritePomXML(id);
        try (var walk = Files.walk(rules)) {
            for (Path p :
                    walk.filter(x -> x.toString().endsWith(".drl")).sorted().toList()) {
                kfs.write(
                        "src/main/resources/" + rules.relativize(p).toString().replace('\\', '/'),
                        Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        KieBuilder builder;
        try {
            builder = ks.newKieBuilder(kfs)
                    .buildAll(Class.forName(MODEL_PROJECT).asSubclass(KieBuilder.ProjectType.class));
        } catch (RuntimeException e) {
            // its DRLX parser throws on some constraints instead of reporting them
            return new Built(null, null, firstLine(e.getClass().getSimpleName() + ": " + e.getMessage()));
        }
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        if (!errors.isEmpty()) {
            ks.getRepository().removeKieModule(id);
            // it compiles in parallel, so the order of its errors varies from run to run: the first by text is
            // stable; "Java source of X in error:" only heads a listing whose error is a message of its own
            List<String> reasons =
                    errors.stream().map(e -> firstLine(e.getText())).sorted().toList();
            return new Built(
                    null,
                    null,
                    reasons.stream()
                            .filter(r -> !r.startsWith("Java source of"))
                            .findFirst()
                            .orElse(reasons.get(0)));
        }
        KieModule module = builder.getKieModule();
        if (!load) {
            ks.getRepository().removeKieModule(id);
            return new Built(null, null, null);
        }
        KieBase kieBase = ks.newKieContainer(module.getReleaseId()).getKieBase();
        return new Built(kieBase, (InternalKieModule) module, null);
    }

    private static String firstLine(String text) {
        String line = text == null ? "" : text.strip().lines().findFirst().orElse("");
        // generated class names carry a hash per build; the reason is what they share
        return line.replaceAll("\\b(Lambda[A-Za-z]*|Rules)[0-9A-F]{32}\\w*", "$1…")
                .strip();
    }

    private static Object copy(Object value, KieBase target, Map<Class<?>, Class<?>> classes) {
        Class<?> to = classes.computeIfAbsent(value.getClass(), c -> {
            var type = target.getFactType(c.getPackageName(), c.getSimpleName());
            if (type == null) {
                throw new IllegalStateException("the executable model has no type " + c.getName());
            }
            return type.getFactClass();
        });
        // through a tree, so that fields left null by the loader stay null (declared fields start at 0)
        return JSON.convertValue(JSON.valueToTree(value), to);
    }

    /** The rules each set fired, by rule name, one map per set. */
    private static List<Map<String, Integer>> firingsByRule(
            KieBase kieBase, Map<String, Object> globals, List<List<Object>> sets) {
        List<Map<String, Integer>> perSet = new ArrayList<>();
        RawDrools.fire(kieBase, globals, sets, session -> {
            Map<String, Integer> fired = new TreeMap<>();
            perSet.add(fired);
            session.addEventListener(new DefaultAgendaEventListener() {
                @Override
                public void afterMatchFired(AfterMatchFiredEvent event) {
                    fired.merge(event.getMatch().getRule().getName(), 1, Integer::sum);
                }
            });
        });
        return perSet;
    }

    private static double coldProcess(String kind, Path dir) throws Exception {
        // the MVEL process gets the suite's own class path: the model's compiler would register Drools services
        String classPath = kind.equals("mvel")
                ? System.getProperty(BASE_CLASS_PATH, System.getProperty("java.class.path"))
                : System.getProperty("java.class.path");
        List<String> cmd = new ArrayList<>(List.of(
                Suite.javaBin(),
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-Xshare:auto",
                "-cp",
                classPath,
                ExecModelBench.class.getName(),
                "cold",
                kind,
                dir.toString()));
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        int code = p.waitFor();
        double ms = (System.nanoTime() - t0) / 1e6;
        if (code != 0 || !out.startsWith("fired=") || out.equals("fired=0")) {
            throw new IllegalStateException("cold " + kind + " process failed (exit " + code + "): " + out);
        }
        return ms;
    }

    /** One cold process: the rule base from its compiled form, one set inserted, fired once. */
    private static void cold(String kind, Path dir) throws Exception {
        KieBase kieBase;
        if (kind.equals("mvel")) {
            kieBase = RuleBase.compile(
                            Path.of(Files.readString(dir.resolve("rules.txt"))),
                            Map.of(),
                            new RuleBaseCache(dir.resolve("cache")))
                    .kieBase();
        } else {
            KieServices ks = KieServices.Factory.get();
            KieModule module = ks.getRepository()
                    .addKieModule(ks.getResources().newByteArrayResource(Files.readAllBytes(dir.resolve("model.jar"))));
            kieBase = ks.newKieContainer(module.getReleaseId()).getKieBase();
        }
        Map<String, Object> globals = new HashMap<>();
        JSON.readTree(dir.resolve("globals.json").toFile())
                .properties()
                .forEach(e -> globals.put(e.getKey(), JSON.convertValue(e.getValue(), Object.class)));
        KieSession session = kieBase.newKieSession();
        try {
            globals.forEach(session::setGlobal);
            for (JsonNode item : JSON.readTree(dir.resolve("facts.json").toFile())) {
                String name = item.get("type").asText();
                int dot = name.lastIndexOf('.');
                Class<?> type = kieBase.getFactType(name.substring(0, Math.max(dot, 0)), name.substring(dot + 1))
                        .getFactClass();
                session.insert(JSON.convertValue(item.get("value"), type));
            }
            System.out.println("fired=" + session.fireAllRules());
        } finally {
            session.dispose();
        }
    }
}
