package io.lodestone.engine;

import io.lodestone.api.Category;
import io.lodestone.api.Diagnostic.Kind;
import io.lodestone.api.Diagnostic.Location;
import io.lodestone.api.Diagnostic;
import io.lodestone.api.RuleDescription;
import io.lodestone.api.RulesException;
import io.lodestone.api.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.definition.type.FactField;
import org.kie.api.definition.type.FactType;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.CompositeKnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;

/**
 * A rules folder compiled once into one read-only KieBase, with what Lodestone reads from it: the
 * rules' metadata, the declared fact types and the parameter values of its globals. Immutable and safe
 * to share between threads; every evaluation opens its own session on it.
 */
public final class RuleBase {
    /** The name of the parameter files read from anywhere under the rules folder. */
    public static final String PARAMS_FILE = "params.json";

    private static final AtomicLong COMPILATIONS = new AtomicLong();

    private final KieBase kieBase;
    private final String hash;
    private final List<RuleDescription> rules;
    private final Map<String, RuleDescription> byQualifiedName;
    private final Map<String, DeclaredType> factTypes;
    private final Map<String, Object> params;
    private final Map<Class<?>, DeclaredType> typesByClass;
    private final Path rulesDir;
    private final Map<String, Map<Class<?>, Set<String>>> fieldsRead = new ConcurrentHashMap<>();

    private RuleBase(Path rulesDir, KieBase kieBase, String hash, List<RuleDescription> rules,
                     Map<String, DeclaredType> factTypes, Map<String, Object> params) {
        this.rulesDir = rulesDir;
        this.kieBase = kieBase;
        this.hash = hash;
        this.rules = List.copyOf(rules);
        this.byQualifiedName = rules.stream().collect(Collectors.toUnmodifiableMap(
                r -> r.packageName() + "." + r.name(), r -> r));
        // concept types (@concept: derived by the rules) are traced like facts but a fact set may not supply them
        Map<String, DeclaredType> loadable = new HashMap<>();
        factTypes.forEach((name, type) -> {
            if (!isConcept(kieBase, type)) {
                loadable.put(name, type);
            }
        });
        this.factTypes = Map.copyOf(loadable);
        this.params = Map.copyOf(params);
        Map<Class<?>, DeclaredType> byClass = new HashMap<>();
        factTypes.values().forEach(t -> byClass.put(t.javaClass(), t));
        this.typesByClass = Map.copyOf(byClass);
    }

    /** How many rule bases this JVM has compiled; lets tests prove a batch compiles only once. */
    public static long compilations() {
        return COMPILATIONS.get();
    }

    /**
     * Compiles every {@code .drl} file under {@code rulesDir} and reads the {@code params.json} files
     * that give its globals their values; {@code paramOverrides} (name to JSON or plain text) win over
     * the files. All problems of all files are reported together.
     */
    public static RuleBase compile(Path rulesDir, Map<String, String> paramOverrides) throws RulesException {
        return compile(rulesDir, paramOverrides, null);
    }

    /** As {@link #compile(Path, Map)}, taking the compiled rules from {@code cache} (null: none) when it has them. */
    public static RuleBase compile(Path rulesDir, Map<String, String> paramOverrides, RuleBaseCache cache)
            throws RulesException {
        COMPILATIONS.incrementAndGet();
        String display = rulesDir.toString();
        if (!Files.isDirectory(rulesDir)) {
            throw new RulesException(List.of(Diagnostic.io(display,
                    "rules folder not found (expected a folder of .drl files; set it with --rules)")));
        }
        List<RuleSource> sources = new ArrayList<>();
        List<RuleSource> paramSources = new ArrayList<>();
        readSources(rulesDir, sources, paramSources);
        if (sources.isEmpty()) {
            throw new RulesException(List.of(Diagnostic.io(display, "no .drl files under the rules folder")));
        }
        String hash = hash(sources, paramSources);
        KieBase cached = cache == null ? null : cache.load(hash);
        if (cached != null) {
            return describe(rulesDir, cached, hash, sources, paramSources, paramOverrides, new ArrayList<>());
        }

        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
        // one batch, so that a rule file may use types declared in a file that sorts after it
        CompositeKnowledgeBuilder batch = builder.batch();
        for (RuleSource source : sources) {
            batch.add(ResourceFactory.newByteArrayResource(source.text().getBytes(StandardCharsets.UTF_8))
                    .setSourcePath(source.relativePath()), ResourceType.DRL);
        }
        batch.build();
        List<Diagnostic> errors = new ArrayList<>();
        if (builder.hasErrors()) {
            errors.addAll(DrlErrors.withFilesThatParsed(DrlErrors.translate(builder.getErrors(), sources), sources));
            errors.sort(Comparator.comparing((Diagnostic e) -> String.valueOf(e.file()))
                    .thenComparing(e -> e.line() == null ? 0 : e.line()));
            throw new RulesException(errors);
        }
        KieBase kieBase = builder.newKieBase();
        if (cache != null) {
            cache.store(hash, builder);
        }
        return describe(rulesDir, kieBase, hash, sources, paramSources, paramOverrides, errors);
    }

