package io.lodestone;

import io.lodestone.api.BatchListener;
import io.lodestone.api.CheckResult;
import io.lodestone.api.Diagnostic;
import io.lodestone.api.FactLocator;
import io.lodestone.api.FactSet;
import io.lodestone.api.FactSetException;
import io.lodestone.api.Report;
import io.lodestone.api.RuleDescription;
import io.lodestone.api.RulesException;
import io.lodestone.api.RunReport;
import io.lodestone.engine.Limits;
import io.lodestone.engine.RuleBase;
import io.lodestone.engine.RuleBaseCache;
import io.lodestone.engine.SessionResult;
import io.lodestone.engine.SessionRunner;
import io.lodestone.facts.FactLocations;
import io.lodestone.facts.FactSetLoader;
import io.lodestone.facts.FactSetPaths;
import io.lodestone.facts.FactSetSchema;
import io.lodestone.report.ReportBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The evaluator: a rules folder compiled once, then any number of fact sets evaluated against it.
 * Immutable and thread-safe; each evaluation runs in its own short-lived rule session.
 *
 * <pre>{@code
 * Lodestone lodestone = Lodestone.fromRules(Path.of("rules"));
 * Report report = lodestone.evaluate(Path.of("facts/us-ua-minerals-2025-02.json"));
 * report.alignment().score();
 * }</pre>
 */
public final class Lodestone {
    /** Default of {@link Builder#maxFirings(long)}: rule firings per fact set before it is stopped. */
    public static final long DEFAULT_MAX_FIRINGS = Limits.DEFAULT_MAX_FIRINGS;
    /** Default of {@link Builder#maxFileBytes(long)}: the largest fact-set file, in bytes, that is read. */
    public static final long DEFAULT_MAX_FILE_BYTES = FactSetLoader.DEFAULT_MAX_BYTES;
    /** Default of {@link Builder#maxDepth(int)}: the deepest JSON nesting a fact set may have. */
    public static final int DEFAULT_MAX_DEPTH = FactSetLoader.DEFAULT_MAX_DEPTH;
    /** The name standard input goes by in errors and reports when an input is {@code -}. */
    public static final String STDIN_NAME = "<stdin>";

    private final RuleBase ruleBase;
    private final FactSetLoader loader;
    private final FactSetLoader strictLoader;
    private final SessionRunner runner;
    private final BatchRunner batches;
    private final boolean explain;

    private Lodestone(Builder b) throws RulesException {
        this.ruleBase =
                RuleBase.compile(b.rulesDir, b.params, b.ruleCache == null ? null : new RuleBaseCache(b.ruleCache));
        this.loader = new FactSetLoader(
                ruleBase.factTypes(), ruleBase.values(), b.maxFileBytes, b.maxDepth, b.lenient, b.strict);
        this.strictLoader = b.strict
                ? loader
                : new FactSetLoader(
                        ruleBase.factTypes(), ruleBase.values(), b.maxFileBytes, b.maxDepth, b.lenient, true);
        this.runner = new SessionRunner(ruleBase, new Limits(b.maxFirings, b.timeout, b.isolateRules));
        this.batches = new BatchRunner(b.jobs);
        this.explain = b.explain;
    }

    /**
     * Compiles the {@code .drl} files (and {@code params.json}) under {@code rulesDir} with default options.
     *
     * @param rulesDir the rules folder, searched recursively
     * @return an immutable, thread-safe evaluator
     * @throws RulesException when a rule file does not compile or breaks the metadata contract; it
     *         lists every problem, each with its file, line and column
     */
    public static Lodestone fromRules(Path rulesDir) throws RulesException {
        return builder(rulesDir).build();
    }

    /**
     * Starts building an evaluator with options (parameters, limits, batch threads).
     *
     * @param rulesDir the rules folder, searched recursively
     * @return a builder; {@link Builder#build()} compiles the rules
     */
    public static Builder builder(Path rulesDir) {
        return new Builder(rulesDir);
    }

    /**
     * Where the CLI keeps compiled rule bases.
     *
     * @return {@code $LODESTONE_RULE_CACHE}, else {@code ~/.cache/lodestone}
     */
    public static Path defaultRuleCache() {
        return RuleBaseCache.defaultDir();
    }

