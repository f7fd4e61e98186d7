package io.lodestone.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lodestone.Lodestone;
import io.lodestone.TestFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stopping lets the request in flight finish and refuses new connections. */
class GracefulStopTest {
    @TempDir
    Path tmp;

    @Test
    void inFlightRequestsFinishAndNewConnectionsAreRefused() throws Exception {
        TestFiles.write(tmp.resolve("slow/slow.drl"), """
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
                    Thread.sleep(700);
                    insert(new Finding("Item " + $i.getId() + " was slow.", $i));
                end
                """);
        LiveRules live = new LiveRules(Lodestone.builder(tmp)::build, new PrintWriter(new StringWriter()));
        assertTrue(live.reload());
        LodestoneServer server = LodestoneServer.start(live, LodestoneServer.Config.loopback(),
                new PrintWriter(new StringWriter()));
        String base = server.baseUrl();
        byte[] body = "{\"lodestone\": 1, \"id\": \"s\", \"facts\": [{\"type\": \"Item\", \"id\": \"a\"}]}"
                .getBytes(StandardCharsets.UTF_8);
        CompletableFuture<Http.Response> inFlight = CompletableFuture.supplyAsync(
                () -> Http.postJson(base + "/v1/evaluate", body));
        Http.await(Duration.ofSeconds(10), "the request to start", () -> server.inFlight() == 1);

        long start = System.nanoTime();
        server.stop(Duration.ofSeconds(5));
        long stopMillis = (System.nanoTime() - start) / 1_000_000;

        Http.Response r = inFlight.get(10, TimeUnit.SECONDS);
        assertEquals(200, r.status(), r.body());
        assertEquals("RISK-SLOW", r.json().at("/reports/0/findings/0/ruleId").asText());
        assertTrue(stopMillis < 5000, "stop waited for the request, not for the whole deadline: " + stopMillis);
        assertThrows(IOException.class, () -> new Socket("127.0.0.1", server.port()).close());
    }
}
