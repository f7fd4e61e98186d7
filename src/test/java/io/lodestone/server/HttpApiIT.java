package io.lodestone.server;

import static io.lodestone.server.Http.get;
import static io.lodestone.server.Http.post;
import static io.lodestone.server.Http.postJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.lodestone.Lodestone;
import io.lodestone.TestFiles;
import io.lodestone.api.Diagnostic;
import io.lodestone.api.Diagnostic.Location;
import io.lodestone.api.RulesException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The HTTP API on a free loopback port with the bundled rules. */
class HttpApiIT {
    static final String SEED = "facts/us-ua-minerals-2025-02.json";
    static final long BODY_LIMIT = 32 * 1024;
    static LodestoneServer server;
    static String base;

    @BeforeAll
    static void start() throws Exception {
        LiveRules rules =
                new LiveRules(Lodestone.builder(Path.of("rules"))::build, new PrintWriter(new StringWriter()));
        assertTrue(rules.reload());
        server = LodestoneServer.start(
                rules, new LodestoneServer.Config("127.0.0.1", 0, BODY_LIMIT, 4), new PrintWriter(new StringWriter()));
        base = server.baseUrl();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void evaluateReturnsExactlyTheReportTheCliPrints() throws Exception {
        TestFiles.Run cli = TestFiles.cli("evaluate", "--format", "json", SEED);
        assertEquals(0, cli.code(), cli.err());
        Http.Response http = postJson(base + "/v1/evaluate?name=" + SEED, Files.readAllBytes(Path.of(SEED)));
        assertEquals(200, http.status(), http.body());
        assertEquals(Http.JSON.readTree(cli.out()), http.json());
        assertTrue(http.json().at("/reports/0/findings").size() > 0, "the seed has findings to compare");
    }

    @Test
    void malformedJsonIs400WithALocatedError() {
        Http.Response r =
                postJson(base + "/v1/evaluate", "{\"lodestone\": 1,\n \"facts\": [ }".getBytes(StandardCharsets.UTF_8));
        assertEquals(400, r.status());
        JsonNode error = r.json().at("/errors/0");
        assertEquals(Diagnostic.Kind.JSON_SYNTAX.label(), error.get("kind").asText());
        assertEquals(2, error.get("line").asInt());
        assertTrue(error.get("column").asInt() > 0, error.toString());
        assertEquals(0, r.json().get("reports").size());
    }

    @Test
    void aFactOfAnUnknownTypeIs400WithItsJsonPath() {
        String body = "{\"lodestone\": 1, \"id\": \"x\", \"facts\": [{\"type\": \"NoSuchType\", \"id\": \"a\"}]}";
        Http.Response r = postJson(base + "/v1/evaluate", body.getBytes(StandardCharsets.UTF_8));
        assertEquals(400, r.status());
        assertTrue(r.json().at("/errors/0/path").asText().startsWith("facts[0]"), r.body());
    }

    @Test
    void anOversizedBodyIs413() {
        // far larger than what the JDK server drains (64 KiB) and the socket buffers hold: the client sees
        // the 413 only because the adapter reads and drops the rest of the body
        byte[] big = new byte[4 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) ' ');
        Http.Response r = postJson(base + "/v1/evaluate", big);
        assertEquals(413, r.status());
        assertEquals(
                Diagnostic.Kind.LIMIT.label(), r.json().at("/errors/0/kind").asText());
        Http.Response chunked = Http.postJsonChunked(base + "/v1/evaluate", big);
        assertEquals(413, chunked.status());
        byte[] justUnder = new byte[(int) BODY_LIMIT];
        java.util.Arrays.fill(justUnder, (byte) ' ');
        assertEquals(400, Http.postJsonChunked(base + "/v1/check", justUnder).status(), "at the limit it is read");
    }

    @Test
    void aWrongOrMissingContentTypeIs415() throws Exception {
        byte[] seed = Files.readAllBytes(Path.of(SEED));
        assertEquals(415, post(base + "/v1/evaluate", "text/plain", seed).status());
        assertEquals(415, post(base + "/v1/evaluate", null, seed).status());
        assertEquals(415, post(base + "/v1/check", "application/xml", seed).status());
        assertEquals(
                200,
                post(base + "/v1/evaluate", "application/json; charset=utf-8", seed)
                        .status());
    }

    @Test
    void explainAddsATraceToEveryFinding() throws Exception {
        Http.Response r = postJson(base + "/v1/evaluate?explain=true", Files.readAllBytes(Path.of(SEED)));
        assertEquals(200, r.status(), r.body());
        for (var finding : r.json().at("/reports/0/findings")) {
            assertEquals(
                    finding.get("ruleId").asText(), finding.at("/trace/ruleId").asText());
        }
        Http.Response plain = postJson(base + "/v1/evaluate", Files.readAllBytes(Path.of(SEED)));
        assertTrue(plain.json().at("/reports/0/findings/0/trace").isMissingNode());
        Http.Response bad = postJson(base + "/v1/evaluate?explain=maybe", Files.readAllBytes(Path.of(SEED)));
        assertEquals(400, bad.status());
        assertEquals("request", bad.json().at("/errors/0/kind").asText());
    }

    @Test
    void checkReturnsExactlyTheDocumentTheCliPrints() throws Exception {
        Path broken = Path.of("src/test/resources/bad/facts/amount-as-string.json");
        for (Path input : List.of(Path.of(SEED), broken)) {
            TestFiles.Run cli = TestFiles.cli("check", "--format", "json", input.toString());
            Http.Response http = postJson(base + "/v1/check?name=" + input, Files.readAllBytes(input));
            assertEquals(cli.code() == 0 ? 200 : 400, http.status(), http.body());
            // byte for byte, but for the newline the CLI ends its output with
            assertEquals(cli.out().stripTrailing(), http.body());
            assertEquals(Http.JSON.readTree(cli.out()), http.json());
        }
    }