    /**
     * Identifies the exact rules this evaluator was built from.
     *
     * @return {@code sha256:…} over the relative path and content of every rule and parameter file
     */
    public String rulesHash() {
        return ruleBase.hash();
    }

    /**
     * The rules of the loaded rule set, as their metadata describes them.
     *
     * @return every rule, derivation rules included, in a stable order
     */
    public List<RuleDescription> rules() {
        return ruleBase.rules();
    }

    /**
     * The JSON Schema (Draft 2020-12) of fact sets for these rules: the envelope and one branch per
     * declared type with its fields, enumerations, ranges and vocabularies ({@code lodestone schema}).
     *
     * @return the schema as pretty-printed JSON text, ending in a newline
     */
    public String schema() {
        return FactSetSchema.text(ruleBase.factTypes(), ruleBase.values());
    }

    /**
     * Reads and checks a fact set without evaluating it.
     *
     * @param file a fact-set file, JSON or (named .yaml or .yml) YAML
     * @return the fact set, bound to the declared fact types
     * @throws FactSetException with every located problem (file, line, column, JSON path)
     */
    public FactSet load(Path file) throws FactSetException {
        return loader.load(file);
    }

    /**
     * Reads and checks a fact set from a stream, which is read to its end but not closed.
     *
     * @param in   the fact set, JSON or YAML
     * @param name stands for the file in errors and reports; a .yaml or .yml name means YAML, a .json
     *             name JSON, any other name lets the first character decide ('{' or '[' for JSON)
     * @return the fact set, bound to the declared fact types
     * @throws FactSetException with every located problem (name, line, column, JSON path)
     */
    public FactSet load(InputStream in, String name) throws FactSetException {
        return load(in, name, false);
    }

    /**
     * As {@link #load(InputStream, String)}; {@code strict} makes value warnings errors for this call
     * even when the builder did not ask for {@link Builder#strict(boolean)} (the server's {@code ?strict=true}).
     *
     * @param in     the fact-set JSON
     * @param name   stands for the file in errors and reports
     * @param strict true to refuse the fact set on a value warning
     * @return the fact set, bound to the declared fact types
     * @throws FactSetException with every located problem (name, line, column, JSON path)
     */
    public FactSet load(InputStream in, String name, boolean strict) throws FactSetException {
        try {
            return (strict ? strictLoader : loader).load(in.readAllBytes(), name);
        } catch (IOException e) {
            throw new FactSetException(List.of(Diagnostic.io(name, "cannot read: " + e.getMessage())));
        }
    }

    /**
     * Reads and checks one fact set from a stream, as {@link #checkAll(Collection)} does for files:
     * the result names {@code name} as its one file and lists every problem instead of throwing.
     *
     * @param in   the fact-set JSON, read to its end but not closed
     * @param name stands for the file in errors
     * @return the file checked, every error and every warning
     */
    public CheckResult check(InputStream in, String name) {
        return check(in, name, false);
    }

    /**
     * As {@link #check(InputStream, String)}; {@code strict} makes value warnings errors for this call
     * (the server's {@code ?strict=true}).
     *
     * @param in     the fact-set JSON, read to its end but not closed
     * @param name   stands for the file in errors
     * @param strict true to count value warnings as errors
     * @return the file checked, every error and every warning
     */
    public CheckResult check(InputStream in, String name, boolean strict) {
        try {
            FactSet factSet = load(in, name, strict);
            return new CheckResult(
                    rulesHash(),
                    ruleBase.rules().size(),
                    List.of(name),
                    List.of(),
                    factSet.warnings(),
                    factSet.id(),
                    factSet.facts().size(),
                    quoteCount(factSet));
        } catch (FactSetException e) {
            return new CheckResult(rulesHash(), ruleBase.rules().size(), List.of(name), e.errors(), e.warnings());
        }
    }

    /**
     * Evaluates a loaded fact set in a fresh rule session, with traces when the builder asked for
     * {@link Builder#explain(boolean)}. A rule that throws or a limit that is hit does not throw here:
     * it is listed in {@link Report#errors()} beside the findings gathered before.
     *
     * @param factSet a fact set from {@link #load(Path)} or {@link #load(InputStream, String)}
     * @return the findings, alignment score and counts
     */
    public Report evaluate(FactSet factSet) {
        return evaluate(factSet, explain);
    }

