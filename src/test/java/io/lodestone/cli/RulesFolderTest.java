package io.lodestone.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lodestone.TestFiles;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulesFolderTest {
    @Test
    void bundledPackIsFoundBesideTheClasses() {
        assertEquals(Path.of("rules").toAbsolutePath().normalize(), RulesOptions.bundledRules());
    }

    @Test
    void missingRulesFolderIsALoadErrorThatNamesTheBundledPack(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("no-rules-here");
        for (String command : new String[] {"evaluate", "check"}) {
            TestFiles.Run run = TestFiles.cli(command, "--rules", missing.toString(), "--format", "json", "facts");
            assertEquals(3, run.code(), command);
            JsonNode error =
                    new ObjectMapper().readTree(run.out()).get("errors").get(0);
            assertEquals("io", error.get("kind").asText());
            assertEquals(missing.toString(), error.get("file").asText());
            assertTrue(error.get("message").asText().contains("--rules " + RulesOptions.bundledRules()), command);
        }
        assertEquals(3, TestFiles.cli("test", "--rules", missing.toString()).code());
    }
}