    @Test
    void checkValidatesWithoutEvaluating() throws Exception {
        Http.Response ok = postJson(base + "/v1/check", Files.readAllBytes(Path.of(SEED)));
        assertEquals(200, ok.status(), ok.body());
        assertTrue(ok.json().get("ok").asBoolean());
        assertEquals(0, ok.json().get("errors").size());
        // the fields /v1/check had before it became the check document: old clients read them
        JsonNode seed = Http.JSON.readTree(Files.readAllBytes(Path.of(SEED)));
        assertEquals(seed.get("id").asText(), ok.json().get("id").asText());
        assertEquals(seed.get("facts").size(), ok.json().get("facts").asInt());
        assertEquals(
                ok.json().at("/rules/hash").asText(), ok.json().get("rulesHash").asText());
        Http.Response bad = postJson(
                base + "/v1/check?name=mine.json", "{\"lodestone\": 1, \"facts\": [".getBytes(StandardCharsets.UTF_8));
        assertEquals(400, bad.status());
        assertFalse(bad.json().get("ok").asBoolean());
        assertEquals("mine.json", bad.json().at("/errors/0/file").asText());
        assertEquals(1, bad.json().at("/errors/0/line").asInt());
        assertTrue(bad.json().get("id").isNull());
        assertEquals(ok.json().get("rulesHash"), bad.json().get("rulesHash"));
    }

    @Test
    void rulesListsEveryRuleWithItsMetadataAndTheHash() {
        Http.Response r = get(base + "/v1/rules");
        assertEquals(200, r.status());
        JsonNode json = r.json();
        assertTrue(json.get("hash").asText().startsWith("sha256:"));
        assertEquals(json.get("count").asInt(), json.get("rules").size());
        List<String> ids = StreamSupport.stream(json.get("rules").spliterator(), false)
                .map(n -> n.get("id").asText())
                .toList();
        assertTrue(ids.contains("RISK-OCCUPIED-DEPOSIT"), ids.toString());
        JsonNode occupied = json.get("rules").get(ids.indexOf("RISK-OCCUPIED-DEPOSIT"));
        assertEquals("RISK", occupied.get("category").asText());
        assertEquals("high", occupied.get("severity").asText());
        assertTrue(json.get("lastError").isNull());
    }

    @Test
    void healthMetricsAndUnknownRoutes() throws Exception {
        assertEquals("ok", get(base + "/healthz").json().get("status").asText());
        assertEquals(405, get(base + "/v1/evaluate").status());
        assertEquals(404, get(base + "/v2/nothing").status());
        postJson(base + "/v1/evaluate", Files.readAllBytes(Path.of(SEED)));
        String metrics = get(base + "/metrics").body();
        assertTrue(metricValue(metrics, "lodestone_evaluations_total") >= 1, metrics);
        assertTrue(metricValue(metrics, "lodestone_evaluate_duration_seconds_count") >= 1, metrics);
        assertTrue(metricValue(metrics, "lodestone_evaluate_duration_seconds_bucket{le=\"+Inf\"}") >= 1, metrics);
        assertTrue(metricValue(metrics, "lodestone_errors_total{status=\"404\"}") >= 1, metrics);
        assertEquals(1, metricValue(metrics, "lodestone_rules_reloads_total{result=\"success\"}"));
    }

    static double metricValue(String text, String series) {
        return text.lines()
                .filter(l -> l.startsWith(series + " "))
                .findFirst()
                .map(l -> Double.parseDouble(l.substring(series.length() + 1)))
                .orElse(-1.0);
    }

    @Test
    void everythingIs503WhileNoRuleSetIsLoaded() throws Exception {
        Diagnostic broken = Diagnostic.rule(Diagnostic.Kind.RULE_SYNTAX, Location.at("x/r.drl", 3, 1), "bad");
        LiveRules none = new LiveRules(
                () -> {
                    throw new RulesException(List.of(broken));
                },
                new PrintWriter(new StringWriter()));
        assertFalse(none.reload());
        try (LodestoneServer s =
                LodestoneServer.start(none, LodestoneServer.Config.loopback(), new PrintWriter(new StringWriter()))) {
            Http.Response r = postJson(s.baseUrl() + "/v1/evaluate", Files.readAllBytes(Path.of(SEED)));
            assertEquals(503, r.status());
            assertEquals("x/r.drl", r.json().at("/errors/0/file").asText());
            assertEquals(3, r.json().at("/errors/0/line").asInt());
            assertEquals(
                    503,
                    postJson(s.baseUrl() + "/v1/check", "{}".getBytes(StandardCharsets.UTF_8))
                            .status());
            assertEquals(503, get(s.baseUrl() + "/healthz").status());
            JsonNode rules = get(s.baseUrl() + "/v1/rules").json();
            assertNotNull(rules.get("lastError").get("errors"));
            assertEquals(
                    Diagnostic.Kind.RULE_SYNTAX.label(),
                    rules.at("/lastError/errors/0/kind").asText());
        }
    }

    @Test
    void concurrentRequestsAllSucceed() throws Exception {
        byte[] seed = Files.readAllBytes(Path.of(SEED));
        List<Thread> threads = new ArrayList<>();
        List<Integer> statuses = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < 4; t++) {
            Thread th = new Thread(() -> {
                for (int i = 0; i < 3; i++) {
                    statuses.add(postJson(base + "/v1/evaluate", seed).status());
                }
            });
            threads.add(th);
            th.start();
        }
        for (Thread th : threads) {
            th.join(60_000);
        }
        assertEquals(12, statuses.size());
        assertTrue(statuses.stream().allMatch(s -> s == 200), statuses.toString());
    }
}
