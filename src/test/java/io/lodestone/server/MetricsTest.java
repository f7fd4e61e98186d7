package io.lodestone.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lodestone.api.Diagnostic;
import io.lodestone.api.RulesException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** /metrics: Lodestone's families plus the Prometheus client's JVM and process families, text or OpenMetrics. */
class MetricsTest {
    private static LiveRules noRules() {
        LiveRules rules = new LiveRules(
                () -> {
                    throw new RulesException(List.of(
                            Diagnostic.rule(Diagnostic.Kind.RULE_SYNTAX, Diagnostic.Location.at("r.drl", 1, 1), "x")));
                },
                new PrintWriter(new StringWriter()));
        rules.reload();
        return rules;
    }

    /** Family names from the "# TYPE name type" lines. */
    private static Set<String> families(String text) {
        return text.lines()
                .filter(l -> l.startsWith("# TYPE "))
                .map(l -> l.split(" ", -1)[2])
                .collect(Collectors.toSet());
    }

    @Test
    void textFormatHasLodestoneJvmAndProcessFamilies() {
        Metrics metrics = new Metrics();
        metrics.evaluated();
        metrics.error(404);
        metrics.observeEvaluateSeconds(0.02);
        Metrics.Exposition e = metrics.render(noRules(), null);
        assertTrue(e.contentType().startsWith("text/plain; version=0.0.4"), e.contentType());
        String text = new String(e.body(), StandardCharsets.UTF_8);
        Set<String> families = families(text);
        assertTrue(
                families.containsAll(Set.of(
                        "lodestone_evaluations_total",
                        "lodestone_errors_total",
                        "lodestone_evaluate_duration_seconds",
                        "lodestone_rules_reloads_total",
                        "lodestone_rules_loaded")),
                families.toString());
        assertTrue(
                families.containsAll(Set.of(
                        "jvm_memory_used_bytes",
                        "jvm_threads_current",
                        "jvm_gc_collection_seconds",
                        "jvm_classes_currently_loaded",
                        "jvm_runtime_info",
                        "process_cpu_seconds_total",
                        "process_start_time_seconds")),
                families.toString());
        assertEquals(1.0, value(text, "lodestone_evaluations_total"));
        assertEquals(1.0, value(text, "lodestone_errors_total{status=\"404\"}"));
        assertEquals(1.0, value(text, "lodestone_evaluate_duration_seconds_bucket{le=\"0.025\"}"));
        assertEquals(0.0, value(text, "lodestone_evaluate_duration_seconds_bucket{le=\"0.01\"}"));
        assertEquals(1.0, value(text, "lodestone_rules_reloads_total{result=\"failure\"}"));
        assertEquals(0.0, value(text, "lodestone_rules_loaded"));
    }

    @Test
    void openMetricsWhenAcceptAsksForIt() {
        Metrics metrics = new Metrics();
        metrics.evaluated();
        Metrics.Exposition e = metrics.render(
                noRules(),
                "application/openmetrics-text; version=1.0.0; charset=utf-8,text/plain;version=0.0.4;q=0.5,*/*;q=0.1");
        assertTrue(e.contentType().startsWith("application/openmetrics-text"), e.contentType());
        String text = new String(e.body(), StandardCharsets.UTF_8);
        List<String> lines = text.lines().toList();
        assertEquals("# EOF", lines.get(lines.size() - 1), "OpenMetrics ends with # EOF");
        assertTrue(
                families(text).containsAll(Set.of("lodestone_evaluations", "process_cpu_seconds")),
                "OpenMetrics counters are families without _total");
        assertEquals(1.0, value(text, "lodestone_evaluations_total"));
    }

    @Test
    void serverNegotiatesTheFormat() throws Exception {
        try (LodestoneServer s = LodestoneServer.start(
                noRules(), LodestoneServer.Config.loopback(), new PrintWriter(new StringWriter()))) {
            HttpClient client = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            HttpResponse<String> plain = client.send(
                    HttpRequest.newBuilder(URI.create(s.baseUrl() + "/metrics"))
                            .timeout(Duration.ofSeconds(30))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, plain.statusCode());
            assertTrue(plain.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"));
            assertTrue(families(plain.body()).contains("jvm_memory_used_bytes"));
            HttpResponse<String> om = client.send(
                    HttpRequest.newBuilder(URI.create(s.baseUrl() + "/metrics"))
                            .header("Accept", "application/openmetrics-text; version=1.0.0")
                            .timeout(Duration.ofSeconds(30))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, om.statusCode());
            assertTrue(om.headers().firstValue("Content-Type").orElse("").startsWith("application/openmetrics-text"));
            assertTrue(om.body().endsWith("# EOF\n"));
        }
    }

    private static double value(String text, String series) {
        return text.lines()
                .filter(l -> l.startsWith(series + " "))
                .findFirst()
                .map(l -> Double.parseDouble(l.substring(series.length() + 1).split(" ", -1)[0]))
                .orElse(-1.0);
    }
}