    /**
     * Evaluates a fact set; with {@code explain} every finding carries the trace of the firing that
     * produced it (rule, file and line, matched facts with the fields read, derived facts' own traces).
     *
     * @param factSet a loaded fact set
     * @param explain whether to attach a {@link io.lodestone.api.Trace} to every finding
     * @return the findings, alignment score and counts
     */
    public Report evaluate(FactSet factSet, boolean explain) {
        SessionResult result = runner.run(factSet, explain);
        return ReportBuilder.build(
                factSet, result.findings(), result.errors(), ruleBase.rules().size(), ruleBase.rules());
    }

    /**
     * Loads and evaluates a fact-set file.
     *
     * @param file a fact-set JSON file
     * @return the findings, alignment score and counts
     * @throws FactSetException when the file cannot be loaded, with every located problem
     */
    public Report evaluate(Path file) throws FactSetException {
        return evaluate(load(file));
    }

    /**
     * Loads and evaluates a fact set from a stream.
     *
     * @param in   the fact-set JSON
     * @param name stands for the file in errors and reports
     * @return the findings, alignment score and counts
     * @throws FactSetException when the fact set cannot be loaded, with every located problem
     */
    public Report evaluate(InputStream in, String name) throws FactSetException {
        return evaluate(load(in, name));
    }

    /**
     * Evaluates fact-set files, folders (searched recursively for {@code *.json}, {@code *.yaml} and
     * {@code *.yml}) and globs; {@code -} reads one fact set (JSON or YAML) from standard input, named
     * {@value #STDIN_NAME}. Every file is attempted: those that cannot be loaded are listed in
     * {@link RunReport#errors()}, the others are reported in input order, whatever the number of jobs.
     *
     * @param inputs files, folders, glob patterns and {@code -}
     * @return one report per loaded fact set, and every load error
     */
    public RunReport evaluateAll(Collection<Path> inputs) {
        return evaluateAll(inputs, BatchListener.NONE);
    }

    /**
     * {@link #evaluateAll(Collection)}, telling {@code listener} as each file is finished.
     *
     * @param inputs   files, folders, glob patterns and {@code -}
     * @param listener told the number of files, then each finished file (from the evaluating thread)
     * @return one report per loaded fact set, and every load error
     */
    public RunReport evaluateAll(Collection<Path> inputs, BatchListener listener) {
        BatchRunner.Result batch = batches.run(inputs, listener, file -> {
            FactSet factSet = loadInput(file);
            return BatchRunner.Outcome.loaded(factSet, evaluate(factSet));
        });
        return new RunReport(
                rulesHash(),
                ruleBase.rules().size(),
                batch.reports(),
                batch.errors(),
                batch.warnings(),
                rules(),
                locator());
    }

    /**
     * Finds where a reported fact is written in its fact-set file; reads each file at most once.
     *
     * @return a locator for the files of this evaluator's reports
     */
    public FactLocator locator() {
        return FactLocations.cachingLocator();
    }

    /**
     * Reads and checks fact-set files, folders and globs against the compiled rules' types without
     * evaluating anything: every problem of every file, like {@code opa check}; on the builder's
     * {@link Builder#jobs(int)} threads, reported in input order. {@code -} reads standard input.
     *
     * @param inputs files, folders, glob patterns and {@code -}
     * @return the files read, every error and every warning
     */
    public CheckResult checkAll(Collection<Path> inputs) {
        BatchRunner.Result batch =
                batches.run(inputs, BatchListener.NONE, file -> BatchRunner.Outcome.loaded(loadInput(file), null));
        return new CheckResult(
                rulesHash(),
                ruleBase.rules().size(),
                batch.files(),
                batch.errors(),
                batch.warnings(),
                batch.onlyFactSetId(),
                batch.factCount(),
                batch.quotes());
    }

    private static CheckResult.QuoteCount quoteCount(FactSet factSet) {
        int withText =
                (int) factSet.sources().stream().filter(s -> s.file() != null).count();
        return new CheckResult.QuoteCount(withText, factSet.sources().size() - withText);
    }

    /** A file, or standard input for {@code -}. */
    private FactSet loadInput(Path file) throws FactSetException {
        return FactSetPaths.isStdin(file) ? load(System.in, STDIN_NAME) : load(file);
    }

