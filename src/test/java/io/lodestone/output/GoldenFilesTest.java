package io.lodestone.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lodestone.api.FactLocator;
import io.lodestone.api.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Text formats compared with files under src/test/resources/golden: the small ones rendered from a
 * fixed hand-built run so that rule changes do not churn them; seed.txt and seed.md are the bundled
 * rules over the seed fact set, as an analyst reads them (they change with the rules and messages). After an intended change, regenerate with
 * {@code mvn test -Dtest=GoldenFilesTest -Dlodestone.updateGolden=true} and review the diff.
 */
class GoldenFilesTest {
    private static final Path DIR = Path.of("src/test/resources/golden");

    @ParameterizedTest
    @CsvSource({"markdown, small.md", "csv, small.csv", "jsonl, small.jsonl", "junit, small.junit.xml"})
    void matchesGoldenFile(String format, String file) throws IOException {
        String actual = SampleRuns.render(format, SampleRuns.small(), new OutputOptions(false, Severity.HIGH))
                .replace("\r\n", "\n");
        Path golden = DIR.resolve(file);
        if (Boolean.getBoolean("lodestone.updateGolden")) {
            Files.createDirectories(DIR);
            Files.writeString(golden, actual);
        }
        assertEquals(Files.readString(golden).replace("\r\n", "\n"), actual, format + " differs from " + golden);
    }

    @ParameterizedTest
    @CsvSource({"text, seed.txt", "markdown, seed.md"})
    void seedReportMatchesGoldenFile(String format, String file) throws IOException {
        String actual = SampleRuns.render(
                        format,
                        SampleRuns.seed(),
                        new OutputOptions(false, null, FactLocator.NONE, OutputOptions.DEFAULT_WIDTH))
                .replace("\r\n", "\n");
        Path golden = DIR.resolve(file);
        if (Boolean.getBoolean("lodestone.updateGolden")) {
            Files.writeString(golden, actual);
        }
        assertEquals(
                Files.readString(golden).replace("\r\n", "\n"),
                actual,
                format + " differs from " + golden
                        + " (after an intended change: -Dlodestone.updateGolden=true, then read the diff)");
    }
}
