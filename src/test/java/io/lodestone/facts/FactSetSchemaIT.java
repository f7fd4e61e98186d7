package io.lodestone.facts;

import static io.lodestone.TestFiles.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.lodestone.Lodestone;
import io.lodestone.TestFiles.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * {@code lodestone schema} over the bundled rules: the committed {@code docs/schema/} copy is current,
 * a real validator (networknt, Draft 2020-12) accepts every bundled fact set and rule case, and rejects
 * the mistakes an editor should flag as the analyst types.
 */
class FactSetSchemaIT {
    static final Path COMMITTED = Path.of("docs/schema/fact-set-v1.schema.json");
    static final Path SEED = Path.of("facts/us-ua-minerals-2025-02.json");
    static final ObjectMapper JSON = new ObjectMapper();
    static String generated;
    static JsonSchema schema;

    @BeforeAll
    static void generate() throws Exception {
        generated = Lodestone.fromRules(Path.of("rules")).schema();
        schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(JSON.readTree(generated));
    }

    @Test
    void theCommittedSchemaIsCurrent() throws Exception {
        assertEquals(
                generated, Files.readString(COMMITTED), "docs/schema is stale: run ./lodestone schema -o " + COMMITTED);
    }

    @Test
    void theCommandWritesTheSameSchema() throws Exception {
        Run run = cli("schema");
        assertEquals(0, run.code(), run.err());
        assertEquals(JSON.readTree(generated), JSON.readTree(run.out()));
        JsonNode root = JSON.readTree(run.out());
        assertEquals(
                "https://json-schema.org/draft/2020-12/schema",
                root.get("$schema").asText());
        assertTrue(root.get("$defs").has("Deal") && root.get("$defs").has("ExchangeRate"));
    }

    @TestFactory
    Stream<DynamicTest> everyBundledFactSetIsValid() throws Exception {
        List<Path> sets = new ArrayList<>();
        try (Stream<Path> facts = Files.list(Path.of("facts"));
                Stream<Path> cases = Files.list(Path.of("rules/minerals/tests"))) {
            facts.filter(p -> p.toString().endsWith(".json")).forEach(sets::add);
            cases.filter(p -> p.toString().endsWith(".facts.json")).forEach(sets::add);
        }
        return sets.stream()
                .sorted()
                .map(p -> DynamicTest.dynamicTest(p.toString(), () -> {
                    Set<ValidationMessage> problems = schema.validate(JSON.readTree(p.toFile()));
                    assertEquals(Set.of(), problems);
                }));
    }

    @Test
    void aMisspelledFieldIsRejected() throws Exception {
        assertRejected(f -> deal(f).set("stauts", deal(f).remove("status")), "stauts");
    }

    @Test
    void anUnknownTypeIsRejected() throws Exception {
        assertRejected(f -> deal(f).put("type", "Dael"), "].type");
    }

    @Test
    void aWrongEnumerationValueIsRejected() throws Exception {
        assertRejected(f -> deal(f).put("status", "sigend"), "status");
    }

    @Test
    void anOutOfRangeShareIsRejected() throws Exception {
        assertRejected(f -> first(f, "MarketShare").put("share", 98), "share");
    }

    private static void assertRejected(Consumer<ArrayNode> mistake, String mentioned) throws Exception {
        ObjectNode seed = (ObjectNode) JSON.readTree(SEED.toFile());
        assertEquals(Set.of(), schema.validate(seed), "the seed itself is valid");
        mistake.accept((ArrayNode) seed.get("facts"));
        Set<ValidationMessage> problems = schema.validate(seed);
        assertFalse(problems.isEmpty(), "the mistake must be rejected");
        assertTrue(
                problems.stream()
                        .anyMatch(m -> m.getMessage().contains(mentioned)
                                || String.valueOf(m.getInstanceLocation()).contains(mentioned)),
                problems.toString());
    }

    private static ObjectNode deal(ArrayNode facts) {
        return first(facts, "Deal");
    }

    private static ObjectNode first(ArrayNode facts, String type) {
        for (JsonNode f : facts) {
            if (type.equals(f.path("type").asText())
                    || ("Dael".equals(f.path("type").asText()) && type.equals("Deal"))) {
                return (ObjectNode) f;
            }
        }
        throw new AssertionError("no " + type + " in the seed");
    }
}
