package io.lodestone.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lodestone.api.FactLocation;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FactLocationsTest {
    @Test
    void locatesEachFactObjectByIdWithItsPath() {
        String json = """
                {"lodestone": 1, "id": "x", "sources": [{"id": "s"}],
                  "facts": [
                    {"type": "A", "id": "first"},
                      {"type": "B",
                       "id": "second", "nested": {"id": "not-a-fact"}},
                    "junk",
                    {"id": "first", "type": "A"}
                  ]}
                """;
        Map<String, FactLocation> at = FactLocations.of(json.getBytes(StandardCharsets.UTF_8));
        assertEquals(new FactLocation("first", "facts[0]", 3, 5), at.get("first"), "the first of duplicates wins");
        assertEquals(new FactLocation("second", "facts[1]", 4, 7), at.get("second"));
        assertEquals(2, at.size());
        assertTrue(FactLocations.of("{ broken".getBytes(StandardCharsets.UTF_8)).isEmpty());
        assertTrue(FactLocations.of("no/such/file.json").isEmpty());
    }
}
