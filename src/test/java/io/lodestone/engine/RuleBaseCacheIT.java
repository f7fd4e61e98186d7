package io.lodestone.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lodestone.Lodestone;
import io.lodestone.TestFiles;
import io.lodestone.api.Finding;
import io.lodestone.api.Report;
import io.lodestone.output.JsonFormatter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleBaseCacheIT {
    static final Path SEED = Path.of("facts/us-ua-minerals-2025-02.json");

    private static long entries(Path cacheDir) throws Exception {
        if (!Files.isDirectory(cacheDir)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(cacheDir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".bin"))
                    .count();
        }
    }

    @Test
    void aCachedRuleBaseEvaluatesExactlyLikeAFreshCompile(@TempDir Path tmp) throws Exception {
        Path cacheDir = tmp.resolve("cache");
        String fresh = JsonFormatter.toJson(
                        Lodestone.fromRules(Path.of("rules")).evaluate(SEED))
                .toString();

        Lodestone first =
                Lodestone.builder(Path.of("rules")).ruleCache(cacheDir).build();
        assertEquals(1, entries(cacheDir));
        assertNotNull(new RuleBaseCache(cacheDir).load(first.rulesHash()), "the entry must load back");

        Lodestone cached =
                Lodestone.builder(Path.of("rules")).ruleCache(cacheDir).build();
        String fromCache = JsonFormatter.toJson(cached.evaluate(SEED)).toString();
        assertEquals(fresh, fromCache);
        assertEquals(first.rules(), cached.rules());
        assertEquals(1, entries(cacheDir));
    }

    @Test
    void anyChangeToARuleFileMissesTheCache(@TempDir Path tmp) throws Exception {
        Path rules = TestFiles.miniRules(tmp.resolve("rules"));
        Path cacheDir = tmp.resolve("cache");
        Path facts = TestFiles.write(tmp.resolve("f.json"), """
                { "lodestone": 1, "id": "s", "facts": [ { "type": "Item", "id": "i1", "amount": 500 } ] }
                """);
        Lodestone before = Lodestone.builder(rules).ruleCache(cacheDir).build();
        assertEquals(
                List.of("Item i1 is over the limit."),
                before.evaluate(facts).findings().stream()
                        .map(Finding::getMessage)
                        .toList());
        RuleBaseCache cache = new RuleBaseCache(cacheDir);
        assertNotNull(cache.load(before.rulesHash()));

        // change only the message of one rule: a stale cache would still print the old one
        Path ruleFile = rules.resolve("mini/rules.drl");
        Files.writeString(ruleFile, Files.readString(ruleFile).replace("is over the limit.", "exceeds the limit."));
        Lodestone after = Lodestone.builder(rules).ruleCache(cacheDir).build();
        assertFalse(before.rulesHash().equals(after.rulesHash()));
        Report report = after.evaluate(facts);
        assertEquals(
                List.of("Item i1 exceeds the limit."),
                report.findings().stream().map(Finding::getMessage).toList());
        assertEquals(2, entries(cacheDir), "the changed rules get their own entry");

        // a whitespace-only edit is a change too
        Files.writeString(ruleFile, Files.readString(ruleFile) + "\n");
        Lodestone edited = Lodestone.builder(rules).ruleCache(cacheDir).build();
        assertNull(cache.load(edited.rulesHash() + "-never-stored"));
        assertEquals(3, entries(cacheDir));
    }

    @Test
    void anUnreadableEntryFallsBackToCompilingAndIsReplaced(@TempDir Path tmp) throws Exception {
        Path cacheDir = tmp.resolve("cache");
        Lodestone first =
                Lodestone.builder(Path.of("rules")).ruleCache(cacheDir).build();
        Path entry = new RuleBaseCache(cacheDir).entry(first.rulesHash());
        Files.write(entry, new byte[] {1, 2, 3});

        Lodestone again =
                Lodestone.builder(Path.of("rules")).ruleCache(cacheDir).build();
        assertEquals(first.rules().size(), again.rules().size());
        assertTrue(again.evaluate(SEED).findings().size() > 0);
        assertTrue(Files.size(entry) > 3, "a good entry replaces the broken one");
        assertNotNull(new RuleBaseCache(cacheDir).load(first.rulesHash()));
    }
}
