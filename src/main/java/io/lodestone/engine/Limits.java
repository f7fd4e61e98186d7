package io.lodestone.engine;

import java.time.Duration;

/**
 * Guards against rules that never settle: at most {@code maxFirings} rule firings and at most
 * {@code timeout} of rule execution per fact set. With {@code isolate}, rules fire on a worker thread
 * so that even a consequence that never returns is abandoned after the timeout; that costs a thread
 * hand-off per fact set (0.1-0.2 ms here), so it is for servers and untrusted rule sets.
 */
public record Limits(long maxFirings, Duration timeout, boolean isolate) {
    public static final long DEFAULT_MAX_FIRINGS = 100_000;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    public Limits {
        if (maxFirings < 1 || maxFirings > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("maxFirings must be between 1 and " + Integer.MAX_VALUE);
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
    }
}
