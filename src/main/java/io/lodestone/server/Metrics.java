package io.lodestone.server;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.DoubleAdder;

/**
 * Counters and a latency histogram in the Prometheus text exposition format (version 0.0.4). A few
 * counters do not justify a metrics library.
 */
final class Metrics {
    /** Upper bounds (seconds) of the evaluation latency buckets; +Inf is implicit. */
    static final double[] BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    private final AtomicLong evaluations = new AtomicLong();
    private final Map<Integer, AtomicLong> errorsByStatus = new ConcurrentHashMap<>();
    private final AtomicLongArray bucketCounts = new AtomicLongArray(BUCKETS.length + 1);
    private final DoubleAdder latencySum = new DoubleAdder();
    private final AtomicLong latencyCount = new AtomicLong();

    void evaluated() {
        evaluations.incrementAndGet();
    }

    void error(int status) {
        errorsByStatus.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
    }

    void observeEvaluateSeconds(double seconds) {
        int i = 0;
        while (i < BUCKETS.length && seconds > BUCKETS[i]) {
            i++;
        }
        bucketCounts.incrementAndGet(i);
        latencySum.add(seconds);
        latencyCount.incrementAndGet();
    }

    long errors() {
        return errorsByStatus.values().stream().mapToLong(AtomicLong::get).sum();
    }

    String render(LiveRules rules) {
        StringBuilder sb = new StringBuilder();
        sb.append("# HELP lodestone_evaluations_total Fact sets evaluated over HTTP.\n")
                .append("# TYPE lodestone_evaluations_total counter\n")
                .append("lodestone_evaluations_total ").append(evaluations.get()).append('\n');
        sb.append("# HELP lodestone_errors_total HTTP requests answered with an error status.\n")
                .append("# TYPE lodestone_errors_total counter\n");
        if (errorsByStatus.isEmpty()) {
            sb.append("lodestone_errors_total 0\n");
        }
        new java.util.TreeMap<>(errorsByStatus).forEach((status, n) ->
                sb.append("lodestone_errors_total{status=\"").append(status).append("\"} ").append(n.get()).append('\n'));
        sb.append("# HELP lodestone_evaluate_duration_seconds Time to answer POST /v1/evaluate.\n")
                .append("# TYPE lodestone_evaluate_duration_seconds histogram\n");
        long cumulative = 0;
        for (int i = 0; i < BUCKETS.length; i++) {
            cumulative += bucketCounts.get(i);
            sb.append("lodestone_evaluate_duration_seconds_bucket{le=\"").append(BUCKETS[i]).append("\"} ")
                    .append(cumulative).append('\n');
        }
        cumulative += bucketCounts.get(BUCKETS.length);
        sb.append("lodestone_evaluate_duration_seconds_bucket{le=\"+Inf\"} ").append(cumulative).append('\n')
                .append("lodestone_evaluate_duration_seconds_sum ").append(latencySum.sum()).append('\n')
                .append("lodestone_evaluate_duration_seconds_count ").append(latencyCount.get()).append('\n');
        sb.append("# HELP lodestone_rules_reloads_total Rule set loads, by result.\n")
                .append("# TYPE lodestone_rules_reloads_total counter\n")
                .append("lodestone_rules_reloads_total{result=\"success\"} ").append(rules.reloads()).append('\n')
                .append("lodestone_rules_reloads_total{result=\"failure\"} ").append(rules.failedReloads()).append('\n');
        sb.append("# HELP lodestone_rules_loaded Whether a valid rule set is loaded (1) or not (0).\n")
                .append("# TYPE lodestone_rules_loaded gauge\n")
                .append("lodestone_rules_loaded ").append(rules.current() == null ? 0 : 1).append('\n');
        return sb.toString();
    }
}