    private static RuleBase describe(Path rulesDir, KieBase kieBase, String hash, List<RuleSource> sources,
                                     List<RuleSource> paramSources, Map<String, String> paramOverrides,
                                     List<Diagnostic> errors) throws RulesException {
        List<RuleDescription> rules = describeRules(kieBase, sources, errors);
        Map<String, DeclaredType> factTypes = declaredTypes(kieBase, sources, errors);
        Map<String, Object> params = RuleParams.resolve(kieBase, sources, paramSources, paramOverrides, errors);
        if (!errors.isEmpty()) {
            errors.replaceAll(e -> DrlSourceHints.locateMetadata(e, sources));
            throw new RulesException(errors);
        }
        return new RuleBase(rulesDir, kieBase, hash, rules, factTypes, params);
    }

    public KieBase kieBase() {
        return kieBase;
    }

    /** {@code sha256:<hex>} over every rule and parameter file's relative path and content. */
    public String hash() {
        return hash;
    }

    /** Every rule, ordered by file and line. */
    public List<RuleDescription> rules() {
        return rules;
    }

    /** The rule with this package and name, or null (a rule added outside Lodestone's view). */
    public RuleDescription rule(Rule rule) {
        return byQualifiedName.get(rule.getPackageName() + "." + rule.getName());
    }

    /** Declared fact types by simple name. */
    public Map<String, DeclaredType> factTypes() {
        return factTypes;
    }

    /** A rule file's path as the user gave the rules folder, e.g. {@code rules/minerals/risk.drl}. */
    public String displayPath(String relativePath) {
        return relativePath == null ? null : rulesDir.resolve(relativePath).toString();
    }

    /** The declared type of a fact object, or null when it is not an instance of one. */
    public DeclaredType declaredType(Object fact) {
        return fact == null ? null : typesByClass.get(fact.getClass());
    }

    /** Fields of each declared type the rule's conditions read (computed once per rule, for traces). */
    Map<Class<?>, Set<String>> fieldsRead(Rule rule) {
        return fieldsRead.computeIfAbsent(rule.getPackageName() + "." + rule.getName(),
                k -> RuleAnalysis.fieldsRead(rule, typesByClass));
    }

    /** Values for the rule set's globals, by global name. */
    public Map<String, Object> params() {
        return params;
    }

