package io.lodestone.engine;

import io.lodestone.api.Diagnostic;
import io.lodestone.api.RuleDescription;
import io.lodestone.api.RulesException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.kie.api.KieBase;
import org.kie.api.definition.rule.Rule;
import org.kie.internal.builder.KnowledgeBuilder;

/**
 * A rules folder compiled once into one read-only KieBase, with what Lodestone reads from it: the
 * rules' metadata, the declared fact types and the parameter values of its globals. Immutable and safe
 * to share between threads; every evaluation opens its own session on it. Built in stages:
 * {@link RuleSources} (walk, read, hash), {@link DrlCompiler}, {@link RuleMetadata}, {@link DeclaredTypes}
 * and {@link RuleParams}.
 */
public final class RuleBase {
    /** The name of the parameter files read from anywhere under the rules folder. */
    public static final String PARAMS_FILE = RuleSources.PARAMS_FILE;

    private static final AtomicLong COMPILATIONS = new AtomicLong();

    private final KieBase kieBase;
    private final String hash;
    private final List<RuleDescription> rules;
    private final Map<String, RuleDescription> byQualifiedName;
    /** The same by the engine's own rule objects, read for every finding without building a name. */
    private final Map<Rule, RuleDescription> byRule;

    private final Map<String, DeclaredType> factTypes;
    private final ValueModel values;
    private final Map<String, Object> params;
    private final Map<Class<?>, DeclaredType> typesByClass;
    private final Path rulesDir;
    private final Map<String, Map<Class<?>, Set<String>>> fieldsRead = new ConcurrentHashMap<>();

    private RuleBase(
            Path rulesDir,
            KieBase kieBase,
            String hash,
            List<RuleDescription> rules,
            Map<String, DeclaredType> factTypes,
            ValueModel values,
            Map<String, Object> params) {
        this.rulesDir = rulesDir;
        this.kieBase = kieBase;
        this.hash = hash;
        this.rules = List.copyOf(rules);
        this.byQualifiedName =
                rules.stream().collect(Collectors.toUnmodifiableMap(r -> r.packageName() + "." + r.name(), r -> r));
        IdentityHashMap<Rule, RuleDescription> engineRules =
                new IdentityHashMap<>(); // never written after this constructor
        kieBase.getKiePackages().forEach(p -> p.getRules().forEach(r -> {
            RuleDescription d = byQualifiedName.get(r.getPackageName() + "." + r.getName());
            if (d != null) {
                engineRules.put(r, d);
            }
        }));
        this.byRule = Collections.unmodifiableMap(engineRules);
        // concept types (@concept: derived by the rules) are traced like facts but a fact set may not supply them
        Map<String, DeclaredType> loadable = new HashMap<>();
        factTypes.forEach((name, type) -> {
            if (!DeclaredTypes.isConcept(kieBase, type)) {
                loadable.put(name, type);
            }
        });
        this.factTypes = Map.copyOf(loadable);
        this.values = values;
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
        RuleSources read = RuleSources.read(rulesDir);
        KieBase cached = cache == null ? null : cache.load(read.hash());
        if (cached != null) {
            return describe(rulesDir, cached, read, paramOverrides);
        }
        KnowledgeBuilder builder = DrlCompiler.compile(read.drl());
        KieBase kieBase = builder.newKieBase();
        if (cache != null) {
            cache.store(read.hash(), builder);
        }
        return describe(rulesDir, kieBase, read, paramOverrides);
    }

    /** Reads the compiled rules' metadata, declared types and parameters; every problem together. */
    private static RuleBase describe(
            Path rulesDir, KieBase kieBase, RuleSources read, Map<String, String> paramOverrides)
            throws RulesException {
        List<Diagnostic> errors = new ArrayList<>();
        List<RuleSource> sources = read.drl();
        List<RuleDescription> rules = RuleMetadata.describe(kieBase, sources, errors);
        Map<String, DeclaredType> factTypes = DeclaredTypes.of(kieBase, sources, errors);
        ValueModel values = ValueDeclarations.read(rulesDir, kieBase, factTypes, errors);
        Map<String, Object> params = RuleParams.resolve(kieBase, sources, read.params(), paramOverrides, errors);
        if (!errors.isEmpty()) {
            errors.replaceAll(e -> DrlSourceHints.locateMetadata(e, sources));
            throw new RulesException(errors);
        }
        return new RuleBase(rulesDir, kieBase, read.hash(), rules, factTypes, values, params);
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
        RuleDescription known = byRule.get(rule);
        return known != null ? known : byQualifiedName.get(rule.getPackageName() + "." + rule.getName());
    }

    /** Declared fact types by simple name. */
    public Map<String, DeclaredType> factTypes() {
        return factTypes;
    }

    /** The values the model's annotations and the rules folder's vocabularies admit, per type and field. */
    public ValueModel values() {
        return values;
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
        return fieldsRead.computeIfAbsent(
                rule.getPackageName() + "." + rule.getName(), k -> RuleAnalysis.fieldsRead(rule, typesByClass));
    }

    /** Values for the rule set's globals, by global name. */
    public Map<String, Object> params() {
        return params;
    }
}
