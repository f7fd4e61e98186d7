package io.lodestone;

import io.lodestone.api.FactSet;
import io.lodestone.api.FactSetException;
import io.lodestone.api.LoadError;
import io.lodestone.api.Report;
import io.lodestone.api.RuleDescription;
import io.lodestone.api.RulesException;
import io.lodestone.api.RunReport;
import io.lodestone.engine.Limits;
import io.lodestone.engine.RuleBase;
import io.lodestone.engine.RuleBaseCache;
import io.lodestone.engine.SessionResult;
import io.lodestone.engine.SessionRunner;
import io.lodestone.facts.FactSetLoader;
import io.lodestone.facts.FactSetPaths;
import io.lodestone.report.ReportBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
    private final RuleBase ruleBase;
    private final FactSetLoader loader;
    private final SessionRunner runner;
    private final int jobs;

    private Lodestone(Builder b) throws RulesException {
        this.ruleBase = RuleBase.compile(b.rulesDir, b.params, b.ruleCache == null ? null : new RuleBaseCache(b.ruleCache));
        this.loader = new FactSetLoader(ruleBase.factTypes(), b.maxFileBytes, b.maxDepth);
        this.runner = new SessionRunner(ruleBase, new Limits(b.maxFirings, b.timeout));
        this.jobs = b.jobs;
    }

    /** Compiles the {@code .drl} files under {@code rulesDir} with default options. */
    public static Lodestone fromRules(Path rulesDir) throws RulesException {
        return builder(rulesDir).build();
    }

    public static Builder builder(Path rulesDir) {
        return new Builder(rulesDir);
    }

    /** Where the CLI keeps compiled rule bases: $LODESTONE_RULE_CACHE, else ~/.cache/lodestone. */
    public static Path defaultRuleCache() {
        return RuleBaseCache.defaultDir();
    }

    /** {@code sha256:…} of the rule and parameter files this evaluator was built from. */
    public String rulesHash() {
        return ruleBase.hash();
    }

    public List<RuleDescription> rules() {
        return ruleBase.rules();
    }

    /** Reads and checks a fact set without evaluating it. */
    public FactSet load(Path file) throws FactSetException {
        return loader.load(file);
    }

    /** Reads and checks a fact set from a stream; {@code name} stands for the file in errors and reports. */
    public FactSet load(InputStream in, String name) throws FactSetException {
        try {
            return loader.load(in.readAllBytes(), name);
        } catch (IOException e) {
            throw new FactSetException(List.of(new LoadError(LoadError.Kind.IO, name, null, null, null, null,
                    "cannot read: " + e.getMessage())));
        }
    }

    public Report evaluate(FactSet factSet) {
        SessionResult result = runner.run(factSet);
        return ReportBuilder.build(factSet, result.findings(), result.errors(), ruleBase.rules().size());
    }

    public Report evaluate(Path file) throws FactSetException {
        return evaluate(load(file));
    }

    public Report evaluate(InputStream in, String name) throws FactSetException {
        return evaluate(load(in, name));
    }

    /**
     * Evaluates fact-set files, folders (searched recursively for {@code *.json}) and globs. Every file
     * is attempted: those that cannot be loaded are listed in {@link RunReport#errors()}, the others are
     * reported in input order, whatever the number of jobs.
     */
    public RunReport evaluateAll(Collection<Path> inputs) {
        FactSetPaths.Expansion expansion = FactSetPaths.expand(inputs);
        List<Outcome> outcomes = jobs <= 1 || expansion.files().size() <= 1
                ? expansion.files().stream().map(this::outcome).toList()
                : inParallel(expansion.files());
        List<Report> reports = new ArrayList<>();
        List<LoadError> errors = new ArrayList<>(expansion.errors());
        for (Outcome o : outcomes) {
            if (o.report != null) {
                reports.add(o.report);
            }
            errors.addAll(o.errors);
        }
        return new RunReport(rulesHash(), ruleBase.rules().size(), reports, errors);
    }

    private record Outcome(Report report, List<LoadError> errors) {
    }

    private Outcome outcome(Path file) {
        try {
            return new Outcome(evaluate(file), List.of());
        } catch (FactSetException e) {
            return new Outcome(null, e.errors());
        }
    }

    private List<Outcome> inParallel(List<Path> files) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(jobs, files.size()), r -> {
            Thread t = new Thread(r, "lodestone-eval");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Outcome>> futures = new ArrayList<>();
            for (Path f : files) {
                futures.add(pool.submit(() -> outcome(f)));
            }
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> f : futures) {
                outcomes.add(f.get());
            }
            return outcomes;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while evaluating", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("evaluation failed unexpectedly", e.getCause());
        } finally {
            pool.shutdownNow();
        }
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
        private Path ruleCache;

        private Builder(Path rulesDir) {
            this.rulesDir = Objects.requireNonNull(rulesDir, "rulesDir");
        }

        /** Sets a rule parameter (a DRL global), overriding the rules folder's params.json. */
        public Builder param(String name, String jsonOrText) {
            params.put(Objects.requireNonNull(name, "param name"), Objects.requireNonNull(jsonOrText, "param value"));
            return this;
        }

        /** Stops a fact set's evaluation after this many rule firings (default 100,000). */
        public Builder maxFirings(long value) {
            this.maxFirings = value;
            return this;
        }

        /** Stops a fact set's evaluation after this long (default 10 s). */
        public Builder timeout(Duration value) {
            this.timeout = Objects.requireNonNull(value, "timeout");
            return this;
        }

        /** Refuses fact-set files larger than this (default 64 MiB). */
        public Builder maxFileBytes(long value) {
            this.maxFileBytes = value;
            return this;
        }

        /** Refuses fact sets nested deeper than this (default 64). */
        public Builder maxDepth(int value) {
            this.maxDepth = value;
            return this;
        }

        /** Evaluates a batch on this many threads (default 1); output order never depends on it. */
        public Builder jobs(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("jobs must be at least 1");
            }
            this.jobs = value;
            return this;
        }

        /**
         * Keeps compiled rule bases in {@code dir} (null, the default: no cache) so the next process with
         * the same rule files skips the compile; {@link #defaultRuleCache()} is the CLI's choice.
         */
        public Builder ruleCache(Path dir) {
            this.ruleCache = dir;
            return this;
        }

        /** Compiles the rules; every problem of every rule file is in the exception. */
        public Lodestone build() throws RulesException {
            new Limits(maxFirings, timeout); // validates before the costly compile
            return new Lodestone(this);
        }
    }
}