    private static void readSources(Path rulesDir, List<RuleSource> drl, List<RuleSource> paramFiles)
            throws RulesException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(rulesDir)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(".drl")
                            || p.getFileName().toString().equals(PARAMS_FILE))
                    .sorted(Comparator.comparing(p -> rulesDir.relativize(p).toString()))
                    .toList();
        } catch (IOException e) {
            throw new RulesException(List.of(Diagnostic.io(rulesDir.toString(),
                    "cannot read rules folder: " + e.getMessage())));
        }
        List<Diagnostic> errors = new ArrayList<>();
        for (Path file : files) {
            String rel = rulesDir.relativize(file).toString().replace('\\', '/');
            try {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                RuleSource source = RuleSource.of(rel, file.toString(), text);
                (rel.endsWith(".drl") ? drl : paramFiles).add(source);
            } catch (IOException e) {
                errors.add(Diagnostic.io(file.toString(), "cannot read: " + e.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            throw new RulesException(errors);
        }
    }

    private static String hash(List<RuleSource> drl, List<RuleSource> paramFiles) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            List<RuleSource> all = new ArrayList<>(drl);
            all.addAll(paramFiles);
            all.sort(Comparator.comparing(RuleSource::relativePath));
            for (RuleSource s : all) {
                digest.update(s.relativePath().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(s.text().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return "sha256:" + HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** The file a rule was compiled from (Drools keeps the resource's source path on the rule). */
    private static RuleSource sourceOf(Rule rule, List<RuleSource> sources) {
        String path = rule instanceof RuleImpl impl && impl.getResource() != null
                ? impl.getResource().getSourcePath() : null;
        for (RuleSource s : sources) {
            if (path != null ? s.relativePath().equals(path)
                    : s.lineOfRule(rule.getName()) > 0 && s.declaresPackage(rule.getPackageName())) {
                return s;
            }
        }
        for (RuleSource s : sources) {
            if (s.lineOfRule(rule.getName()) > 0) {
                return s; // a file without a package statement
            }
        }
        return null;
    }

    private static List<RuleDescription> describeRules(KieBase kieBase, List<RuleSource> sources,
                                                       List<Diagnostic> errors) {
        List<RuleDescription> rules = new ArrayList<>();
        Map<String, RuleDescription> byId = new HashMap<>();
        // validate in file and line order, so "duplicate" always names the later of two rules
        List<Rule> all = new ArrayList<>();
        kieBase.getKiePackages().forEach(pkg -> all.addAll(pkg.getRules()));
        Map<Rule, RuleSource> sourceOfRule = new HashMap<>();
        all.forEach(r -> sourceOfRule.put(r, sourceOf(r, sources)));
        all.sort(Comparator.comparing((Rule r) -> sourceOfRule.get(r) == null ? "" : sourceOfRule.get(r).relativePath())
                .thenComparingInt(r -> sourceOfRule.get(r) == null ? 0 : sourceOfRule.get(r).lineOfRule(r.getName()))
                .thenComparing(Rule::getName));
        for (Rule rule : all) {
            RuleSource source = sourceOfRule.get(rule);
            String file = source == null ? null : source.displayPath();
            int line = source == null ? 0 : source.lineOfRule(rule.getName());
            Integer lineOrNull = line == 0 ? null : line;
            Map<String, Object> meta = rule.getMetaData();
            String id = text(meta.get("id"));
            List<String> problems = new ArrayList<>();
            if (id == null) {
                problems.add("rule \"" + rule.getName() + "\" has no @id(\"...\") metadata");
                id = rule.getName();
            }
            boolean derivation = meta.containsKey("derivation");
            Category category = null;
            Severity severity = null;
            Double weight = null;
            if (!derivation) {
                String categoryText = text(meta.get("category"));
                category = Category.parse(categoryText);
                if (category == null) {
                    problems.add(categoryText == null
                            ? "missing @category (expected one of ALIGNMENT, RISK, INCONSISTENCY, or @derivation for a rule that emits no findings)"
                            : "@category(\"" + categoryText + "\") is not one of ALIGNMENT, RISK, INCONSISTENCY");
                }
                String severityText = text(meta.get("severity"));
                severity = Severity.parse(severityText);
                if (severity == null) {
                    problems.add(severityText == null
                            ? "missing @severity (expected one of info, low, medium, high, critical)"
                            : "@severity(\"" + severityText + "\") is not one of info, low, medium, high, critical");
                }
                String weightText = text(meta.get("weight"));
                if (weightText != null) {
                    try {
                        weight = Double.valueOf(weightText);
                    } catch (NumberFormatException e) {
                        problems.add("@weight(" + weightText + ") is not a number");
                    }
                }
                if (category == Category.ALIGNMENT && weight == null && weightText == null) {
                    problems.add("ALIGNMENT rule has no @weight (a signed number: positive serves the priorities)");
                }
                if (category != null && category != Category.ALIGNMENT && weightText != null) {
                    problems.add("@weight is only meaningful on ALIGNMENT rules");
                }
            }
            RuleDescription previous = byId.get(id);
            if (previous != null && meta.get("id") != null) {
                problems.add("duplicate @id(\"" + id + "\"): also used by rule \"" + previous.name() + "\" at "
                        + previous.file() + ":" + previous.line());
            }
            for (String problem : problems) {
                errors.add(Diagnostic.rule(Kind.RULE_METADATA,
                        Location.at(file, lineOrNull, null).withRule(rule.getName()), problem));
            }
            RuleDescription description = new RuleDescription(id, rule.getName(), rule.getPackageName(),
                    category, severity, category == Category.ALIGNMENT ? weight : null,
                    text(meta.get("description")), source == null ? null : source.relativePath(), line,
                    otherMetadata(meta));
            byId.putIfAbsent(id, description);
            rules.add(description);
        }
        rules.sort(Comparator.comparing((RuleDescription r) -> String.valueOf(r.file()))
                .thenComparingInt(RuleDescription::line).thenComparing(RuleDescription::name));
        return rules;
    }

    private static Map<String, DeclaredType> declaredTypes(KieBase kieBase, List<RuleSource> sources,
                                                           List<Diagnostic> errors) {
        List<DeclaredType> all = new ArrayList<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (FactType type : pkg.getFactTypes()) {
                if (type.getFactClass() == null || type.getFactClass().getName().startsWith("java.")) {
                    continue; // a JDK class a pattern names (List() from collect ...), not a declared type
                }
                String simple = type.getSimpleName();
                RuleSource source = sources.stream()
                        .filter(s -> s.lineOfDeclare(simple) > 0 && s.declaresPackage(pkg.getName()))
                        .findFirst()
                        .orElse(sources.stream().filter(s -> s.lineOfDeclare(simple) > 0).findFirst().orElse(null));
                int line = source == null ? 0 : source.lineOfDeclare(simple);
                String file = source == null ? null : source.displayPath();
                Map<String, Class<?>> fields = new LinkedHashMap<>();
                Map<String, String> refs = new LinkedHashMap<>();
                Map<String, String> deprecated = new LinkedHashMap<>();
                for (FactField f : type.getFields()) {
                    fields.put(f.getName(), f.getType());
                    Map<String, Object> meta = f.getMetaData();
                    if (meta != null && meta.containsKey("ref")) {
                        String target = text(meta.get("ref"));
                        refs.put(f.getName(), target == null ? "" : target);
                    }
                    if (meta != null && text(meta.get("replacedBy")) != null) {
                        deprecated.put(f.getName(), text(meta.get("replacedBy")));
                    }
                }
                FactField id = type.getField("id");
                if (id == null || id.getType() != String.class) {
                    errors.add(Diagnostic.rule(Kind.RULE_COMPILE, Location.at(file, line == 0 ? null : line, null),
                            "declared type " + simple + " needs an 'id : String' field (fact sets join on ids)"));
                }
                all.add(new DeclaredType(simple, type.getName(), type.getFactClass(), fields, file, line, refs,
                        deprecated));
            }
        }
        // in file and line order, so a clash is always reported at the later declaration
        all.sort(Comparator.comparing((DeclaredType t) -> String.valueOf(t.file())).thenComparingInt(DeclaredType::line));
        Map<String, DeclaredType> bySimpleName = new TreeMap<>();
        for (DeclaredType declared : all) {
            DeclaredType clash = bySimpleName.putIfAbsent(declared.name(), declared);
            if (clash != null) {
                errors.add(Diagnostic.rule(Kind.RULE_COMPILE,
                        Location.at(declared.file(), declared.line() == 0 ? null : declared.line(), null),
                                "type " + declared.name()
                        + " is declared in two packages (" + clash.qualifiedName() + " at " + clash.file() + ":"
                        + clash.line() + " and " + declared.qualifiedName()
                        + "); fact sets name types by simple name, so it is ambiguous"));
            }
        }
        for (DeclaredType declared : all) {
            declared.refs().forEach((field, target) -> {
                if (!target.isEmpty() && !bySimpleName.containsKey(target)) {
                    errors.add(Diagnostic.rule(Kind.RULE_COMPILE,
                            Location.at(declared.file(), declared.line() == 0 ? null : declared.line(), null), "field "
                        + declared.name() + "." + field + " is marked @ref(" + target
                        + ") but no type " + target + " is declared"));
                }
            });
        }
        return bySimpleName;
    }

    private static boolean isConcept(KieBase kieBase, DeclaredType type) {
        int dot = type.qualifiedName().lastIndexOf('.');
        if (dot < 0) {
            return false;
        }
        try {
            FactType factType = kieBase.getFactType(type.qualifiedName().substring(0, dot), type.name());
            return factType != null && factType.getMetaData() != null && factType.getMetaData().containsKey("concept");
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Metadata the description does not model (e.g. @priority, @effect), as text. */
    private static Map<String, String> otherMetadata(Map<String, Object> meta) {
        Map<String, String> out = new TreeMap<>();
        meta.forEach((k, v) -> {
            if (!Set.of("id", "category", "severity", "weight", "description", "derivation").contains(k)
                    && !k.startsWith("org.kie.")) {
                out.put(k, v == null ? "" : String.valueOf(text(v) == null ? "" : text(v)));
            }
        });
        return out;
    }

    private static String text(Object metaValue) {
        if (metaValue == null) {
            return null;
        }
        String s = metaValue.toString().trim();
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            s = s.substring(1, s.length() - 1);
        }
        return s.isEmpty() ? null : s;
    }
}
