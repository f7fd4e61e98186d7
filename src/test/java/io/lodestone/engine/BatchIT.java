package io.lodestone.engine;

import static io.lodestone.TestFiles.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.lodestone.Lodestone;
import io.lodestone.TestFiles;
import io.lodestone.TestFiles.Run;
import io.lodestone.api.BatchListener;
import io.lodestone.api.FactLocation;
import io.lodestone.api.Report;
import io.lodestone.api.RunReport;
import io.lodestone.output.JsonFormatter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchIT {
    static final Path SEED = Path.of("facts/us-ua-minerals-2025-02.json");

    @Test
    void aBatchCompilesTheRulesOnce(@TempDir Path tmp) throws Exception {
        Path second = tmp.resolve("copy.json");
        Files.copy(SEED, second);
        long before = RuleBase.compilations();
        Run run = cli("evaluate", "--format", "json", SEED.toString(), second.toString());
        assertEquals(0, run.code(), run.err());
        assertEquals(1, RuleBase.compilations() - before);
        assertEquals(2, new ObjectMapper().readTree(run.out()).get("reports").size());
    }

    @Test
    void concurrentEvaluationsOfOneSetAreIdentical() throws Exception {
        Lodestone lodestone = Lodestone.fromRules(Path.of("rules"));
        String expected = JsonFormatter.toJson(lodestone.evaluate(SEED)).toString();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                results.add(pool.submit(
                        () -> JsonFormatter.toJson(lodestone.evaluate(SEED)).toString()));
            }
            for (Future<String> r : results) {
                assertEquals(expected, r.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void parallelAndSequentialBatchesPrintIdenticalJson(@TempDir Path tmp) throws Exception {
        for (int i = 0; i < 12; i++) {
            Files.copy(SEED, tmp.resolve("set-" + i + ".json"));
        }
        TestFiles.copyTree(Path.of("facts"), tmp.resolve("bundled"));
        Run sequential = cli("evaluate", "--format", "json", "--jobs", "1", tmp.toString());
        Run parallel = cli("evaluate", "--format", "json", "--jobs", "4", tmp.toString());
        assertEquals(sequential.out(), parallel.out());
        assertTrue(sequential.out().contains("set-11.json"));
    }

    @Test
    void reportsCarryTheRulesHashOfTheRun() throws Exception {
        Lodestone lodestone = Lodestone.fromRules(Path.of("rules"));
        Report report = lodestone.evaluate(SEED);
        assertTrue(lodestone.rulesHash().matches("sha256:[0-9a-f]{64}"));
        assertTrue(report.counts().rules() > 0);
    }

    @Test
    void evaluateAllReportsRulesLocationsAndProgress(@TempDir Path dir) throws Exception {
        Lodestone lodestone = Lodestone.builder(TestFiles.miniRules(dir.resolve("rules")))
                .jobs(2)
                .build();
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
        assertEquals(
                List.of("done 1/3", "done 2/3", "done 3/3"),
                events.subList(1, 4).stream().sorted().toList());
        assertEquals(lodestone.rules(), run.rules());
        FactLocation a = run.locator().locate(files.get(1).toString(), "a").orElseThrow();
        assertEquals(new FactLocation("a", "facts[0]", 3, 4), a);
        assertTrue(run.locator().locate(files.get(1).toString(), "missing").isEmpty());
    }
}
