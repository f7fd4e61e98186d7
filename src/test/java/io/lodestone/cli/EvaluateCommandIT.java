package io.lodestone.cli;

import static io.lodestone.TestFiles.cli;
import static io.lodestone.TestFiles.miniRules;
import static io.lodestone.TestFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lodestone.TestFiles.Run;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluateCommandIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    String rules;

    @BeforeEach
    void setUp() {
        rules = miniRules(tmp.resolve("rules")).toString();
        write(tmp.resolve("sets/ok.json"), """
                {"lodestone": 1, "id": "ok", "facts": [{"type": "Item", "id": "a", "amount": 150}]}""");
        write(tmp.resolve("sets/clean.json"), """
                {"lodestone": 1, "id": "clean", "facts": [{"type": "Item", "id": "a", "amount": 1}]}""");
    }

    @Test
    void exitsZeroWhenNothingReachesFailOn() {
        Run run = cli(
                "evaluate",
                "--rules",
                rules,
                "--fail-on",
                "high",
                tmp.resolve("sets").toString());
        assertEquals(ExitCodes.OK, run.code(), run.err());
        assertTrue(run.out().contains("RISK-OVER-LIMIT"), run.out());
    }

    @Test
    void exitsOneWhenAFindingReachesFailOn() {
        Run run = cli(
                "evaluate",
                "--rules",
                rules,
                "--fail-on",
                "medium",
                tmp.resolve("sets").toString());
        assertEquals(ExitCodes.FINDINGS, run.code());
    }

    @Test
    void exitsTwoOnUsageErrors() {
        assertEquals(ExitCodes.USAGE, cli("evaluate", "--no-such-flag").code());
        assertEquals(
                ExitCodes.USAGE,
                cli("evaluate", "--rules", rules, "--format", "yaml").code());
        assertEquals(
                ExitCodes.USAGE,
                cli("evaluate", "--rules", rules, "--fail-on", "urgent").code());
        assertEquals(ExitCodes.USAGE, cli().code());
        assertEquals(
                ExitCodes.USAGE,
                cli("evaluate", "--rules", rules, "--max-firings", "0").code());
        assertEquals(
                ExitCodes.USAGE,
                cli("evaluate", "--rules", rules, "--timeout", "soon").code());
    }

    @Test
    void exitsThreeAndStillReportsTheGoodFilesWhenOneCannotBeLoaded() throws Exception {
        write(tmp.resolve("sets/broken.json"), "{\"lodestone\": 1, \"facts\": [");
        Run run = cli(
                "evaluate",
                "--rules",
                rules,
                "--format",
                "json",
                tmp.resolve("sets").toString());
        assertEquals(ExitCodes.LOAD_ERROR, run.code());
        JsonNode out = JSON.readTree(run.out());
        assertEquals(2, out.get("reports").size());
        assertEquals(1, out.get("errors").size());
        assertTrue(out.get("errors").get(0).get("file").asText().endsWith("broken.json"));
        assertEquals("json-syntax", out.get("errors").get(0).get("kind").asText());
        assertTrue(run.err().contains("broken.json:1:"), "errors are repeated on stderr: " + run.err());
    }

    @Test
    void exitsThreeWhenTheRulesDoNotCompile() throws Exception {
        write(tmp.resolve("badrules/x/r.drl"), "package x;\nrule \"r\" when then end oops");
        Run run = cli(
                "evaluate",
                "--rules",
                tmp.resolve("badrules").toString(),
                "--format",
                "json",
                tmp.resolve("sets").toString());
        assertEquals(ExitCodes.LOAD_ERROR, run.code());
        JsonNode out = JSON.readTree(run.out());
        assertEquals(0, out.get("reports").size());
        assertTrue(out.get("errors").size() >= 1);
    }

    @Test
    void jsonOutputFollowsTheContract() throws Exception {
        Run run = cli(
                "evaluate",
                "--rules",
                rules,
                "--format",
                "json",
                tmp.resolve("sets/ok.json").toString());
        JsonNode out = JSON.readTree(run.out());
        assertTrue(out.get("rules").get("hash").asText().startsWith("sha256:"));
        assertEquals(4, out.get("rules").get("count").asInt());
        JsonNode report = out.get("reports").get(0);
        assertEquals("ok", report.get("id").asText());
        JsonNode finding = report.get("findings").get(0);
        assertEquals("RISK-OVER-LIMIT", finding.get("ruleId").asText());
        assertEquals("RISK", finding.get("category").asText());
        assertEquals("medium", finding.get("severity").asText());
        assertEquals("a", finding.get("facts").get(0).asText());
        assertTrue(finding.get("sources").isArray());
        assertEquals(0.0, report.get("alignment").get("score").asDouble());
        assertEquals("not-assessed", report.get("alignment").get("band").asText());
        assertEquals(1, report.get("counts").get("category").get("RISK").asInt());
        assertEquals(1, report.get("counts").get("facts").asInt());
        assertEquals("", run.err());
    }

    @Test
    void globsSelectFiles() throws Exception {
        Run run = cli(
                "evaluate",
                "--rules",
                rules,
                "--format",
                "json",
                tmp.resolve("sets").toString() + "/o*.json");
        JsonNode out = JSON.readTree(run.out());
        assertEquals(1, out.get("reports").size());
        assertEquals("ok", out.get("reports").get(0).get("id").asText());
    }

    @Test
    void quietPrintsNoReport() {
        Run run = cli(
                "evaluate",
                "--rules",
                rules,
                "--quiet",
                "--fail-on",
                "low",
                tmp.resolve("sets").toString());
        assertEquals("", run.out());
        assertEquals(ExitCodes.FINDINGS, run.code());
    }

    @Test
    void helpListsTheExitCodes() {
        Run run = cli("evaluate", "--help");
        assertEquals(0, run.code());
        assertTrue(run.out().contains("Exit codes:") && run.out().contains("3   A rule file"), run.out());
    }

    @Test
    void noAnsiEscapesWhenOutputIsNotATerminal() {
        // the test JVM's stdout is a pipe, so a run without flags must not colour
        assertFalse(cli("evaluate").out().contains("\u001b["));
    }
}
