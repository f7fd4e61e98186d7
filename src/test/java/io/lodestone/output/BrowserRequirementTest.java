package io.lodestone.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.lodestone.output.BrowserRequirement.Decision.Outcome;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class BrowserRequirementTest {
    private static boolean nothing(Path p) {
        return false;
    }

    private static final Predicate<Path> USR_BIN_CHROMIUM = Set.of(Path.of("/usr/bin/chromium"))::contains;

    @Test
    void findsChromiumOnPath() {
        BrowserRequirement.Decision d = BrowserRequirement.decide(Map.of("PATH", "/opt/x:/usr/bin"), USR_BIN_CHROMIUM);
        assertEquals(Outcome.RUN, d.outcome());
        assertEquals("/usr/bin/chromium", d.chromium());
    }

    @Test
    void chromiumVariableWins() {
        Predicate<Path> both = Set.of(Path.of("/usr/bin/chromium"), Path.of("/opt/chrome"))::contains;
        BrowserRequirement.Decision d =
                BrowserRequirement.decide(Map.of("PATH", "/usr/bin", "CHROMIUM", "/opt/chrome"), both);
        assertEquals("/opt/chrome", d.chromium());
    }

    @Test
    void missingChromiumSkipsOutsideCi() {
        assertEquals(
                Outcome.SKIP,
                BrowserRequirement.decide(Map.of("PATH", "/usr/bin"), BrowserRequirementTest::nothing)
                        .outcome());
        assertEquals(
                Outcome.SKIP,
                BrowserRequirement.decide(Map.of("PATH", "/usr/bin", "CI", "false"), BrowserRequirementTest::nothing)
                        .outcome());
        assertEquals(
                Outcome.SKIP,
                BrowserRequirement.decide(Map.of("PATH", "/usr/bin", "CI", ""), BrowserRequirementTest::nothing)
                        .outcome());
    }

    @Test
    void hiddenChromiumSkipsOutsideCiEvenWhenOnPath() {
        Map<String, String> env = Map.of("PATH", "/usr/bin", "CHROMIUM", "/nonexistent");
        assertEquals(
                Outcome.SKIP, BrowserRequirement.decide(env, USR_BIN_CHROMIUM).outcome());
    }

    @Test
    void missingChromiumFailsInCi() {
        for (String ci : new String[] {"true", "1", "yes"}) {
            BrowserRequirement.Decision d =
                    BrowserRequirement.decide(Map.of("PATH", "/usr/bin", "CI", ci), BrowserRequirementTest::nothing);
            assertEquals(Outcome.FAIL, d.outcome(), "CI=" + ci);
            assertNull(d.chromium());
        }
        assertEquals(
                Outcome.FAIL,
                BrowserRequirement.decide(Map.of("CI", "true", "CHROMIUM", "/nonexistent"), USR_BIN_CHROMIUM)
                        .outcome());
    }

    @Test
    void chromiumFoundRunsInCi() {
        assertEquals(
                Outcome.RUN,
                BrowserRequirement.decide(Map.of("PATH", "/usr/bin", "CI", "true"), USR_BIN_CHROMIUM)
                        .outcome());
    }

    @Test
    void explicitOptOutSkipsEvenWithChromium() {
        Map<String, String> env = Map.of("PATH", "/usr/bin", "LODESTONE_SKIP_BROWSER", "1");
        assertEquals(
                Outcome.SKIP, BrowserRequirement.decide(env, USR_BIN_CHROMIUM).outcome());
    }

    @Test
    void emptyPathEntriesAreNotTheWorkingDirectory() {
        Predicate<Path> relative = p -> !p.isAbsolute();
        assertEquals(
                Outcome.SKIP,
                BrowserRequirement.decide(Map.of("PATH", ":"), relative).outcome());
    }
}
