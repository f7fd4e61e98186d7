package io.lodestone.server;

import static io.lodestone.server.Http.get;
import static io.lodestone.server.Http.postJson;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lodestone.Lodestone;
import io.lodestone.TestFiles;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Editing the rules under a watching server while requests are running. */
class HotReloadIT {
    static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path tmp;

    @Test
    void aGoodEditIsSwappedInWithoutFailingARequestAndABrokenOneIsReportedAndIgnored() throws Exception {
        Path rulesDir = TestFiles.copyTree(Path.of("rules"), tmp.resolve("rules"));
        Path riskDrl = rulesDir.resolve("minerals/risk.drl");
        String original = Files.readString(riskDrl);
        StringWriter log = new StringWriter();
        LiveRules live = new LiveRules(Lodestone.builder(rulesDir)::build, new PrintWriter(log, true));
        assertTrue(live.reload());
        String oldHash = live.current().rulesHash();
        byte[] seed = Files.readAllBytes(Path.of("facts/us-ua-minerals-2025-02.json"));

        try (RulesWatcher watcher = RulesWatcher.start(rulesDir, live, Duration.ofMillis(100), new PrintWriter(log));
                LodestoneServer server =
                        LodestoneServer.start(live, LodestoneServer.Config.loopback(), new PrintWriter(log))) {
            assertEquals(rulesDir, watcher.root());
            String base = server.baseUrl();
            AtomicBoolean running = new AtomicBoolean(true);
            Set<String> hashesSeen = ConcurrentHashMap.newKeySet();
            List<String> failures = new CopyOnWriteArrayList<>();
            List<String> ratificationSeverities = new CopyOnWriteArrayList<>();
            List<Thread> clients = new ArrayList<>();
            for (int c = 0; c < 2; c++) {
                Thread t = new Thread(
                        () -> {
                            while (running.get()) {
                                try {
                                    Http.Response r = postJson(base + "/v1/evaluate", seed);
                                    if (r.status() != 200) {
                                        failures.add(r.status() + " " + r.body());
                                        continue;
                                    }
                                    String hash = r.json().at("/rules/hash").asText();
                                    hashesSeen.add(hash);
                                    if (!hash.equals(oldHash)) {
                                        r.json().at("/reports/0/findings").forEach(f -> {
                                            if (f.get("ruleId").asText().equals("RISK-RATIFICATION-PENDING")) {
                                                ratificationSeverities.add(
                                                        f.get("severity").asText());
                                            }
                                        });
                                    }
                                } catch (RuntimeException e) {
                                    failures.add(e.toString());
                                }
                            }
                        },
                        "reload-client-" + c);
                clients.add(t);
                t.start();
            }
            try {
                await("requests on the first rules").atMost(WAIT).until(() -> hashesSeen.contains(oldHash));

                // a good edit: one rule's severity changes
                String edited = original.replaceFirst(
                        "(@id\\(\"RISK-RATIFICATION-PENDING\"\\)\\s*\\n\\s*@category\\(\"RISK\"\\)\\s*\\n\\s*)@severity\\(\"medium\"\\)",
                        "$1@severity(\"critical\")");
                assertTrue(!edited.equals(original), "the edit must change the file");
                Files.writeString(riskDrl, edited);
                await("the edited rules to be served").atMost(WAIT).until(() -> hashesSeen.size() >= 2);
                String newHash = live.current().rulesHash();
                assertTrue(!newHash.equals(oldHash));
                assertEquals(newHash, get(base + "/v1/rules").json().get("hash").asText());
                await("a report from the edited rules").atMost(WAIT).until(() -> !ratificationSeverities.isEmpty());
                assertTrue(
                        ratificationSeverities.stream().allMatch("critical"::equals),
                        ratificationSeverities.toString());

                // a broken edit: reported, and the last good rules keep serving
                Files.writeString(riskDrl, edited + "\nrule \"broken\" when then end oops (\n");
                await("the broken edit to be reported")
                        .atMost(WAIT)
                        .until(() ->
                                !get(base + "/v1/rules").json().get("lastError").isNull());
                Http.Response rules = get(base + "/v1/rules");
                assertEquals(200, rules.status());
                assertEquals(newHash, rules.json().get("hash").asText());
                assertTrue(rules.json().at("/lastError/errors/0/file").asText().endsWith("risk.drl"), rules.body());
                assertEquals(
                        newHash,
                        postJson(base + "/v1/evaluate", seed)
                                .json()
                                .at("/rules/hash")
                                .asText());
                assertTrue(log.toString().contains("rules not reloaded"), log.toString());
                assertTrue(live.failedReloads() >= 1);
            } finally {
                running.set(false);
                for (Thread t : clients) {
                    t.join(30_000);
                }
            }
            assertEquals(List.of(), failures);
        }
    }
}
