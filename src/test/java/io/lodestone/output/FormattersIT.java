package io.lodestone.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lodestone.TestFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FormattersIT {
    private static final List<String> ALL =
            List.of("text", "json", "jsonl", "sarif", "junit", "csv", "markdown", "html");

    @Test
    void registryListsEveryFormatOnceAndHelpShowsThem() {
        List<String> names = new ArrayList<>();
        Formatters.names().forEach(names::add);
        assertEquals(ALL, names);
        for (String n : ALL) {
            assertNotNull(Formatters.get(n));
            assertEquals(n, Formatters.get(n).name());
        }
        String help = TestFiles.cli("evaluate", "--help").out();
        ALL.forEach(n -> assertTrue(help.contains(n), n + " in --format help"));
    }

    @Test
    void everyFormatWritesToAFileThroughTheCli(@TempDir Path dir) throws Exception {
        Path rules = TestFiles.miniRules(dir.resolve("rules"));
        Path facts = TestFiles.write(dir.resolve("f.json"), """
                {"lodestone": 1, "id": "mini-set", "facts": [
                  {"type": "Item", "id": "a", "amount": 5000, "flagged": true}
                ]}
                """);
        for (String format : ALL) {
            Path out = dir.resolve("out." + format);
            TestFiles.Run run = TestFiles.cli(
                    "evaluate",
                    "--rules",
                    rules.toString(),
                    "--format",
                    format,
                    "-o",
                    out.toString(),
                    facts.toString());
            assertEquals(0, run.code(), format + ": " + run.err());
            assertEquals("", run.out(), "the report went to the file");
            String written = Files.readString(out);
            assertTrue(written.contains("RISK-OVER-LIMIT"), format + " names the finding's rule");
        }
    }

    @Test
    void cliPassesFailOnToJunit(@TempDir Path dir) throws Exception {
        Path rules = TestFiles.miniRules(dir.resolve("rules"));
        Path facts = TestFiles.write(dir.resolve("f.json"), """
                {"lodestone": 1, "id": "mini-set", "facts": [ {"type": "Item", "id": "a", "amount": 5000} ]}
                """);
        TestFiles.Run never =
                TestFiles.cli("evaluate", "--rules", rules.toString(), "--format", "junit", facts.toString());
        assertEquals(0, never.code());
        assertTrue(never.out().contains("failures=\"0\""));
        TestFiles.Run high = TestFiles.cli(
                "evaluate", "--rules", rules.toString(), "--format", "junit", "--fail-on", "high", facts.toString());
        assertEquals(1, high.code());
        assertTrue(high.out().contains("<failure"), high.out());
    }
}
