package io.lodestone.engine;

import java.lang.invoke.VarHandle;
import java.util.Iterator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The time limits of running evaluations, watched by one daemon thread. Every evaluation sets a limit
 * and nearly all of them end long before it, so setting and cancelling one must not wake the thread: a
 * {@code ScheduledThreadPoolExecutor} signals its timer thread on each (its new head of queue), which cost
 * about 25 µs per 55-fact set on a 2-core box, a tenth of the session's work (docs/performance.md). Here a
 * limit is an entry in a set; the thread sleeps until the earliest deadline it knew of and is woken only
 * for a limit that ends sooner, which evaluations with one timeout almost never set. A cancelled limit
 * leaves the set at once: kept to its deadline (10 s by default), each would hold its session and facts,
 * thousands of them in a fast batch. Thread-safe.
 */
final class Watchdog {
    private static final int PENDING = 0;
    private static final int STARTED = 1;
    private static final int CANCELLED = 2;

    private final Set<Limit> pending = ConcurrentHashMap.newKeySet();
    private final Thread thread;
    /** The nanoTime the thread sleeps until (Long.MAX_VALUE: until woken); read by {@link #schedule}. */
    private volatile long wakeAt = Long.MAX_VALUE;

    Watchdog(String threadName) {
        thread = new Thread(this::watch, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    /** One time limit: its action runs once its deadline has passed, unless it was cancelled first. */
    final class Limit {
        private final long deadline;
        private final Runnable action;
        private final AtomicInteger state = new AtomicInteger(PENDING);

        private Limit(long deadline, Runnable action) {
            this.deadline = deadline;
            this.action = action;
        }

        /**
         * Cancels the action if it has not started.
         *
         * @return true when it never runs; false when it has started, even if it is still running (a
         *     halt may still land, unlike {@code Future.cancel}, which says true then), or was cancelled before
         */
        boolean cancel() {
            boolean cancelled = state.compareAndSet(PENDING, CANCELLED);
            pending.remove(this);
            return cancelled;
        }
    }

    /**
     * Runs {@code action} on the watchdog's thread once {@code delay} has passed, unless cancelled. Actions
     * must be short: they share the one thread.
     */
    Limit schedule(Runnable action, long delay, TimeUnit unit) {
        long deadline = System.nanoTime() + unit.toNanos(delay);
        // Long.MAX_VALUE is wakeAt's "no planned wake-up"
        Limit limit = new Limit(deadline == Long.MAX_VALUE ? deadline - 1 : deadline, action);
        pending.add(limit);
        // the thread rescans after publishing wakeAt, so either it sees this limit or this sees its wakeAt
        VarHandle.fullFence();
        long planned = wakeAt;
        if (planned == Long.MAX_VALUE || limit.deadline - planned < 0) {
            LockSupport.unpark(thread);
        }
        return limit;
    }

    /** Limits neither run nor cancelled yet (for tests). */
    int pendingLimits() {
        return pending.size();
    }

    /** The watchdog thread's state (for tests: waiting until it sleeps). */
    Thread.State threadState() {
        return thread.getState();
    }

    /** The watchdog thread's id (for tests: its CPU time). */
    long threadId() {
        return thread.getId();
    }

    private void watch() {
        while (true) {
            try {
                watchOnce();
            } catch (RuntimeException | Error e) {
                // the thread watches every limit: it outlives a failure (e.g. out of memory while scanning)
            }
        }
    }

    private void watchOnce() {
        // a set interrupt flag would make every park return at once: a spin
        Thread.interrupted();
        long now = System.nanoTime();
        long next = Long.MAX_VALUE;
        // the set's iterator is weakly consistent: removing through it while others add is safe
        for (Iterator<Limit> it = pending.iterator(); it.hasNext(); ) {
            Limit limit = it.next();
            if (limit.deadline - now <= 0) {
                it.remove();
                if (limit.state.compareAndSet(PENDING, STARTED)) {
                    run(limit.action);
                }
            } else if (next == Long.MAX_VALUE || limit.deadline - next < 0) {
                next = limit.deadline;
            }
        }
        wakeAt = next;
        // schedule() adds, then reads wakeAt; this writes wakeAt, then reads the set: the fence keeps
        // that order, so one of the two sees the other
        VarHandle.fullFence();
        if (sooner(next)) {
            return; // a limit added during the scan ends before the planned wake-up: scan again
        }
        if (next == Long.MAX_VALUE) {
            LockSupport.park(this);
        } else {
            LockSupport.parkNanos(this, next - System.nanoTime());
        }
    }

    private boolean sooner(long next) {
        for (Limit limit : pending) {
            if (next == Long.MAX_VALUE || limit.deadline - next < 0) {
                return true;
            }
        }
        return false;
    }

    private static void run(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException | Error e) {
            // an action that fails must not end the thread that watches every other limit
        }
    }
}
