package io.lodestone.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The time limits' watchdog: actions run once, after their delay, never after a cancel, and leave no entry. */
class WatchdogTest {
    private final Watchdog watchdog = new Watchdog("watchdog-test");

    @Test
    void runsTheActionOnceItsDelayHasPassed() throws Exception {
        CountDownLatch ran = new CountDownLatch(1);
        AtomicLong ranAt = new AtomicLong();
        AtomicInteger runs = new AtomicInteger();
        long start = System.nanoTime();
        watchdog.schedule(
                () -> {
                    ranAt.set(System.nanoTime());
                    runs.incrementAndGet();
                    ran.countDown();
                },
                150,
                TimeUnit.MILLISECONDS);
        assertTrue(ran.await(10, TimeUnit.SECONDS), "the action never ran");
        assertTrue(ranAt.get() - start >= TimeUnit.MILLISECONDS.toNanos(150), "the action ran before its delay");
        assertEquals(0, watchdog.pendingLimits());
        CountDownLatch later = new CountDownLatch(1);
        watchdog.schedule(later::countDown, 200, TimeUnit.MILLISECONDS);
        assertTrue(later.await(10, TimeUnit.SECONDS));
        assertEquals(1, runs.get(), "the action ran more than once");
    }

    @Test
    void aCancelledActionNeverRunsAndLeavesAtOnce() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        // a second is far more than a stall between these lines on a busy machine
        Watchdog.Limit limit = watchdog.schedule(runs::incrementAndGet, 1, TimeUnit.SECONDS);
        assertEquals(1, watchdog.pendingLimits());
        assertTrue(limit.cancel());
        assertEquals(0, watchdog.pendingLimits(), "a cancelled limit is still held");
        // a later limit that does run shows the watchdog has passed the cancelled one's deadline
        CountDownLatch later = new CountDownLatch(1);
        watchdog.schedule(later::countDown, 1200, TimeUnit.MILLISECONDS);
        assertTrue(later.await(10, TimeUnit.SECONDS));
        assertEquals(0, runs.get());
        assertFalse(limit.cancel(), "cancelled twice");
    }

    @Test
    void cancelAfterTheActionStartedSaysSo() throws Exception {
        CountDownLatch ran = new CountDownLatch(1);
        Watchdog.Limit limit = watchdog.schedule(ran::countDown, 1, TimeUnit.MILLISECONDS);
        assertTrue(ran.await(10, TimeUnit.SECONDS));
        assertFalse(limit.cancel(), "cancel() must say the action ran: the session is then not reused");
    }

    @Test
    void cancelWhileTheActionRunsSaysItStarted() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Watchdog.Limit limit = watchdog.schedule(
                () -> {
                    started.countDown();
                    try {
                        release.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                1,
                TimeUnit.MILLISECONDS);
        assertTrue(started.await(10, TimeUnit.SECONDS));
        try {
            // a halt may still be landing: the session must not be reused
            assertFalse(limit.cancel(), "cancel() succeeded on an action that was running");
        } finally {
            release.countDown();
        }
    }

    @Test
    void aSoonerLimitWakesAWatchdogSleepingUntilALaterOne() throws Exception {
        Watchdog.Limit late = watchdog.schedule(() -> {}, 1, TimeUnit.HOURS);
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (watchdog.threadState() != Thread.State.TIMED_WAITING && System.nanoTime() < until) {
            Thread.sleep(5); // until the watchdog sleeps towards the late limit
        }
        assertEquals(Thread.State.TIMED_WAITING, watchdog.threadState());
        CountDownLatch soon = new CountDownLatch(1);
        watchdog.schedule(soon::countDown, 100, TimeUnit.MILLISECONDS);
        // without a wake-up it would wait an hour; 5 s leaves room for a stalled machine
        assertTrue(soon.await(5, TimeUnit.SECONDS), "the sooner limit waited for the later one");
        assertTrue(late.cancel());
    }

    @Test
    void aFailingActionDoesNotStopTheWatchdog() throws Exception {
        CountDownLatch failed = new CountDownLatch(1);
        watchdog.schedule(
                () -> {
                    failed.countDown();
                    throw new IllegalStateException("a failing action");
                },
                1,
                TimeUnit.MILLISECONDS);
        assertTrue(failed.await(10, TimeUnit.SECONDS));
        CountDownLatch next = new CountDownLatch(1);
        watchdog.schedule(next::countDown, 100, TimeUnit.MILLISECONDS);
        assertTrue(next.await(10, TimeUnit.SECONDS));
    }

    @Test
    void anActionThatInterruptsItsThreadDoesNotSetTheWatchdogSpinning() throws Exception {
        CountDownLatch ran = new CountDownLatch(1);
        watchdog.schedule(
                () -> {
                    Thread.currentThread().interrupt();
                    ran.countDown();
                },
                1,
                TimeUnit.MILLISECONDS);
        assertTrue(ran.await(10, TimeUnit.SECONDS));
        // with the flag left set every park would return at once: the thread would use a core doing nothing
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        Thread.sleep(100);
        long cpu0 = threads.getThreadCpuTime(watchdog.threadId());
        Thread.sleep(500);
        long cpu = threads.getThreadCpuTime(watchdog.threadId()) - cpu0;
        assertTrue(
                cpu < TimeUnit.MILLISECONDS.toNanos(100),
                "the watchdog used " + cpu / 1_000_000 + " ms of CPU in 500 ms with nothing to watch");
    }

    @Test
    void manyThreadsSettingAndCancellingLimitsLeaveNothingBehind() throws Exception {
        AtomicInteger cancelledRuns = new AtomicInteger();
        AtomicInteger startedBeforeCancel = new AtomicInteger();
        CountDownLatch shortOnes = new CountDownLatch(8 * 20);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            Thread thread = new Thread(() -> {
                for (int i = 0; i < 2_000; i++) {
                    // the decoys' deadlines lie past every await here: a lost wake-up cannot hide behind them
                    Watchdog.Limit limit = watchdog.schedule(cancelledRuns::incrementAndGet, 60, TimeUnit.SECONDS);
                    if (i % 100 == 0) {
                        watchdog.schedule(shortOnes::countDown, 1 + i % 50, TimeUnit.MILLISECONDS);
                    }
                    if (!limit.cancel()) {
                        startedBeforeCancel.incrementAndGet();
                    }
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertTrue(shortOnes.await(5, TimeUnit.SECONDS), "a short limit set among cancelled ones never ran");
        assertEquals(0, startedBeforeCancel.get(), "a 60 s limit started before its own cancel");
        assertEquals(0, cancelledRuns.get());
        assertEquals(0, watchdog.pendingLimits());
    }
}
