package io.lodestone.cli;

import static io.lodestone.TestFiles.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lodestone.TestFiles;
import io.lodestone.TestFiles.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestCommandIT {
    @Test
    void theBundledCasesPass() {
        Run run = cli("test");
        assertEquals(ExitCodes.OK, run.code(), run.out() + run.err());
        assertTrue(run.out().strip().matches("(?s).*\\n\\d+ passed, 0 failed"), run.out());
    }

    @Test
    void aBrokenRuleFailsItsCaseWithADiffNamingTheMissingFinding(@TempDir Path tmp) throws Exception {
        Path rules = TestFiles.copyTree(Path.of("rules"), tmp.resolve("rules"));
        Path risk = rules.resolve("minerals/risk.drl");
        String original = Files.readString(risk);
        String broken = original.replace(
                "DepositInScope( deal == $d, occupied == true )", "DepositInScope( deal == $d, occupied == false )");
        assertTrue(!broken.equals(original), "the test must actually break the rule");
        Files.writeString(risk, broken);
        Run run = cli("test", "--rules", rules.toString(), rules.toString());
        assertEquals(ExitCodes.FINDINGS, run.code(), run.out());
        assertTrue(run.out().contains("FAIL  " + rules.resolve("minerals/tests/risk-occupied-deposit")), run.out());
        assertTrue(run.out().contains("missing     RISK-OCCUPIED-DEPOSIT citing [deal-1, dep-1]"), run.out());
        assertTrue(run.out().strip().endsWith("failed") && !run.out().contains(" 0 failed"), run.out());
    }

    @Test
    void coverageListsEveryRuleAndReportsRulesNoCaseExercises(@TempDir Path tmp) throws Exception {
        Path rules = TestFiles.copyTree(Path.of("rules"), tmp.resolve("rules"));
        TestFiles.write(rules.resolve("minerals/untested.drl"), """
                package minerals;
                import io.lodestone.api.Finding;
                rule "Nobody tests me"
                    @id("RISK-UNTESTED") @category("RISK") @severity("low")
                when
                    Deal( status == "no-case-has-this-status" )
                then
                end
                """);
        Run run =
                cli("test", "--rules", rules.toString(), "--format", "json", "--coverage-min", "100", rules.toString());
        assertEquals(ExitCodes.FINDINGS, run.code(), "coverage below the minimum fails the run");
        JsonNode out = new ObjectMapper().readTree(run.out());
        JsonNode coverage = out.get("coverage");
        assertTrue(coverage.get("percent").asDouble() < 100);
        boolean listed = false;
        for (JsonNode r : coverage.get("rules")) {
            assertTrue(r.has("firedIn") && r.has("guardedIn"));
            if (r.get("id").asText().equals("RISK-UNTESTED")) {
                listed = true;
                assertEquals(0, r.get("firedIn").asInt());
            }
        }
        assertTrue(listed);
        Run text = cli("test", "--rules", rules.toString(), "--coverage", rules.toString());
        assertTrue(text.out().contains("fired in no case: RISK-UNTESTED"), text.out());
    }

    @Test
    void aMalformedExpectationIsALoadError(@TempDir Path tmp) throws Exception {
        TestFiles.write(tmp.resolve("x.facts.json"), "{\"lodestone\": 1, \"facts\": []}");
        TestFiles.write(tmp.resolve("x.expect.json"), "{\"must\": [{\"rule\": \"oops\"}]}");
        Run run = cli("test", tmp.toString());
        assertEquals(ExitCodes.LOAD_ERROR, run.code(), run.out());
        assertTrue(run.out().contains("x.expect.json:1:"), run.out());
    }
}
