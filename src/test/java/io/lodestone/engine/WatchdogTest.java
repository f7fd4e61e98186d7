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
        long start = System.nanoTime();
        watchdog.schedule(
                () -> {
                    ranAt.set(System.nanoTime());
                    ran.countDown();
                },
                150,
                TimeUnit.MILLISECONDS);
        assertTrue(ran.await(10, TimeUnit.SECONDS), "the action never ran");
        assertTrue(ranAt.get() - start >= TimeUnit.MILLISECONDS.toNanos(150), "the action ran before its delay");
        assertEquals(0, watchdog.pendingLimits());
    }

    @Test
    void aCancelledActionNeverRunsAndLeavesAtOnce() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        Watchdog.Limit limit = watchdog.schedule(runs::incrementAndGet, 100, TimeUnit.MILLISECONDS);
        assertEquals(1, watchdog.pendingLimits());
        assertTrue(limit.cancel());
        assertEquals(0, watchdog.pendingLimits(), "a cancelled limit is still held");
        // a later limit that does run shows the watchdog has passed the cancelled one's deadline
        CountDownLatch later = new CountDownLatch(1);
        watchdog.schedule(later::countDown, 300, TimeUnit.MILLISECONDS);
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
    void aSoonerLimitWakesAWatchdogSleepingUntilALaterOne() throws Exception {
        Watchdog.Limit late = watchdog.schedule(() -> {}, 1, TimeUnit.HOURS);
        Thread.sleep(50); // the watchdog is asleep until the late limit
        CountDownLatch soon = new CountDownLatch(1);
        long start = System.nanoTime();
        watchdog.schedule(soon::countDown, 100, TimeUnit.MILLISECONDS);
        assertTrue(soon.await(10, TimeUnit.SECONDS), "the sooner limit waited for the later one");
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(10));
        assertTrue(late.cancel());
    }

    @Test
    void aFailingActionDoesNotStopTheWatchdog() throws Exception {
        watchdog.schedule(
                () -> {
                    throw new IllegalStateException("a failing action");
                },
                1,
                TimeUnit.MILLISECONDS);
        CountDownLatch next = new CountDownLatch(1);
        watchdog.schedule(next::countDown, 100, TimeUnit.MILLISECONDS);
        assertTrue(next.await(10, TimeUnit.SECONDS));
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
                    Watchdog.Limit limit = watchdog.schedule(cancelledRuns::incrementAndGet, 10, TimeUnit.SECONDS);
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
        assertTrue(shortOnes.await(10, TimeUnit.SECONDS), "a short limit set among cancelled ones never ran");
        assertEquals(0, startedBeforeCancel.get(), "a 10 s limit started before its own cancel");
        assertEquals(0, cancelledRuns.get());
        assertEquals(0, watchdog.pendingLimits());
    }
}
