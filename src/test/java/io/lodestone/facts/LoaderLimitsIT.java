package io.lodestone.facts;

import static io.lodestone.TestFiles.cli;
import static io.lodestone.TestFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lodestone.Lodestone;
import io.lodestone.TestFiles.Run;
import io.lodestone.api.Diagnostic;
import io.lodestone.api.FactSet;
import io.lodestone.api.FactSetException;
import io.lodestone.api.RunReport;
import io.lodestone.cli.ExitCodes;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --lenient and warnings, @ref fact references, size/depth/number limits, control characters in output. */
class LoaderLimitsIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    Path rules;

    @BeforeEach
    void rules() {
        rules = tmp.resolve("rules");
        write(rules.resolve("r/model.drl"), """
                package r;
                import io.lodestone.api.Finding;
                declare Person
                    id : String
                    name : String
                end
                declare Item
                    id : String
                    amount : Double
                    count : Integer
                    owner : String @ref(Person)
                    related : java.util.List @ref
                end
                rule "Every item"
                    @id("RISK-ITEM") @category("RISK") @severity("low")
                when
                    $i : Item( )
                then
                    insert(new Finding("Item " + $i.getId() + " named " + $i.getId(), $i));
                end
                """);
    }

    private List<Diagnostic> errors(Lodestone lodestone, String json) {
        Path file = write(tmp.resolve("set.json"), json);
        return assertThrows(FactSetException.class, () -> lodestone.load(file)).errors();
    }

    @Test
    void unknownFieldsAreErrorsOrWithLenientWarningsAndTheFieldIsIgnored() throws Exception {
        String json = """
                {"lodestone": 1, "note": "x", "facts": [
                  {"type": "Item", "id": "a", "amont": 3, "colour": "red"}]}
                """;
        List<Diagnostic> strict = errors(Lodestone.fromRules(rules), json);
        assertEquals(
                List.of("note", "facts[0].amont", "facts[0].colour"),
                strict.stream().map(Diagnostic::path).toList(),
                "every unknown field, not only the first");
        FactSet set = Lodestone.builder(rules).lenient(true).build().load(write(tmp.resolve("set.json"), json));
        assertEquals(1, set.facts().size());
        assertEquals(
                List.of("note", "facts[0].amont", "facts[0].colour"),
                set.warnings().stream().map(Diagnostic::path).toList());
        assertEquals(
                List.of(2, 2),
                set.warnings().subList(1, 3).stream().map(Diagnostic::line).toList());
    }

    @Test
    void warningsAreInTheJsonAndTextOutputAndDoNotChangeTheExitCode() throws Exception {
        Path set = write(tmp.resolve("set.json"), """
                {"lodestone": 1, "facts": [{"type": "Item", "id": "a", "amont": 3}]}""");
        Run json = cli("evaluate", "--rules", rules.toString(), "--lenient", "--format", "json", set.toString());
        assertEquals(ExitCodes.OK, json.code(), json.err());
        JsonNode out = JSON.readTree(json.out());
        assertEquals(1, out.get("reports").size());
        assertEquals("facts[0].amont", out.get("warnings").get(0).get("path").asText());
        assertEquals(0, out.get("errors").size());
        Run text = cli("evaluate", "--rules", rules.toString(), "--lenient", set.toString());
        assertTrue(text.out().contains(": warning: facts[0].amont"), text.out());
        Run strict = cli("evaluate", "--rules", rules.toString(), set.toString());
        assertEquals(ExitCodes.LOAD_ERROR, strict.code());
    }

    @Test
    void referenceFieldsMustNameFactsOfTheRightTypeInTheSet() throws Exception {
        List<Diagnostic> got = errors(Lodestone.fromRules(rules), """
                {"lodestone": 1, "facts": [
                  {"type": "Person", "id": "p1"},
                  {"type": "Item", "id": "a", "owner": "p1", "related": ["p1", "b"]},
                  {"type": "Item", "id": "b", "owner": "a",
                   "related": ["a", "nobody"]}]}
                """);
        assertEquals(
                List.of("facts[2].owner@4", "facts[2].related[1]@5"),
                got.stream().map(e -> e.path() + "@" + e.line()).toList());
        assertTrue(got.stream().allMatch(e -> e.kind() == Diagnostic.Kind.FACT_REFERENCE));
    }

    @Test
    void oversizedAndTooDeepFilesAreRefusedWithLimitErrors() throws Exception {
        Path big = write(
                tmp.resolve("big.json"), "{\"lodestone\": 1, \"facts\": [], \"title\": \"" + "x".repeat(2000) + "\"}");
        Path deep = write(tmp.resolve("deep.json"), "{\"lodestone\": 1, \"facts\": [[[[[[]]]]]]}");
        Path ok = write(tmp.resolve("ok.json"), "{\"lodestone\": 1, \"facts\": [{\"type\": \"Item\", \"id\": \"a\"}]}");
        RunReport run =
                Lodestone.builder(rules).maxFileBytes(1000).maxDepth(4).build().evaluateAll(List.of(big, deep, ok));
        assertEquals(1, run.reports().size(), "the good file is still evaluated");
        assertEquals(
                List.of("limit big.json", "limit deep.json"),
                run.errors().stream()
                        .map(e -> e.kind() + " " + Path.of(e.file()).getFileName())
                        .toList());
        assertEquals(Integer.valueOf(1), run.errors().get(1).line());
        assertEquals(Integer.valueOf(30), run.errors().get(1).column()); // the fifth bracket
        Run viaCli = cli(
                "check",
                "--rules",
                rules.toString(),
                "--max-file-bytes",
                "1000",
                "--max-depth",
                "4",
                big.toString(),
                deep.toString(),
                ok.toString());
        assertEquals(ExitCodes.LOAD_ERROR, viaCli.code());
        assertEquals(3, viaCli.out().lines().count(), viaCli.out()); // two errors and the summary
    }

    @Test
    void numbersThatOverflowAreLocatedErrors() throws Exception {
        List<Diagnostic> got = errors(Lodestone.fromRules(rules), """
                {"lodestone": 1, "facts": [
                  {"type": "Item", "id": "a", "amount": 1e400},
                  {"type": "Item", "id": "b", "amount": -1e400},
                  {"type": "Item", "id": "c", "count": 99999999999999999999999},
                  {"type": "Item", "id": "d", "amount": 123456789012345678901234567890}]}
                """);
        assertEquals(
                List.of("facts[0].amount@2", "facts[1].amount@3", "facts[2].count@4"),
                got.stream().map(e -> e.path() + "@" + e.line()).toList(),
                "a huge integer fits a Double field");
        assertTrue(got.stream().allMatch(e -> e.kind() == Diagnostic.Kind.FACT_VALUE));
    }

    @Test
    void controlCharactersNeverReachTheTerminalInAnyFormat() throws Exception {
        Path set = write(tmp.resolve("set.json"), """
                {"lodestone": 1, "id": "s\\u001b[31m", "title": "t\\u0007\\u0000", "facts": [
                  {"type": "Item", "id": "a\\u001b]0;pwned\\u0007"}]}
                """);
        Path bad = write(tmp.resolve("bad.json"), """
                {"lodestone": 1, "facts": [{"type": "Item", "id": "x", "amount": "\\u001b[2J"}]}
                """);
        for (String format : List.of("text", "json")) {
            Run run = cli("evaluate", "--rules", rules.toString(), "--format", format, set.toString(), bad.toString());
            assertEquals(ExitCodes.LOAD_ERROR, run.code(), format);
            for (String stream : List.of(run.out(), run.err())) {
                assertFalse(
                        stream.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t'),
                        format + " output holds a raw control character: " + stream);
            }
            assertTrue(
                    run.out().contains("a\\u001b]0;pwned\\u0007") || run.out().contains("a\\u001B]0;pwned\\u0007"),
                    format + ": the id is shown escaped: " + run.out());
        }
        JsonNode out = JSON.readTree(cli("evaluate", "--rules", rules.toString(), "--format", "json", set.toString())
                .out());
        assertEquals(
                "a\u001b]0;pwned\u0007",
                out.get("reports")
                        .get(0)
                        .get("findings")
                        .get(0)
                        .get("facts")
                        .get(0)
                        .asText(),
                "JSON keeps the exact value, escaped by the encoder");
    }
}
