package io.lodestone.server;

import io.lodestone.Lodestone;
import io.lodestone.api.Diagnostic;
import io.lodestone.api.Diagnostic.Kind;
import io.lodestone.api.Diagnostic.Location;
import io.lodestone.api.RulesException;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The rule set the server evaluates with, swapped atomically on reload. A request reads
 * {@link #current()} once and keeps that evaluator to the end, so in-flight requests finish on the
 * rules they started with. A reload that does not compile leaves the last good rules in place.
 */
public final class LiveRules {
    /** Compiles a fresh evaluator from the rules folder (normally {@link Lodestone.Builder#build()}). */
    @FunctionalInterface
    public interface Compiler {
        /**
         * Compiles the rules.
         *
         * @return a new evaluator
         * @throws RulesException when the rules do not compile
         */
        Lodestone compile() throws RulesException;
    }

    /**
     * Why the last reload was rejected.
     *
     * @param at     when the reload was attempted
     * @param errors the located rule errors
     */
    public record Failure(Instant at, List<Diagnostic> errors) {
        /** Copies the error list. */
        public Failure {
            errors = List.copyOf(errors);
        }
    }

    private final Compiler compiler;
    private final PrintWriter log;
    private final AtomicReference<Lodestone> current = new AtomicReference<>();
    private final AtomicReference<Failure> lastFailure = new AtomicReference<>();
    private final AtomicLong reloads = new AtomicLong();
    private final AtomicLong failedReloads = new AtomicLong();

    /**
     * @param compiler builds an evaluator from the rules folder
     * @param log      where rejected reloads are reported (stderr in the CLI)
     */
    public LiveRules(Compiler compiler, PrintWriter log) {
        this.compiler = Objects.requireNonNull(compiler, "compiler");
        this.log = Objects.requireNonNull(log, "log");
    }

    /** The evaluator to use for one request, or null while no rule set has ever compiled. */
    public Lodestone current() {
        return current.get();
    }

    /** Why the most recent reload failed, or null when it succeeded (or none has failed yet). */
    public Failure lastFailure() {
        return lastFailure.get();
    }

    /** Successful loads, the first one included. */
    public long reloads() {
        return reloads.get();
    }

    /** Loads that did not compile. */
    public long failedReloads() {
        return failedReloads.get();
    }

    /**
     * Compiles the rules and swaps them in when they compile; otherwise records and logs the errors
     * and keeps serving what was there.
     *
     * @return true when the new rules are now in use
     */
    public boolean reload() {
        List<Diagnostic> errors;
        try {
            Lodestone fresh = compiler.compile();
            Lodestone old = current.getAndSet(fresh);
            lastFailure.set(null);
            reloads.incrementAndGet();
            if (old != null && !old.rulesHash().equals(fresh.rulesHash())) {
                log.println("lodestone: rules reloaded (" + fresh.rulesHash() + ")");
                log.flush();
            }
            return true;
        } catch (RulesException e) {
            errors = e.errors();
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError | LinkageError | AssertionError e) {
            // the compiler must never take the server (or the watcher thread) down; report it like a rule error
            errors = List.of(Diagnostic.rule(Kind.RULE_COMPILE, Location.NONE, "rules could not be compiled: " + e));
        }
        failedReloads.incrementAndGet();
        lastFailure.set(new Failure(Instant.now(), errors));
        log.println("lodestone: rules not reloaded; "
                + (current.get() == null
                        ? "no rule set is loaded yet"
                        : "still serving " + current.get().rulesHash()) + ":");
        errors.forEach(e -> log.println("  " + e.toCompilerString()));
        log.flush();
        return false;
    }
}
