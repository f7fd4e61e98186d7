package io.lodestone.engine;

import io.lodestone.api.Diagnostic;
import io.lodestone.api.Fact;
import io.lodestone.api.FactSet;
import io.lodestone.api.RuleDescription;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.ConsequenceException;

/**
 * Evaluates one fact set in a fresh session of a shared {@link RuleBase}: the guarded firing loop
 * (firing and time limits, optional isolation, rule failures as errors). What the rules inserted is
 * turned into complete findings by {@link FindingResolver}. Thread-safe: every call owns its session
 * while it runs; a session that ended cleanly is reset and reused through {@link SessionPool}, any
 * other is disposed.
 */
public final class SessionRunner {
    private static final Watchdog WATCHDOG = new Watchdog("lodestone-watchdog");

    /**
     * With {@link Limits#isolate()}, rules fire on a worker thread so that a consequence that never
     * returns (an endless loop inside one firing, which {@code halt()} cannot stop) costs its thread,
     * not the whole run. Without it they fire on the caller's thread: no hand-off per fact set.
     */
    private static final ExecutorService FIRING = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "lodestone-rules");
        t.setDaemon(true);
        return t;
    });
    /** How long past the time limit a consequence gets to return after halt, then after an interrupt. */
    private static final long GRACE_MILLIS = 500;
    /** States of a firing watched by the watchdog: it may stop the thread only while RUNNING. */
    private static final int RUNNING = 0;

    private static final int DONE = 1;
    private static final int STOPPING = 2;
    private static final java.util.concurrent.atomic.AtomicInteger ABANDONED_ALIVE =
            new java.util.concurrent.atomic.AtomicInteger();

    private final RuleBase ruleBase;
    private final Limits limits;
    private final FindingResolver resolver;
    private final SessionPool sessions;

    /**
     * A runner for sessions of {@code ruleBase} within {@code limits}.
     *
     * @param ruleBase the compiled rules
     * @param limits   firing count, time and isolation limits
     */
    public SessionRunner(RuleBase ruleBase, Limits limits) {
        this.ruleBase = ruleBase;
        this.limits = limits;
        this.resolver = new FindingResolver(ruleBase);
        // batch and serve evaluate on one thread per core by default: twice that many idle sessions covers
        // embedders with more threads, and more would only hold memory
        this.sessions =
                new SessionPool(ruleBase.kieBase(), 2 * Runtime.getRuntime().availableProcessors());
    }

    /** With {@code explain}, every finding carries the {@link io.lodestone.api.Trace} of its firing. */
    public SessionResult run(FactSet factSet, boolean explain) {
        KieSession session = sessions.take();
        FindingCollector collector = new FindingCollector();
        Tracer tracer = explain ? new Tracer(ruleBase) : null;
        List<Diagnostic> errors = new ArrayList<>();
        long fired = 0;
        AtomicBoolean timedOut = new AtomicBoolean();
        Watchdog.Limit watchdog = null;
        boolean abandoned = false;
        boolean clean = false; // ended normally: the session may serve the next fact set
        try {
            ruleBase.params().forEach(session::setGlobal);
            session.addEventListener(collector);
            if (tracer != null) {
                session.addEventListener((org.kie.api.event.rule.AgendaEventListener) tracer);
                session.addEventListener((org.kie.api.event.rule.RuleRuntimeEventListener) tracer);
            }
            Integer count;
            if (!limits.isolate()) {
                // halt() is seen only between firings; a large join inside one evaluation ignores it, so
                // after a grace period the watchdog stops this thread (ThreadDeath, caught below)
                AtomicInteger state = new AtomicInteger(RUNNING);
                Thread caller = Thread.currentThread();
                watchdog = WATCHDOG.schedule(
                        () -> {
                            timedOut.set(true);
                            session.halt();
                            WATCHDOG.schedule(
                                    () -> {
                                        if (state.compareAndSet(RUNNING, STOPPING) && !stop(caller)) {
                                            state.set(DONE);
                                        }
                                    },
                                    GRACE_MILLIS,
                                    TimeUnit.MILLISECONDS);
                        },
                        limits.timeout().toMillis(),
                        TimeUnit.MILLISECONDS);
                try {
                    for (Fact fact : factSet.facts()) {
                        session.insert(fact.value());
                    }
                    count = session.fireAllRules((int) limits.maxFirings());
                    if (!state.compareAndSet(RUNNING, DONE)) {
                        while (state.get() == STOPPING) {
                            Thread.onSpinWait(); // the stop is on its way: take it here, not in the code below
                        }
                    }
                } catch (RuntimeException | Error e) {
                    if (state.get() != STOPPING && !(e instanceof ThreadDeath)) {
                        state.set(DONE);
                        throw e;
                    }
                    state.set(DONE);
                    errors.add(limitError(
                            factSet,
                            "rules ran longer than the time limit of "
                                    + limits.timeout().toMillis()
                                    + " ms (raise it with --timeout) and were stopped while "
                                    + "matching or firing (e.g. a large join); findings so far are kept"));
                    return new SessionResult(resolver.resolve(factSet, collector.findings(), errors, null), errors, 0);
                }
            } else {
                for (Fact fact : factSet.facts()) {
                    session.insert(fact.value());
                }
                watchdog = WATCHDOG.schedule(
                        () -> {
                            timedOut.set(true);
                            session.halt();
                        },
                        limits.timeout().toMillis(),
                        TimeUnit.MILLISECONDS);
                CompletableFuture<Integer> firing = new CompletableFuture<>();
                AtomicReference<Thread> worker = new AtomicReference<>();
                FIRING.execute(() -> {
                    worker.set(Thread.currentThread());
                    try {
                        firing.complete(session.fireAllRules((int) limits.maxFirings()));
                    } catch (Throwable t) {
                        firing.completeExceptionally(t);
                    } finally {
                        worker.set(null);
                        Thread.interrupted(); // a pooled thread must not keep our interrupt
                    }
                });
                count = awaitFiring(firing, limits.timeout().toMillis() + GRACE_MILLIS);
                if (count == null) {
                    Thread t = worker.get();
                    if (t != null) {
                        t.interrupt(); // stops a consequence that sleeps or waits
                    }
                    count = awaitFiring(firing, GRACE_MILLIS);
                }
                if (count == null) {
                    abandoned = true;
                    Thread t = worker.get();
                    boolean stopped = t != null && stop(t);
                    if (t != null && !stopped) {
                        ABANDONED_ALIVE.incrementAndGet();
                    }
                    errors.add(limitError(
                            factSet,
                            "rules did not return within the time limit of "
                                    + limits.timeout().toMillis() + " ms (raise it with --timeout): a consequence or a "
                                    + "condition (e.g. a large join) kept running and was "
                                    + (stopped ? "stopped" : "abandoned")
                                    + "; findings so far are kept"));
                    // the abandoned thread may still touch the tracer: explain what was collected without it
                    return new SessionResult(resolver.resolve(factSet, collector.findings(), errors, null), errors, 0);
                }
            }
            fired = count;
            if (timedOut.get()) {
                errors.add(limitError(
                        factSet,
                        "rules ran longer than the time limit of "
                                + limits.timeout().toMillis()
                                + " ms (raise it with --timeout) and were stopped; findings so far are kept"));
            } else if (fired >= limits.maxFirings()) {
                errors.add(limitError(
                        factSet,
                        "rules fired " + fired + " times, the firing limit (raise it with "
                                + "--max-firings); they may loop, e.g. a rule that modifies a fact it matches"));
            }
            clean = errors.isEmpty();
        } catch (ExecutionException wrapped) {
            if (!(wrapped.getCause() instanceof ConsequenceException e)) {
                errors.add(Diagnostic.runtime(factSet.file(), null, "evaluation failed: " + wrapped.getCause()));
                return new SessionResult(
                        resolver.resolve(factSet, collector.findings(), errors, tracer), errors, fired);
            }
            errors.add(consequenceError(factSet, e));
        } catch (ConsequenceException e) {
            errors.add(consequenceError(factSet, e));
        } catch (RuntimeException | StackOverflowError | AssertionError | LinkageError e) {
            // an Error from rule code (a recursive function, an assert) fails this fact set, not the batch
            errors.add(Diagnostic.runtime(factSet.file(), null, "evaluation failed: " + e));
        } finally {
            // a watchdog that could not be cancelled has run or is running: its halt may still land, so the
            // session is not reused
            boolean quiet = watchdog == null || watchdog.cancel();
            if (!abandoned) {
                // a session still firing on an abandoned thread must not be torn down under it
                sessions.giveBack(session, clean && quiet);
            }
        }
        return new SessionResult(resolver.resolve(factSet, collector.findings(), errors, tracer), errors, fired);
    }

    private Diagnostic consequenceError(FactSet factSet, ConsequenceException e) {
        RuleDescription rule = e.getRule() == null ? null : ruleBase.rule(e.getRule());
        Throwable cause = e.getCause() == null ? e : e.getCause();
        if (cause instanceof InterruptedException) {
            // the interrupt is ours: a consequence that slept or waited past the time limit
            return Diagnostic.ruleLimit(
                            factSet.file(),
                            "a rule consequence was still waiting after the time limit of "
                                    + limits.timeout().toMillis() + " ms (raise it with --timeout) and was interrupted")
                    .at(Diagnostic.Location.file(factSet.file()).withRule(rule == null ? null : rule.id()));
        }
        return Diagnostic.runtime(
                factSet.file(),
                rule == null ? (e.getRule() == null ? null : e.getRule().getName()) : rule.id(),
                "rule failed on this fact set: " + cause.getClass().getSimpleName()
                        + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
    }

    /**
     * Stops a thread stuck in rule code with {@code Thread.stop} (it unwinds with ThreadDeath, running
     * finally blocks): allowed on JDK 17, unsupported from JDK 20, where this returns false and the
     * thread is abandoned instead.
     */
    @SuppressWarnings({"deprecation", "removal"})
    private static boolean stop(Thread t) {
        try {
            t.stop();
            return true;
        } catch (UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    /** Sessions kept for reuse now (for tests). */
    int idleSessions() {
        return sessions.idleSessions();
    }

    /** Rule threads abandoned after a time limit that could not be stopped (only on JDK 20 and later). */
    public static int abandonedThreads() {
        return ABANDONED_ALIVE.get();
    }

    /** The firing's result, null when it is still running after {@code millis}. */
    private static Integer awaitFiring(Future<Integer> firing, long millis) throws ExecutionException {
        try {
            return firing.get(millis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExecutionException("interrupted while waiting for the rules", e);
        }
    }

    private Diagnostic limitError(FactSet factSet, String message) {
        return Diagnostic.ruleLimit(factSet.file(), message);
    }
}
