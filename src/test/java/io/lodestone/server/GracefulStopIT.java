package io.lodestone.server;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lodestone.Lodestone;
import io.lodestone.TestFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stopping lets the request in flight finish and refuses new connections. */
class GracefulStopIT {
    /** Far longer than the test: stop must return because the request ended, not because this ran out. */
    private static final Duration DEADLINE = Duration.ofMinutes(5);

    @TempDir
    Path tmp;

    @Test
    void inFlightRequestsFinishAndNewConnectionsAreRefused() throws Exception {
        TestFiles.write(tmp.resolve("slow/slow.drl"), """
                package slow;
                import io.lodestone.api.Finding;
                import io.lodestone.server.RuleGate;
                declare Item
                    id : String
                end
                rule "Slow rule"
                    @id("RISK-SLOW") @category("RISK") @severity("low")
                when
                    $i : Item()
                then
                    RuleGate.pass();
                    insert(new Finding("Item " + $i.getId() + " was slow.", $i));
                end
                """);
        RuleGate.reset();
        LiveRules live = new LiveRules(Lodestone.builder(tmp)::build, new PrintWriter(new StringWriter()));
        assertTrue(live.reload());
        LodestoneServer server =
                LodestoneServer.start(live, LodestoneServer.Config.loopback(), new PrintWriter(new StringWriter()));
        String base = server.baseUrl();
        byte[] body = "{\"lodestone\": 1, \"id\": \"s\", \"facts\": [{\"type\": \"Item\", \"id\": \"a\"}]}"
                .getBytes(StandardCharsets.UTF_8);
        CompletableFuture<Http.Response> inFlight =
                CompletableFuture.supplyAsync(() -> Http.postJson(base + "/v1/evaluate", body));
        try {
            await("the request to reach the rule")
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> RuleGate.occupied() && server.inFlight() == 1);

            CompletableFuture<Void> stopping = CompletableFuture.runAsync(() -> server.stop(DEADLINE));
            await("the listening socket to close")
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> refuses(server.port()));
            assertFalse(inFlight.isDone(), "the request is still held at the gate");
            assertFalse(stopping.isDone(), "stop waits for the request in flight");

            RuleGate.release();
            Http.Response r = inFlight.get(30, TimeUnit.SECONDS);
            assertEquals(200, r.status(), r.body());
            assertEquals(
                    "RISK-SLOW", r.json().at("/reports/0/findings/0/ruleId").asText());
            stopping.get(30, TimeUnit.SECONDS); // returns once the request is answered, long before DEADLINE
            assertThrows(IOException.class, () -> new Socket(InetAddress.getLoopbackAddress(), server.port()).close());
        } finally {
            RuleGate.release();
        }
    }

    private static boolean refuses(int port) {
        try {
            new Socket(InetAddress.getLoopbackAddress(), port).close();
            return false;
        } catch (IOException e) {
            return true;
        }
    }
}
