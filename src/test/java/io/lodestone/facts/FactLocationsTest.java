package io.lodestone.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lodestone.Lodestone;
import io.lodestone.TestFiles;
import io.lodestone.api.BatchListener;
import io.lodestone.api.FactLocation;
import io.lodestone.api.RunReport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    @Test
    void evaluateAllReportsRulesLocationsAndProgress(@TempDir Path dir) throws Exception {
        Lodestone lodestone = Lodestone.builder(TestFiles.miniRules(dir.resolve("rules"))).jobs(2).build();
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            files.add(TestFiles.write(dir.resolve("f" + i + ".json"), """
                    {"lodestone": 1, "id": "set-%d",
                     "facts": [
                       {"type": "Item", "id": "a", "amount": 500}
                     ]}
                    """.formatted(i)));
        }
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        RunReport run = lodestone.evaluateAll(files, new BatchListener() {
            @Override
            public void started(int total) {
                events.add("started " + total);
            }

            @Override
            public void finished(String file, int done, int total) {
                events.add("done " + done + "/" + total);
            }
        });
        assertEquals("started 3", events.get(0));
        assertEquals(List.of("done 1/3", "done 2/3", "done 3/3"), events.subList(1, 4).stream().sorted().toList());
        assertEquals(lodestone.rules(), run.rules());
        FactLocation a = run.locator().locate(files.get(1).toString(), "a").orElseThrow();
        assertEquals(new FactLocation("a", "facts[0]", 3, 4), a);
        assertTrue(run.locator().locate(files.get(1).toString(), "missing").isEmpty());
    }
}
