package io.lodestone.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lodestone.TestFiles;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Durations are validated where they are parsed (review F26, F34): negative or absurd values are usage errors. */
class DurationOptionsTest {
    @ParameterizedTest
    @CsvSource({
        "evaluate, --timeout, 1e300s",
        "evaluate, --timeout, -1s",
        "evaluate, --timeout, NaNs",
        "evaluate, --timeout, 25h",
        "serve, --shutdown-deadline, -5s",
        "serve, --header-timeout, 1e300s",
        "serve, --body-timeout, -1ms"
    })
    void outOfRangeDurationsAreUsageErrors(String command, String option, String value) {
        TestFiles.Run run = command.equals("serve")
                ? TestFiles.cli(command, option, value, "--port", "0", "--rules", "no-such-rules-dir")
                : TestFiles.cli(command, option, value, "facts");
        assertEquals(2, run.code(), run.err()); // a valid value would give exit 3 (no such rules folder) or run
    }
}
