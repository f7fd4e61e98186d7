package io.lodestone.engine;

import java.time.Duration;

/**
 * Guards against rules that never settle: at most {@code maxFirings} rule firings and at most
 * {@code timeout} (up to a day) of rule execution per fact set; past the timeout the rules are halted,
 * then their thread is stopped (JDK 17). With {@code isolate}, rules fire on a worker thread, so the
 * caller gets its answer at the timeout even if that thread cannot be stopped; that costs a thread
 * hand-off per fact set (0.1-0.2 ms here). These are guards against mistakes, not a sandbox: rule code
 * runs with the process's rights (files, network, {@code System.exit}) with or without isolation, so
 * only run rules you trust (see {@code docs/security.md}).
 */
public record Limits(long maxFirings, Duration timeout, boolean isolate) {
    public static final long DEFAULT_MAX_FIRINGS = 100_000;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    /** Longer limits are mistakes, and past this the watchdog's arithmetic could overflow. */
    public static final Duration MAX_TIMEOUT = Duration.ofDays(1);

    public Limits {
        if (maxFirings < 1 || maxFirings > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("maxFirings must be between 1 and " + Integer.MAX_VALUE);
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero() || timeout.compareTo(MAX_TIMEOUT) > 0) {
            throw new IllegalArgumentException("timeout must be positive and at most " + MAX_TIMEOUT);
        }
    }
}
