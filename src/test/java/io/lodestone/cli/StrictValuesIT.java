package io.lodestone.cli;

import static io.lodestone.TestFiles.cli;
import static io.lodestone.TestFiles.copyTree;
import static io.lodestone.TestFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lodestone.TestFiles.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Declared values through the commands: every problem at once, warnings, and --strict on evaluate, check and test. */
class StrictValuesIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Three errors (status, share, country) and two warnings (two resource words) in one file. */
    private static final String FIVE_MISTAKES = """
            {"lodestone": 1, "facts": [
              {"type": "Country", "id": "cn"},
              {"type": "Deal", "id": "d1", "parties": ["us", "ua"], "status": "sigend", "resources": ["rare-earth", "galium"]},
              {"type": "MarketShare", "id": "m1", "country": "chn", "commodity": "gallium", "stage": "refining", "share": 98}
            ]}
            """;

    private static final String ONE_WARNING = """
            {"lodestone": 1, "facts": [
              {"type": "Deal", "id": "d1", "parties": ["us", "ua"], "status": "signed", "resources": ["galium"]}
            ]}
            """;

    @TempDir
    Path tmp;

    @Test
    void checkListsEveryValueProblemOfAFileAtOnce() throws Exception {
        Path file = write(tmp.resolve("five.json"), FIVE_MISTAKES);
        Run run = cli("check", "--format", "json", file.toString());
        assertEquals(ExitCodes.LOAD_ERROR, run.code(), run.err());
        JsonNode out = JSON.readTree(run.out());
        assertEquals(List.of("facts[1].status", "facts[2].share", "facts[2].country"), paths(out.get("errors")));
        assertEquals(List.of("facts[1].resources[0]", "facts[1].resources[1]"), paths(out.get("warnings")));

        Run strict = cli("check", "--strict", "--format", "json", file.toString());
        assertEquals(5, JSON.readTree(strict.out()).get("errors").size(), strict.out());
    }

    @Test
    void aWarningIsEvaluatedUnlessStrict() throws Exception {
        Path file = write(tmp.resolve("warn.json"), ONE_WARNING);
        Run check = cli("check", file.toString());
        assertEquals(ExitCodes.OK, check.code(), check.out());
        assertTrue(check.out().contains("warning: facts[0].resources[0]"), check.out());
        assertEquals(
                ExitCodes.LOAD_ERROR, cli("check", "--strict", file.toString()).code());

        Run evaluate = cli("evaluate", "--format", "json", file.toString());
        assertEquals(ExitCodes.OK, evaluate.code(), evaluate.err());
        JsonNode report = JSON.readTree(evaluate.out());
        assertEquals(1, report.get("reports").size());
        assertEquals("fact-vocabulary", report.at("/warnings/0/kind").asText());

        Run strict = cli("evaluate", "--strict", "--format", "json", file.toString());
        assertEquals(ExitCodes.LOAD_ERROR, strict.code());
        JsonNode refused = JSON.readTree(strict.out());
        assertEquals(0, refused.get("reports").size(), "nothing is evaluated on a misread value");
        assertEquals("facts[0].resources[0]", refused.at("/errors/0/path").asText());
    }

    @Test
    void testFailsACaseWithAVocabularyWarningOnlyUnderStrict() throws Exception {
        Path rules = copyTree(Path.of("rules"), tmp.resolve("rules"));
        try (var cases = Files.list(rules.resolve("minerals/tests"))) {
            for (Path p : cases.toList()) {
                Files.delete(p);
            }
        }
        write(rules.resolve("minerals/tests/galium.facts.json"), ONE_WARNING);
        write(
                rules.resolve("minerals/tests/galium.expect.json"),
                "{\"mustNot\": [{\"ruleId\": \"RISK-ADVERSARY-DOMINANCE\"}]}");
        Run lenient = cli("test", "--rules", rules.toString(), "--no-rule-cache", rules.toString());
        assertEquals(ExitCodes.OK, lenient.code(), lenient.out() + lenient.err());
        Run strict = cli("test", "--rules", rules.toString(), "--no-rule-cache", "--strict", rules.toString());
        assertFalse(strict.code() == ExitCodes.OK, strict.out());
        assertTrue(strict.out().contains("facts[0].resources[0]"), strict.out());
    }

    @Test
    void checkCountsSourcesWhoseQuotesAreAndAreNotChecked() throws Exception {
        Run run = cli("check", "--format", "json", "facts/us-ua-minerals-2025-02.json");
        assertEquals(ExitCodes.OK, run.code(), run.out());
        JsonNode quotes = JSON.readTree(run.out()).get("quotes");
        assertEquals(1, quotes.get("sourcesWithText").asInt());
        assertTrue(quotes.get("sourcesWithoutText").asInt() > 0);
    }

    private static List<String> paths(JsonNode errors) {
        List<String> out = new ArrayList<>();
        errors.forEach(e -> out.add(e.get("path").asText()));
        return out;
    }
}
