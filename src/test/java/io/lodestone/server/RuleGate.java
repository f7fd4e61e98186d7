package io.lodestone.server;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A gate a test rule's consequence waits at, so a test holds a request in flight for exactly as long
 * as it needs instead of sleeping for a guessed time. Public: compiled rules call it.
 */
public final class RuleGate {
    private static volatile CountDownLatch entered = new CountDownLatch(1);
    private static volatile CountDownLatch open = new CountDownLatch(1);

    private RuleGate() {}

    /** Closes the gate before a test. */
    static void reset() {
        entered = new CountDownLatch(1);
        open = new CountDownLatch(1);
    }

    /** Whether a consequence is waiting at the gate. */
    static boolean occupied() {
        return entered.getCount() == 0;
    }

    /** Lets every waiting and later consequence through. */
    static void release() {
        open.countDown();
    }

    /**
     * Called by a rule's consequence: waits until the test releases the gate (at most a minute, so a
     * failed test cannot leave a thread behind for ever).
     *
     * @throws InterruptedException when the rule thread is interrupted
     */
    public static void pass() throws InterruptedException {
        entered.countDown();
        if (!open.await(1, TimeUnit.MINUTES)) {
            throw new IllegalStateException("the test never released the gate");
        }
    }
}
