package io.lodestone.output;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Assumptions;

/**
 * Decides whether a browser test runs here: with the Chromium it finds, skipped with a one-line notice
 * (a fresh machine without Chromium), or failed (the {@code CI} variable is set, so CI always proves
 * the page in a real browser). The decision is a pure function of the environment, tested on its own.
 */
final class BrowserRequirement {
    static final List<String> NAMES = List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable");

    private BrowserRequirement() {}

    /** What to do: run {@code chromium}, or skip / fail with {@code message}. */
    record Decision(Outcome outcome, String chromium, String message) {
        enum Outcome {
            RUN,
            SKIP,
            FAIL
        }
    }

    /** The Chromium to use, or a skipped test with a one-line notice on stderr, or a failed one in CI. */
    static String chromiumOrSkip(String test) {
        Decision d = decide(System.getenv(), p -> Files.isRegularFile(p) && Files.isExecutable(p));
        switch (d.outcome()) {
            case RUN -> {
                return d.chromium();
            }
            case SKIP -> {
                System.err.println(test + " skipped: " + d.message());
                Assumptions.abort(d.message());
                return null;
            }
            default -> {
                return fail(d.message());
            }
        }
    }

    static Decision decide(Map<String, String> env, Predicate<Path> executable) {
        boolean ci = isSet(env.get("CI"));
        if ("1".equals(env.get("LODESTONE_SKIP_BROWSER"))) {
            return new Decision(Decision.Outcome.SKIP, null, "LODESTONE_SKIP_BROWSER=1");
        }
        String configured = env.get("CHROMIUM");
        String missing;
        if (configured != null && !configured.isBlank()) {
            if (executable.test(Path.of(configured))) {
                return new Decision(Decision.Outcome.RUN, configured, null);
            }
            missing = "CHROMIUM=" + configured + " is not an executable file";
        } else {
            for (String dir : env.getOrDefault("PATH", "").split(File.pathSeparator, -1)) {
                for (String name : NAMES) {
                    if (!dir.isEmpty() && executable.test(Path.of(dir, name))) {
                        return new Decision(
                                Decision.Outcome.RUN, Path.of(dir, name).toString(), null);
                    }
                }
            }
            missing = "no Chromium on PATH (looked for " + String.join(", ", NAMES) + ")";
        }
        if (ci) {
            return new Decision(
                    Decision.Outcome.FAIL,
                    null,
                    missing + "; CI is set, so the HTML report must be "
                            + "tested in a real browser: install Chromium (apt-get install -y chromium; .ci/run does) or "
                            + "point CHROMIUM at it");
        }
        return new Decision(
                Decision.Outcome.SKIP,
                null,
                missing + "; install Chromium or set CHROMIUM to test "
                        + "the HTML report in a browser (with CI set this is a failure)");
    }

    /** CI=true (GitHub, GitLab), CI=1 or any other value except empty, 0 and false. */
    private static boolean isSet(String value) {
        return value != null && !value.isBlank() && !value.equals("0") && !value.equalsIgnoreCase("false");
    }
}
