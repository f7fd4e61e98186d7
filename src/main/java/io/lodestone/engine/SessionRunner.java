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
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.ConsequenceException;

/**
 * Evaluates one fact set in a fresh session of a shared {@link RuleBase}: the guarded firing loop
 * (firing and time limits, optional isolation, rule failures as errors). What the rules inserted is
 * turned into complete findings by {@link FindingResolver}. Stateless and thread-safe: every call owns
 * its session and always disposes it.
 */
public final class SessionRunner {
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "lodestone-watchdog");
        t.setDaemon(true);
        return t;
    });

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

    private final RuleBase ruleBase;
    private final Limits limits;
    private final FindingResolver resolver;

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
    }

    /** With {@code explain}, every finding carries the {@link io.lodestone.api.Trace} of its firing. */
    public SessionResult run(FactSet factSet, boolean explain) {
        KieSession session = ruleBase.kieBase().newKieSession();
        FindingCollector collector = new FindingCollector();
        Tracer tracer = explain ? new Tracer(ruleBase) : null;
        List<Diagnostic> errors = new ArrayList<>();
        long fired = 0;
        AtomicBoolean timedOut = new AtomicBoolean();
        ScheduledFuture<?> watchdog = null;
        boolean abandoned = false;
        try {
            ruleBase.params().forEach(session::setGlobal);
            session.addEventListener(collector);
            if (tracer != null) {
                session.addEventListener((org.kie.api.event.rule.AgendaEventListener) tracer);
                session.addEventListener((org.kie.api.event.rule.RuleRuntimeEventListener) tracer);
            }
            for (Fact fact : factSet.facts()) {
                session.insert(fact.value());
            }
            watchdog = WATCHDOG.schedule(() -> {
                timedOut.set(true);
                session.halt();
            }, limits.timeout().toMillis(), TimeUnit.MILLISECONDS);
            Integer count;
            if (!limits.isolate()) {
                count = session.fireAllRules((int) limits.maxFirings());
            } else {
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
                    errors.add(limitError(factSet, "a rule consequence did not return within the time limit of "
                            + limits.timeout().toMillis() + " ms (raise it with --timeout) and was abandoned; it may "
                            + "loop forever; findings so far are kept"));
                    // the abandoned thread may still touch the tracer: explain what was collected without it
                    return new SessionResult(resolver.resolve(factSet, collector.findings(), errors, null), errors, 0);
                }
            }
            fired = count;
            if (timedOut.get()) {
                errors.add(limitError(factSet, "rules ran longer than the time limit of " + limits.timeout().toMillis()
                        + " ms (raise it with --timeout) and were stopped; findings so far are kept"));
            } else if (fired >= limits.maxFirings()) {
                errors.add(limitError(factSet, "rules fired " + fired + " times, the firing limit (raise it with "
                        + "--max-firings); they may loop, e.g. a rule that modifies a fact it matches"));
            }
        } catch (ExecutionException wrapped) {
            if (!(wrapped.getCause() instanceof ConsequenceException e)) {
                errors.add(Diagnostic.runtime(factSet.file(), null, "evaluation failed: " + wrapped.getCause()));
                return new SessionResult(resolver.resolve(factSet, collector.findings(), errors, tracer), errors, fired);
            }
            errors.add(consequenceError(factSet, e));
        } catch (ConsequenceException e) {
            errors.add(consequenceError(factSet, e));
        } catch (RuntimeException e) {
            errors.add(Diagnostic.runtime(factSet.file(), null, "evaluation failed: " + e));
        } finally {
            if (watchdog != null) {
                watchdog.cancel(false);
            }
            if (!abandoned) {
                session.dispose(); // a session still firing on an abandoned thread must not be torn down under it
            }
        }
        return new SessionResult(resolver.resolve(factSet, collector.findings(), errors, tracer), errors, fired);
    }

    private Diagnostic consequenceError(FactSet factSet, ConsequenceException e) {
        RuleDescription rule = e.getRule() == null ? null : ruleBase.rule(e.getRule());
        Throwable cause = e.getCause() == null ? e : e.getCause();
        return Diagnostic.runtime(factSet.file(),
                rule == null ? (e.getRule() == null ? null : e.getRule().getName()) : rule.id(),
                        "rule failed on this fact set: " + cause.getClass().getSimpleName()
                        + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
    }

    /** The firing's result, null when it is still running after {@code millis}. */
    private static Integer awaitFiring(Future<Integer> firing, long millis)
            throws ExecutionException {
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
