package io.lodestone.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The Prometheus exposition, read back as samples (name with labels to value). */
class MetricsRenderTest {
    private static final LiveRules NO_RULES = new LiveRules(
            () -> {
                throw new IllegalStateException("not compiled in a unit test");
            },
            new PrintWriter(new StringWriter()));

    /** Sample lines of the text format; # HELP and # TYPE lines are checked apart. */
    private static Map<String, Double> samples(String text) {
        Map<String, Double> samples = new LinkedHashMap<>();
        for (String line : text.lines().toList()) {
            if (!line.startsWith("#")) {
                int space = line.lastIndexOf(' ');
                samples.put(line.substring(0, space), Double.valueOf(line.substring(space + 1)));
            }
        }
        return samples;
    }

    private static double value(Map<String, Double> samples, String name) {
        Double v = samples.get(name);
        if (v == null) {
            throw new AssertionError("no sample " + name + " in " + samples.keySet());
        }
        return v;
    }

    private static String bucket(String le) {
        return "lodestone_evaluate_duration_seconds_bucket{le=\"" + le + "\"}";
    }

    static Stream<Arguments> latencyBuckets() {
        return Stream.of(
                Arguments.of(List.of(), "0.005", 0, "+Inf", 0),
                Arguments.of(List.of(0.005), "0.005", 1, "0.01", 1),
                Arguments.of(List.of(0.0051), "0.005", 0, "0.01", 1),
                Arguments.of(List.of(0.2, 0.3, 7.0), "0.25", 1, "0.5", 2),
                Arguments.of(List.of(0.2, 0.3, 7.0), "10.0", 3, "+Inf", 3),
                Arguments.of(List.of(60.0), "10.0", 0, "+Inf", 1));
    }

    /** Buckets are cumulative, upper bounds inclusive, and +Inf counts everything. */
    @ParameterizedTest(name = "{0}: le={1} has {2}, le={3} has {4}")
    @MethodSource
    void latencyBuckets(List<Double> seconds, String le1, int count1, String le2, int count2) {
        Metrics metrics = new Metrics();
        seconds.forEach(metrics::observeEvaluateSeconds);
        Map<String, Double> samples = samples(metrics.render(NO_RULES));
        assertEquals(count1, value(samples, bucket(le1)));
        assertEquals(count2, value(samples, bucket(le2)));
        assertEquals(seconds.size(), value(samples, "lodestone_evaluate_duration_seconds_count"));
        assertEquals(
                seconds.stream().mapToDouble(Double::doubleValue).sum(),
                value(samples, "lodestone_evaluate_duration_seconds_sum"),
                1e-9);
    }

    @Test
    void bucketsNeverDecrease() {
        Metrics metrics = new Metrics();
        List.of(0.001, 0.02, 0.02, 0.7, 3.0, 11.0).forEach(metrics::observeEvaluateSeconds);
        double previous = 0;
        for (Map.Entry<String, Double> s : samples(metrics.render(NO_RULES)).entrySet()) {
            if (s.getKey().startsWith("lodestone_evaluate_duration_seconds_bucket")) {
                assertTrue(s.getValue() >= previous, s.getKey());
                previous = s.getValue();
            }
        }
        assertEquals(6, previous);
    }

    @Test
    void errorsAreCountedByStatusAndAbsentBeforeTheFirst() {
        Metrics metrics = new Metrics();
        // the Prometheus client writes a labelled counter's family only once it has a sample
        assertTrue(
                samples(metrics.render(NO_RULES)).keySet().stream().noneMatch(k -> k.startsWith("lodestone_errors")));
        metrics.error(413);
        metrics.error(400);
        metrics.error(413);
        metrics.evaluated();
        Map<String, Double> samples = samples(metrics.render(NO_RULES));
        assertEquals(2.0, value(samples, "lodestone_errors_total{status=\"413\"}"));
        assertEquals(1.0, value(samples, "lodestone_errors_total{status=\"400\"}"));
        assertFalse(samples.containsKey("lodestone_errors_total"), "no unlabelled sample once there are errors");
        assertEquals(3, metrics.errors());
        assertEquals(1.0, value(samples, "lodestone_evaluations_total"));
    }

    @Test
    void ruleReloadsAndWhetherRulesAreLoaded() {
        LiveRules rules = new LiveRules(
                () -> {
                    throw new IllegalStateException("does not compile");
                },
                new PrintWriter(new StringWriter()));
        assertFalse(rules.reload());
        Map<String, Double> samples = samples(new Metrics().render(rules));
        assertEquals(0.0, value(samples, "lodestone_rules_reloads_total{result=\"success\"}"));
        assertEquals(1.0, value(samples, "lodestone_rules_reloads_total{result=\"failure\"}"));
        assertEquals(0.0, value(samples, "lodestone_rules_loaded"));
    }

    @Test
    void everySampleHasItsHelpAndType() {
        Metrics metrics = new Metrics();
        metrics.error(400); // the errors family appears with its first sample
        String text = metrics.render(NO_RULES);
        for (String family : List.of(
                "lodestone_evaluations_total",
                "lodestone_errors_total",
                "lodestone_evaluate_duration_seconds",
                "lodestone_rules_reloads_total",
                "lodestone_rules_loaded")) {
            assertTrue(text.contains("# HELP " + family + " "), family);
            assertTrue(text.contains("# TYPE " + family + " "), family);
        }
    }
}
