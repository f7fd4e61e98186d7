package io.lodestone.engine;

import static io.lodestone.TestFiles.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.lodestone.Lodestone;
import io.lodestone.TestFiles;
import io.lodestone.TestFiles.Run;
import io.lodestone.api.Report;
import io.lodestone.output.JsonFormatter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
                results.add(pool.submit(() -> JsonFormatter.toJson(lodestone.evaluate(SEED)).toString()));
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
}
