package io.lodestone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.lodestone.api.Finding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rules are not keyed to the seed: renaming every id (and every reference to it) and scaling every
 * amount by one factor leaves the set of rule ids unchanged.
 */
class GeneralityIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void renamedIdsAndRescaledAmountsYieldTheSameRules(@TempDir Path tmp) throws Exception {
        Path seed = Path.of("facts/us-ua-minerals-2025-02.json");
        ObjectNode doc = (ObjectNode) JSON.readTree(seed.toFile());
        Map<String, String> rename = new HashMap<>();
        int n = 0;
        for (JsonNode fact : doc.get("facts")) {
            rename.put(fact.get("id").asText(), "x" + n++ + "-" + Integer.toHexString(fact.get("id").asText().hashCode()));
        }
        for (JsonNode fact : doc.get("facts")) {
            transform((ObjectNode) fact, rename, 3.7);
        }
        Path changed = tmp.resolve("changed.json");
        JSON.writeValue(changed.toFile(), doc);
        assertFalse(Files.readString(changed).contains("aid-trump"), "every id was renamed");

        Lodestone lodestone = Lodestone.fromRules(Path.of("rules"));
        assertEquals(ruleIds(lodestone, seed), ruleIds(lodestone, changed));
    }

    private static List<String> ruleIds(Lodestone lodestone, Path file) throws Exception {
        return lodestone.evaluate(file).findings().stream().map(Finding::getRuleId).sorted().toList();
    }

    /** Renames every string equal to a fact id (ids and references alike) and scales every *Usd number. */
    private static void transform(ObjectNode node, Map<String, String> rename, double factor) {
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            JsonNode value = field.getValue();
            if (field.getKey().equals("source")) {
                continue;
            }
            if (value.isTextual() && rename.containsKey(value.asText())) {
                field.setValue(TextNode.valueOf(rename.get(value.asText())));
            } else if (value.isNumber() && field.getKey().endsWith("Usd")) {
                node.put(field.getKey(), value.asDouble() * factor);
            } else if (value.isArray()) {
                ArrayNode array = (ArrayNode) value;
                for (int i = 0; i < array.size(); i++) {
                    if (array.get(i).isTextual() && rename.containsKey(array.get(i).asText())) {
                        array.set(i, TextNode.valueOf(rename.get(array.get(i).asText())));
                    }
                }
            }
        }
    }
}
