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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void theBundledRulesAndFactsAreClean() throws Exception {
        Run run = cli("check", "--format", "json");
        assertEquals(ExitCodes.OK, run.code(), run.out() + run.err());
        JsonNode out = JSON.readTree(run.out());
        assertTrue(out.get("ok").asBoolean());
        assertTrue(out.get("rules").get("count").asInt() > 0);
        assertTrue(texts(out.get("files")).contains("facts/us-ua-minerals-2025-02.json"), run.out());
        assertEquals(0, out.get("errors").size());
    }

    @Test
    void everyProblemOfEveryFactSetIsListedWithoutEvaluating() throws Exception {
        String rules = miniRules(tmp.resolve("rules")).toString();
        write(tmp.resolve("sets/good.json"), "{\"lodestone\": 1, \"facts\": [{\"type\": \"Item\", \"id\": \"a\"}]}");
        write(tmp.resolve("sets/syntax.json"), "{\"lodestone\": 1,\n \"facts\": [}");
        write(tmp.resolve("sets/shape.json"), """
                {"lodestone": 1, "facts": [
                  {"type": "Itme", "id": "a"},
                  {"type": "Item", "id": "b", "amount": "lots"}]}
                """);
        Run run = cli(
                "check",
                "--rules",
                rules,
                "--format",
                "json",
                tmp.resolve("sets").toString());
        assertEquals(ExitCodes.LOAD_ERROR, run.code(), run.err());
        JsonNode out = JSON.readTree(run.out());
        assertFalse(out.get("ok").asBoolean());
        assertEquals(3, out.get("files").size());
        List<String> got = new ArrayList<>();
        out.get("errors")
                .forEach(e -> got.add(Path.of(e.get("file").asText()).getFileName() + ":"
                        + e.get("line").asInt() + " " + e.get("kind").asText() + " "
                        + e.get("path").asText()));
        assertEquals(
                List.of(
                        "shape.json:2 fact-type facts[0].type",
                        "shape.json:3 fact-value facts[1].amount",
                        "syntax.json:2 json-syntax null"),
                got);
        assertTrue(out.findValues("findings").isEmpty(), "nothing is evaluated");

        Run text = cli("check", "--rules", rules, tmp.resolve("sets").toString());
        assertEquals(ExitCodes.LOAD_ERROR, text.code());
        assertTrue(
                text.out().lines().anyMatch(l -> l.matches(".*shape\\.json:3:\\d+: error: facts\\[1\\]\\.amount: .*")),
                text.out());
    }

    @Test
    void ruleErrorsOfAllFilesAreListedInCompilerForm() throws Exception {
        Path rules = tmp.resolve("rules");
        write(rules.resolve("a.drl"), """
                package a;
                declare Thing
                    id : String
                end
                rule "r"
                    @id("R") @category("RISK") @severity("low")
                when
                    Thing( nme == "x" )
                then
                end
                """);
        write(rules.resolve("b.drl"), """
                package a;
                rule "s"
                    @id("S") @category("RISK") @severity("low")
                when
                    $t : Thing( id = "x" )
                then
                end
                """);
        Run run = cli("check", "--rules", rules.toString(), tmp.toString());
        assertEquals(ExitCodes.LOAD_ERROR, run.code());
        List<String> lines =
                run.out().lines().filter(l -> l.contains(": error: ")).toList();
        assertEquals(2, lines.size(), run.out());
        assertTrue(lines.get(0).matches(".*a\\.drl:8:12: error: .*nme.*\\(rule r\\)"), lines.get(0));
        assertTrue(lines.get(1).matches(".*b\\.drl:5:20: error: .*\\(rule s\\)"), lines.get(1));
    }

    @Test
    void anUnknownFormatIsAUsageError() {
        assertEquals(ExitCodes.USAGE, cli("check", "--format", "yaml").code());
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
