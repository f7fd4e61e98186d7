package io.lodestone.server;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.OpenMetricsTextFormatWriter;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The server's metrics through the Prometheus Java client: Lodestone's own families plus the client's
 * standard JVM and process families ({@code jvm_*}, {@code process_*}), in the Prometheus text format
 * (0.0.4) or, when the scraper's {@code Accept} asks for it, OpenMetrics 1.0.
 */
final class Metrics {
    /** Upper bounds (seconds) of the evaluation latency buckets; +Inf is implicit. */
    static final double[] BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    private static final ExpositionFormatWriter TEXT = PrometheusTextFormatWriter.create();
    private static final ExpositionFormatWriter OPEN_METRICS = OpenMetricsTextFormatWriter.create();

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final AtomicLong errors = new AtomicLong();
    private final Counter evaluations = Counter.builder()
            .name("lodestone_evaluations")
            .help("Fact sets evaluated over HTTP.")
            .register(registry);
    private final Counter errorsByStatus = Counter.builder()
            .name("lodestone_errors")
            .help("HTTP requests answered with an error status.")
            .labelNames("status")
            .register(registry);
    private final Histogram evaluateSeconds = Histogram.builder()
            .name("lodestone_evaluate_duration_seconds")
            .help("Time to answer POST /v1/evaluate.")
            .classicOnly()
            .classicUpperBounds(BUCKETS)
            .register(registry);

    Metrics() {
        JvmMetrics.builder().register(registry);
    }

    /** One rendering of the metrics: what to send and how to label it. */
    @SuppressWarnings("ArrayRecordComponent") // a carrier, never compared or hashed
    record Exposition(String contentType, byte[] body) {}

    void evaluated() {
        evaluations.inc();
    }

    void error(int status) {
        errors.incrementAndGet();
        errorsByStatus.labelValues(String.valueOf(status)).inc();
    }

    void observeEvaluateSeconds(double seconds) {
        evaluateSeconds.observe(seconds);
    }

    long errors() {
        return errors.get();
    }

    /** The text format, as every Prometheus scrapes by default. */
    String render(LiveRules rules) {
        return new String(render(rules, null).body(), java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * Every family, in OpenMetrics when {@code accept} (the request's Accept header, or null) lists
     * {@code application/openmetrics-text}, else in the Prometheus text format.
     */
    Exposition render(LiveRules rules, String accept) {
        MetricSnapshots.Builder all = MetricSnapshots.builder();
        for (MetricSnapshot s : registry.scrape()) {
            all.metricSnapshot(s);
        }
        // read from the live rule set at scrape time, so the numbers are LiveRules' own
        all.metricSnapshot(CounterSnapshot.builder()
                .name("lodestone_rules_reloads")
                .help("Rule set loads, by result.")
                .dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder()
                        .value((double) rules.reloads())
                        .labels(Labels.of("result", "success"))
                        .build())
                .dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder()
                        .value((double) rules.failedReloads())
                        .labels(Labels.of("result", "failure"))
                        .build())
                .build());
        all.metricSnapshot(GaugeSnapshot.builder()
                .name("lodestone_rules_loaded")
                .help("Whether a valid rule set is loaded (1) or not (0).")
                .dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder()
                        .value(rules.current() == null ? 0 : 1)
                        .build())
                .build());
        ExpositionFormatWriter writer = accept != null && OPEN_METRICS.accepts(accept) ? OPEN_METRICS : TEXT;
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        try {
            writer.write(out, all.build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Exposition(writer.getContentType(), out.toByteArray());
    }
}
