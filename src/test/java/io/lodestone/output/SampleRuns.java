package io.lodestone.output;

import io.lodestone.Lodestone;
import io.lodestone.TestFiles;
import io.lodestone.api.Category;
import io.lodestone.api.Diagnostic;
import io.lodestone.api.Diagnostic.Location;
import io.lodestone.api.Evidence;
import io.lodestone.api.FactSet;
import io.lodestone.api.Finding;
import io.lodestone.api.Report;
import io.lodestone.api.RuleDescription;
import io.lodestone.api.RunReport;
import io.lodestone.api.Severity;
import io.lodestone.report.ReportBuilder;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Runs for formatter tests: the bundled seed (rules compiled once) and a small hand-built run. */
final class SampleRuns {
    static final String HOSTILE = "Figure <script>alert(\"x\")</script> | a, \"quoted\"\nsecond line & *more*";
    private static RunReport seed;
    private static Lodestone lodestone;

    private SampleRuns() {}

    static synchronized Lodestone lodestone() {
        if (lodestone == null) {
            try {
                lodestone = Lodestone.fromRules(Path.of("rules"));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return lodestone;
    }

    /** The bundled rules over the bundled fact set. */
    static synchronized RunReport seed() {
        if (seed == null) {
            seed = lodestone().evaluateAll(List.of(Path.of("facts/us-ua-minerals-2025-02.json")));
        }
        return seed;
    }

    /** The seed plus a second copy and a file that does not parse. */
    static RunReport batchWithLoadError(Path dir) {
        try {
            Path copy = dir.resolve("second.json");
            String seedText = Files.readString(Path.of("facts/us-ua-minerals-2025-02.json"));
            Files.writeString(
                    copy,
                    seedText.replaceFirst("\"id\"\\s*:\\s*\"us-ua-minerals-2025-02\"", "\"id\": \"second-copy\""));
            Path broken =
                    TestFiles.write(dir.resolve("broken.json"), "{\n  \"format\": 1,\n  \"facts\": [ oops ]\n}\n");
            return lodestone().evaluateAll(List.of(Path.of("facts/us-ua-minerals-2025-02.json"), copy, broken));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fixed run with hostile text, independent of the bundled rules, for golden files. */
    static RunReport small() {
        Finding risk = Finding.of(
                "RISK-X",
                Category.RISK,
                Severity.HIGH,
                null,
                HOSTILE,
                List.of("f1", "f2"),
                List.of(new Evidence("f1", "src", "they said \"<b>so</b>\"")));
        Finding align = Finding.of(
                "ALIGN-Y", Category.ALIGNMENT, Severity.INFO, 2.5, "Deal serves a priority.", List.of("f2"), List.of());
        Finding inc = Finding.of(
                "INC-Z",
                Category.INCONSISTENCY,
                Severity.MEDIUM,
                null,
                "Figures differ by 75%.",
                List.of("f1", "f3"),
                List.of());
        FactSet fs = new FactSet("set-<1>", "A \"title\"", null, "sets/one.json", List.of(), List.of());
        Report report = ReportBuilder.build(fs, List.of(risk, align, inc), List.of(), 4);
        List<RuleDescription> rules = List.of(
                new RuleDescription(
                        "ALIGN-Y", "Aligns", "p", Category.ALIGNMENT, Severity.INFO, 2.5, "It aligns.", "a.drl", 1),
                new RuleDescription(
                        "RISK-X", "Risky", "p", Category.RISK, Severity.HIGH, null, "It is risky.", "a.drl", 9),
                new RuleDescription("RISK-QUIET", "Quiet", "p", Category.RISK, Severity.LOW, null, null, "a.drl", 20),
                new RuleDescription(
                        "INC-Z",
                        "Differs",
                        "p",
                        Category.INCONSISTENCY,
                        Severity.MEDIUM,
                        null,
                        "Differs.",
                        "a.drl",
                        30),
                new RuleDescription("DERIVE", "Derives", "p", null, null, null, null, "a.drl", 40));
        Diagnostic error =
                Diagnostic.fact(Diagnostic.Kind.JSON_SYNTAX, Location.at("sets/bad.json", 3, 7), "unexpected 'x'");
        return new RunReport("sha256:abc", rules.size(), List.of(report), List.of(error), List.of(), rules, null);
    }

    static String render(String format, RunReport run, OutputOptions options) {
        StringWriter out = new StringWriter();
        try {
            Formatters.get(format).write(run, options, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static String render(String format, RunReport run) {
        // as the CLI does: fact locations reach the formats through the options
        return render(format, run, new OutputOptions(false, null, run.locator()));
    }
}
