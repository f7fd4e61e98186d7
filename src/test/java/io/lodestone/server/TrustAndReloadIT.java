package io.lodestone.server;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.lodestone.Lodestone;
import io.lodestone.TestFiles;
import io.lodestone.api.Diagnostic;
import io.lodestone.cli.ExitCodes;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Review F4, F5, F6, F19: the trust boundary enforced where it can be, and a hot reload that recovers. */
class TrustAndReloadIT {
    static final Duration WAIT = Duration.ofSeconds(30);
    static final String DEEP_DRL = "package mini;\nrule \"D\" @id(\"RISK-D\") @category(\"RISK\") @severity(\"info\")\n"
            + "when Item( amount > " + "(".repeat(20_000) + "1" + ")".repeat(20_000) + " ) then end\n";

    @TempDir
    Path tmp;

    private static LiveRules trusting(Path rulesDir, StringWriter log) {
        return new LiveRules(
                () -> {
                    FolderTrust.requireSafe(rulesDir);
                    return Lodestone.builder(rulesDir).build();
                },
                new PrintWriter(log, true));
    }

    @Test
    void aRulesFolderOthersCanWriteIsRefused() throws Exception {
        Path rules = TestFiles.miniRules(tmp.resolve("rules"));
        Files.setPosixFilePermissions(rules.resolve("mini"), PosixFilePermissions.fromString("rwxrwxrwx"));
        LiveRules live = trusting(rules, new StringWriter());
        assertFalse(live.reload());
        Diagnostic error = live.lastFailure().errors().get(0);
        assertEquals(Diagnostic.Kind.IO, error.kind());
        assertTrue(error.file().endsWith("mini"), error.toString());
        TestFiles.Run serve = TestFiles.cli("serve", "--port", "0", "--rules", rules.toString());
        assertEquals(ExitCodes.LOAD_ERROR, serve.code(), serve.err());
        Files.setPosixFilePermissions(rules.resolve("mini"), PosixFilePermissions.fromString("rwxr-xr-x"));
        assertTrue(live.reload(), "once fixed, the rules load");
    }

    @Test
    @SuppressWarnings("try") // the watcher only has to run while the body edits the folder
    void theWatcherSurvivesADeletedAndRecreatedFolderAndACompilerStackOverflow() throws Exception {
        Path rules = TestFiles.miniRules(tmp.resolve("rules"));
        Path backup = TestFiles.copyTree(rules, tmp.resolve("backup"));
        StringWriter log = new StringWriter();
        LiveRules live = trusting(rules, log);
        assertTrue(live.reload());
        try (RulesWatcher watcher =
                RulesWatcher.start(rules, live, Duration.ofMillis(100), new PrintWriter(log, true))) {
            // F5: deleted, then back at the same path
            deleteTree(rules);
            await().atMost(WAIT).until(() -> live.lastFailure() != null);
            TestFiles.copyTree(backup, rules);
            await().atMost(WAIT).until(() -> live.lastFailure() == null && live.reloads() >= 2);
            long reloads = live.reloads();
            Files.writeString(
                    rules.resolve("mini/rules.drl"),
                    Files.readString(rules.resolve("mini/rules.drl")) + "\n// an edit after the folder came back\n");
            await().atMost(WAIT).until(() -> live.reloads() > reloads);

            // F6: 20,000 nested parentheses: a located error, and later edits still reload
            Files.writeString(rules.resolve("mini/deep.drl"), DEEP_DRL);
            await().atMost(WAIT).until(() -> live.lastFailure() != null);
            Diagnostic error = live.lastFailure().errors().get(0);
            assertEquals(Diagnostic.Kind.RULE_SYNTAX, error.kind(), error.toString());
            assertEquals(3, error.line());
            Files.delete(rules.resolve("mini/deep.drl"));
            await().atMost(WAIT).until(() -> live.lastFailure() == null);
        }
    }

    @Test
    void anErrorFromTheCompilerIsALastErrorNotADeadWatcher() {
        LiveRules live = new LiveRules(
                () -> {
                    throw new StackOverflowError();
                },
                new PrintWriter(new StringWriter()));
        assertFalse(live.reload());
        assertEquals(
                Diagnostic.Kind.RULE_COMPILE, live.lastFailure().errors().get(0).kind());
    }

    @Test
    void checkOnDeeplyNestedRulesIsALocatedErrorNotAStackOverflow() {
        Path rules = TestFiles.miniRules(tmp.resolve("rules"));
        TestFiles.write(rules.resolve("mini/deep.drl"), DEEP_DRL);
        TestFiles.Run run =
                TestFiles.cli("check", "--rules", rules.toString(), "--no-rule-cache", "--format", "json", "facts");
        assertEquals(ExitCodes.LOAD_ERROR, run.code(), run.err());
        assertTrue(run.out().contains("rule-syntax"), run.out());
    }

    /** A real server process: a rule that calls System.exit answers with a rule error, and the server lives on. */
    @Test
    void aRuleCallingSystemExitCannotStopTheServer() throws Exception {
        Path rules = TestFiles.miniRules(tmp.resolve("rules"));
        TestFiles.write(rules.resolve("mini/exit.drl"), """
                package mini;
                rule "Exits"
                    @id("RISK-EXIT") @category("RISK") @severity("info")
                when
                    Item( id == "exit" )
                then
                    System.exit(0);
                end
                """);
        Process p = new ProcessBuilder(
                        System.getProperty("java.home") + File.separator + "bin" + File.separator + "java",
                        "-cp",
                        System.getProperty("java.class.path"),
                        "io.lodestone.cli.Main",
                        "serve",
                        "--port",
                        "0",
                        "--rules",
                        rules.toString(),
                        "--no-rule-cache")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.PIPE)
                .start();
        try {
            String base = null;
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            Pattern serving = Pattern.compile("serving (http://\\S+) ");
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            String line;
            while (base == null && System.nanoTime() < end && (line = out.readLine()) != null) {
                Matcher m = serving.matcher(line);
                if (m.find()) {
                    base = m.group(1);
                }
            }
            assertTrue(base != null, "the server started");
            Http.Response r = Http.postJson(
                    base + "/v1/evaluate",
                    ("{\"lodestone\": 1, \"id\": \"x\", \"facts\": "
                                    + "[{\"type\": \"Item\", \"id\": \"exit\", \"amount\": 1}]}")
                            .getBytes(StandardCharsets.UTF_8));
            assertEquals(200, r.status(), r.body());
            JsonNode error = r.json().at("/reports/0/errors/0");
            assertEquals("rule-runtime", error.get("kind").asText(), r.body());
            assertEquals(200, Http.get(base + "/healthz").status());
            assertTrue(p.isAlive());
        } finally {
            p.destroy(); // SIGTERM: still stops the server, as documented
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "SIGTERM still stops it");
        }
    }

    private static void deleteTree(Path dir) throws Exception {
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
