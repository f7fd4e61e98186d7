package io.lodestone.server;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.lodestone.Lodestone;
import io.lodestone.TestFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bounded loopback attacks from the reliability review (F1, F2, F3, F25, F32, F33, F36): slow headers,
 * slow bodies, bad chunks, absurd lengths and expensive requests leave {@code /healthz} answering
 * within 1 s, and every refusal is the documented JSON. Loopback only; each attack is a few dozen
 * sockets at most, and the whole class is bounded by {@link Timeout}.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class HostileClientIT {
    static final String SEED = "facts/us-ua-minerals-2025-02.json";
    static final Duration HEADER_TIMEOUT = Duration.ofSeconds(1);
    static final Duration BODY_TIMEOUT = Duration.ofSeconds(2);
    static final HttpClient PROBE = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(1))
            .build();

    @TempDir
    static Path tmp;

    static LodestoneServer server;
    static String base;

    @BeforeAll
    static void start() throws Exception {
        // "expensive" is a rule that holds its evaluation thread for 1.5 s, without burning a core
        TestFiles.write(tmp.resolve("rules/slow.drl"), """
                package slow;
                import io.lodestone.api.Finding;
                declare Item
                    id : String
                end
                rule "Slow rule"
                    @id("RISK-SLOW") @category("RISK") @severity("low")
                when
                    $i : Item()
                then
                    Thread.sleep(1500);
                    insert(new Finding("Item " + $i.getId() + " was slow.", $i));
                end
                """);
        LiveRules live = new LiveRules(
                Lodestone.builder(tmp.resolve("rules")).isolateRules(true)::build, new PrintWriter(new StringWriter()));
        assertTrue(live.reload());
        LodestoneServer.Config config = new LodestoneServer.Config("127.0.0.1", 0, 64 * 1024, 2)
                .withEvaluations(2, 2, 50, 4096)
                .withConnections(256, HEADER_TIMEOUT, BODY_TIMEOUT, Duration.ofSeconds(5));
        server = LodestoneServer.start(live, config, new PrintWriter(new StringWriter()));
        base = server.baseUrl();
    }

    @AfterAll
    static void stop() {
        server.stop(Duration.ofSeconds(1));
    }

    /** /healthz answers 200 to a client that waits at most 1 s (a few tries, so one GC pause is not a failure). */
    static void healthzAnswersWithinOneSecond() {
        await("healthz within 1 s")
                .atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(100))
                .ignoreExceptions()
                .until(() -> PROBE.send(
                                        HttpRequest.newBuilder(URI.create(base + "/healthz"))
                                                .timeout(Duration.ofSeconds(1))
                                                .GET()
                                                .build(),
                                        HttpResponse.BodyHandlers.ofString())
                                .statusCode()
                        == 200);
    }

    static Socket open() throws IOException {
        Socket s = new Socket(java.net.InetAddress.getLoopbackAddress(), server.port());
        s.setSoTimeout(15_000); // every read in these tests is bounded
        return s;
    }

    /** Everything the server sends until it closes the connection (or the bounded read times out). */
    static String readAll(Socket s) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        InputStream in = s.getInputStream();
        byte[] buf = new byte[8192];
        try {
            int n;
            while ((n = in.read(buf)) > 0) {
                out.write(buf, 0, n);
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError(
                    "the server neither answered nor closed the connection; got so far: "
                            + out.toString(StandardCharsets.ISO_8859_1),
                    e);
        } catch (IOException e) {
            // a reset after the answer counts as closed
        }
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    static int status(String raw) {
        assertTrue(raw.startsWith("HTTP/1.1 "), "no HTTP answer: " + raw);
        return Integer.parseInt(raw.substring(9, 12));
    }

    static JsonNode jsonBody(String raw) throws IOException {
        int at = raw.indexOf("\r\n\r\n");
        assertTrue(at > 0, raw);
        assertTrue(
                raw.substring(0, at).toLowerCase(java.util.Locale.ROOT).contains("content-type: application/json"),
                raw);
        return Http.JSON.readTree(raw.substring(at + 4));
    }

    static Socket send(String head) throws IOException {
        Socket s = open();
        s.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
        s.getOutputStream().flush();
        return s;
    }

    @Test
    void slowHeadersNeitherStallTheServerNorStayOpen() throws Exception {
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < 50; i++) {
                slow.add(send(i % 2 == 0 ? "G" : "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Drip: a"));
            }
            healthzAnswersWithinOneSecond();
            for (Socket s : slow) {
                String answer = readAll(s); // returns once the server closes it, after the header timeout
                assertTrue(answer.isEmpty() || status(answer) >= 400, answer);
            }
        } finally {
            for (Socket s : slow) {
                s.close();
            }
        }
    }

    @Test
    void aSlowBodyGets408AndDoesNotStallTheServer() throws Exception {
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                slow.add(send("POST /v1/evaluate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 1000\r\n\r\n{\"lodestone\""));
            }
            healthzAnswersWithinOneSecond();
            for (Socket s : slow) {
                String answer = readAll(s);
                assertEquals(408, status(answer), answer);
                assertEquals("request", jsonBody(answer).at("/errors/0/kind").asText());
            }
        } finally {
            for (Socket s : slow) {
                s.close();
            }
        }
    }

    @Test
    @SuppressWarnings("StringConcatToTextBlock") // raw HTTP: the CRLFs are the point
    void badChunksAndAbsurdLengthsAreAnsweredInJsonAndClosed() throws Exception {
        List<Socket> bad = new ArrayList<>();
        try {
            for (int i = 0; i < 6; i++) {
                bad.add(send("POST /v1/evaluate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                        + "Transfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n"));
            }
            Socket huge = send("POST /v1/evaluate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 1000000000000000000\r\n\r\n{");
            bad.add(huge);
            healthzAnswersWithinOneSecond();
            for (Socket s : bad.subList(0, 6)) {
                String answer = readAll(s);
                assertEquals(400, status(answer), answer);
                assertEquals("request", jsonBody(answer).at("/errors/0/kind").asText());
            }
            String answer = readAll(huge);
            assertEquals(413, status(answer), answer);
            assertEquals("limit", jsonBody(answer).at("/errors/0/kind").asText());
        } finally {
            for (Socket s : bad) {
                s.close();
            }
        }
    }

    @Test
    void malformedRequestsGetJsonNotHtml() throws Exception {
        // F32/F36: bad percent-encoding, a header over the limit, a bad Content-Length, LF-only line endings
        List<String> requests = List.of(
                "GET /v1/rules?name=%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(64 * 1024) + "\r\nConnection: close\r\n\r\n",
                "GET /" + "a".repeat(64 * 1024) + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                "POST /v1/check HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: abc\r\n\r\n",
                "GET //healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                "GET /healthz HTTP/1.1\nHost: x\nConnection: close\n\n");
        for (String request : requests) {
            try (Socket s = send(request)) {
                String answer = readAll(s);
                int status = status(answer);
                if (status != 200) {
                    assertTrue(status >= 400 && status < 500, answer);
                    assertTrue(jsonBody(answer).get("errors").isArray(), answer);
                }
            }
        }
    }

    @Test
    void eightExpensiveRequestsAreBoundedAndHealthzStillAnswers() throws Exception {
        byte[] body = "{\"lodestone\": 1, \"id\": \"s\", \"facts\": [{\"type\": \"Item\", \"id\": \"a\"}]}"
                .getBytes(StandardCharsets.UTF_8);
        HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            calls.add(client.sendAsync(
                    HttpRequest.newBuilder(URI.create(base + "/v1/evaluate"))
                            .timeout(Duration.ofSeconds(30))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> server.inFlight() >= 2);
        healthzAnswersWithinOneSecond();
        int ok = 0;
        int busy = 0;
        for (CompletableFuture<HttpResponse<String>> call : calls) {
            HttpResponse<String> r = call.get(30, TimeUnit.SECONDS);
            if (r.statusCode() == 503) {
                busy++;
                assertEquals("1", r.headers().firstValue("Retry-After").orElse(null));
                assertEquals(
                        "unavailable",
                        Http.JSON.readTree(r.body()).at("/errors/0/kind").asText());
            } else {
                assertEquals(200, r.statusCode(), r.body());
                ok++;
            }
        }
        // 2 running + 2 waiting at most: the rest are refused at once rather than queued without end
        assertTrue(busy >= 4 && ok >= 2 && ok + busy == 8, ok + " answered, " + busy + " refused");
    }

    @Test
    void factAndResponseCapsAre413() throws Exception {
        StringBuilder many = new StringBuilder("{\"lodestone\": 1, \"id\": \"m\", \"facts\": [");
        for (int i = 0; i < 51; i++) {
            many.append(i == 0 ? "" : ",")
                    .append("{\"type\": \"Item\", \"id\": \"i")
                    .append(i)
                    .append("\"}");
        }
        Http.Response tooMany = Http.postJson(
                base + "/v1/evaluate", many.append("]}").toString().getBytes(StandardCharsets.UTF_8));
        assertEquals(413, tooMany.status(), tooMany.body());
        assertEquals("limit", tooMany.json().at("/errors/0/kind").asText());
        // the 4 KiB response cap: a fact set whose id is echoed back at 5 KB
        String longId = "x".repeat(5000);
        Http.Response big = Http.postJson(
                base + "/v1/evaluate",
                ("{\"lodestone\": 1, \"id\": \"" + longId + "\", \"facts\": []}").getBytes(StandardCharsets.UTF_8));
        assertEquals(413, big.status(), big.body());
        assertEquals("limit", big.json().at("/errors/0/kind").asText());
    }

    @Test
    void aBodyIsDecodedWithTheCharsetItsHeaderNames() throws Exception {
        byte[] latin1 =
                "{\"lodestone\": 1, \"id\": \"caf\u00e9\", \"facts\": []}".getBytes(StandardCharsets.ISO_8859_1);
        Http.Response r = Http.post(base + "/v1/evaluate", "application/json; charset=iso-8859-1", latin1);
        assertEquals(200, r.status(), r.body());
        assertEquals("caf\u00e9", r.json().at("/reports/0/id").asText());
        Http.Response unknown = Http.post(base + "/v1/check", "application/json; charset=x-no-such", latin1);
        assertEquals(415, unknown.status(), unknown.body());
        assertEquals(
                415,
                Http.post(base + "/v1/check", "text/plain", Files.readAllBytes(Path.of(SEED)))
                        .status());
    }

    @Test
    void aSecondDocumentInTheBodyIs400NotIgnored() {
        byte[] two = "{\"lodestone\": 1, \"id\": \"a\", \"facts\": []}{\"lodestone\": 1, \"id\": \"b\", \"facts\": []}"
                .getBytes(StandardCharsets.UTF_8);
        Http.Response r = Http.postJson(base + "/v1/check", two);
        assertEquals(400, r.status(), r.body());
        assertEquals("json-syntax", r.json().at("/errors/0/kind").asText());
        assertEquals(1, r.json().at("/errors/0/line").asInt());
    }

    @Test
    void whatHeldBeforeStillHolds() throws Exception {
        // review H11-H14: HEAD, wrong methods and unknown paths keep their answers on the new transport
        try (Socket s = send("HEAD /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")) {
            String answer = readAll(s);
            assertEquals(200, status(answer));
            assertTrue(answer.endsWith("\r\n\r\n"), "no body: " + answer);
        }
        assertEquals(405, Http.get(base + "/v1/evaluate").status());
        assertEquals(404, Http.get(base + "/v2/nothing").status());
        assertEquals(
                "request",
                Http.get(base + "/v2/nothing").json().at("/errors/0/kind").asText());
        try (Socket s = send("GET /../../etc/passwd HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")) {
            String answer = readAll(s);
            assertTrue(status(answer) == 400 || status(answer) == 404, answer);
            assertTrue(jsonBody(answer).get("errors").isArray());
        }
    }
}
