package io.lodestone.spark;

import io.lodestone.Lodestone;
import io.lodestone.api.RulesException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One compiled evaluator per rule set per JVM: every task of an executor (and, in local mode, the driver)
 * shares it, so the rules are compiled once per executor, not once per partition.
 */
public final class Evaluators {
    private static final Logger LOG = LoggerFactory.getLogger(Evaluators.class);
    private static final Map<String, Compiled> BY_KEY = new ConcurrentHashMap<>();
    private static final AtomicInteger COMPILATIONS = new AtomicInteger();

    private Evaluators() {
    }

    /**
     * A rule set compiled in this JVM.
     *
     * @param lodestone     the thread-safe evaluator
     * @param dir           the local folder the rule files were written to
     * @param compileMillis how long writing and compiling (or loading from the rule cache) took
     */
    public record Compiled(Lodestone lodestone, Path dir, long compileMillis) {
    }

    /**
     * The evaluator for {@code rules}, compiled on first use in this JVM.
     *
     * @param rules the rule set shipped with the job
     * @return the shared evaluator
     * @throws RulesException when the rules do not compile (the driver checks this before any task runs)
     */
    public static Compiled get(RuleSet rules) throws RulesException {
        String key = rules.key();
        Compiled compiled = BY_KEY.get(key);
        if (compiled != null) {
            return compiled;
        }
        synchronized (Evaluators.class) {
            compiled = BY_KEY.get(key);
            if (compiled == null) {
                compiled = compile(rules);
                BY_KEY.put(key, compiled);
            }
            return compiled;
        }
    }

    /**
     * How many rule sets this JVM has compiled.
     *
     * @return the number of compilations since the JVM started
     */
    public static int compilations() {
        return COMPILATIONS.get();
    }

    private static Compiled compile(RuleSet rules) throws RulesException {
        long start = System.nanoTime();
        Path dir;
        try {
            // the core compiles a folder; the files keep their relative paths, so the rules hash is the CLI's
            dir = Files.createTempDirectory("lodestone-rules-");
            for (Map.Entry<String, String> file : rules.files().entrySet()) {
                Path target = dir.resolve(file.getKey());
                Files.createDirectories(target.getParent());
                Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the rule files to a local folder", e);
        }
        RuleSet.Limits limits = rules.limits();
        Lodestone.Builder builder = Lodestone.builder(dir)
                .maxFirings(limits.maxFirings())
                .timeout(limits.timeout())
                .maxFileBytes(limits.maxFileBytes())
                .maxDepth(limits.maxDepth())
                .lenient(limits.lenient());
        rules.params().forEach(builder::param);
        if (rules.ruleCache() != null) {
            builder.ruleCache(Path.of(rules.ruleCache()));
        }
        COMPILATIONS.incrementAndGet();
        Lodestone lodestone;
        try {
            lodestone = builder.build();
        } catch (RulesException e) {
            // name the files as the user named the rules folder, not the local copy
            throw new RulesException(e.errors().stream()
                    .map(err -> Rows.relocate(err, dir.toString(), rules.displayDir())).toList());
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        LOG.info("lodestone: compiled rules {} ({} files) in {} ms", lodestone.rulesHash(), rules.files().size(),
                millis);
        return new Compiled(lodestone, dir, millis);
    }
}