    /** Options for building an evaluator; every setter returns the builder. */
    public static final class Builder {
        private final Path rulesDir;
        private final Map<String, String> params = new LinkedHashMap<>();
        private long maxFirings = Limits.DEFAULT_MAX_FIRINGS;
        private Duration timeout = Limits.DEFAULT_TIMEOUT;
        private long maxFileBytes = FactSetLoader.DEFAULT_MAX_BYTES;
        private int maxDepth = FactSetLoader.DEFAULT_MAX_DEPTH;
        private int jobs = 1;
        private boolean explain;
        private boolean lenient;
        private boolean strict;
        private Path ruleCache;
        private boolean isolateRules;

        private Builder(Path rulesDir) {
            this.rulesDir = Objects.requireNonNull(rulesDir, "rulesDir");
        }

        /**
         * Sets a rule parameter (a DRL global), overriding the rules folder's {@code params.json}.
         *
         * @param name       the global's name
         * @param jsonOrText a JSON value, or plain text taken as a string
         * @return this builder
         */
        public Builder param(String name, String jsonOrText) {
            params.put(Objects.requireNonNull(name, "param name"), Objects.requireNonNull(jsonOrText, "param value"));
            return this;
        }

        /**
         * Stops a fact set's evaluation after this many rule firings (default 100,000).
         *
         * @param value at least 1
         * @return this builder
         */
        public Builder maxFirings(long value) {
            this.maxFirings = value;
            return this;
        }

        /**
         * Stops a fact set's evaluation after this long (default 10 s).
         *
         * @param value a positive duration
         * @return this builder
         */
        public Builder timeout(Duration value) {
            this.timeout = Objects.requireNonNull(value, "timeout");
            return this;
        }

        /**
         * Refuses fact-set files larger than this (default 64 MiB).
         *
         * @param value a size in bytes
         * @return this builder
         */
        public Builder maxFileBytes(long value) {
            this.maxFileBytes = value;
            return this;
        }

        /**
         * Refuses fact sets nested deeper than this (default 64).
         *
         * @param value a nesting depth
         * @return this builder
         */
        public Builder maxDepth(int value) {
            this.maxDepth = value;
            return this;
        }

        /**
         * Unknown fields in fact sets become warnings (the field is ignored) instead of errors.
         *
         * @param value true to tolerate unknown fields
         * @return this builder
         */
        public Builder lenient(boolean value) {
            this.lenient = value;
            return this;
        }

        /**
         * Value warnings (a word outside an open vocabulary of the rules folder) become errors, so a fact
         * set with any of them is not evaluated. Default off.
         *
         * @param value true to refuse fact sets with value warnings
         * @return this builder
         */
        public Builder strict(boolean value) {
            this.strict = value;
            return this;
        }

        /**
         * Evaluates a batch on this many threads (default 1); output order never depends on it.
         *
         * @param value at least 1
         * @return this builder
         */
        public Builder jobs(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("jobs must be at least 1");
            }
            this.jobs = value;
            return this;
        }

        /**
         * Attaches to every finding the trace of why it fired (default off: tracing costs time).
         *
         * @param value true to explain every finding
         * @return this builder
         */
        public Builder explain(boolean value) {
            this.explain = value;
            return this;
        }

        /**
         * Fires each fact set's rules on a worker thread, so that even a rule consequence that never
         * returns is abandoned after the timeout instead of hanging the caller. Costs a thread hand-off
         * per fact set (0.1-0.2 ms here): meant for servers and rule sets under live edit. Default off.
         *
         * @param value true to isolate rule execution
         * @return this builder
         */
        public Builder isolateRules(boolean value) {
            this.isolateRules = value;
            return this;
        }

        /**
         * Keeps compiled rule bases in {@code dir} (null, the default: no cache) so the next process with
         * the same rule files skips the compile; {@link #defaultRuleCache()} is the CLI's choice.
         *
         * @param dir the cache folder, or null for none
         * @return this builder
         */
        public Builder ruleCache(Path dir) {
            this.ruleCache = dir;
            return this;
        }

        /**
         * Compiles the rules. The builder can be used again, e.g. to recompile after the files changed.
         *
         * @return an immutable, thread-safe evaluator
         * @throws RulesException with every problem of every rule file, each located
         */
        public Lodestone build() throws RulesException {
            new Limits(maxFirings, timeout, isolateRules); // validates before the costly compile
            return new Lodestone(this);
        }
    }
}
