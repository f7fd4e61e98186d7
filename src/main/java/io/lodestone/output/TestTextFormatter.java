package io.lodestone.output;

import io.lodestone.api.CaseResult;
import io.lodestone.api.CaseResult.Mismatch;
import io.lodestone.api.Diagnostic;
import io.lodestone.api.RuleDescription;
import io.lodestone.api.TestRun;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.List;
import java.util.Locale;

/** {@code lodestone test} for people: PASS/FAIL per case with a diff, coverage, then "N passed, N failed". */
public final class TestTextFormatter implements TestRunFormatter {
    @Override
    public String name() {
        return "text";
    }

    @Override
    public void write(TestRun run, boolean coverage, Writer writer) throws IOException {
        PrintWriter out = new PrintWriter(writer);
        for (Diagnostic e : run.errors()) {
            out.println("ERROR " + TextFormatter.clean(e.toCompilerString()));
        }
        for (CaseResult c : run.cases()) {
            String status = !c.errors().isEmpty() ? "ERROR" : c.passed() ? "PASS " : "FAIL ";
            int findings = c.report() == null ? 0 : c.report().findings().size();
            out.println(status + " " + c.name() + (c.report() == null ? "" : "  (" + findings + " findings)"));
            for (Mismatch m : c.problems()) {
                out.println("        " + describe(m));
            }
            for (Diagnostic e : c.errors()) {
                out.println("        " + TextFormatter.clean(e.toCompilerString()));
            }
        }
        if (coverage) {
            writeCoverage(run, out);
        }
        out.println();
        out.println(run.passed() + " passed, " + run.failed() + " failed");
        out.flush();
    }

    static String describe(Mismatch m) {
        String facts = m.facts().isEmpty() ? "" : " " + m.facts();
        return switch (m.kind()) {
            case "missing" -> "missing     " + m.ruleId() + (m.facts().isEmpty() ? "" : " citing" + facts);
            case "unexpected" -> "unexpected  " + m.ruleId() + facts + ": " + TextFormatter.clean(m.actual());
            case "mismatched" ->
                "mismatched  " + m.ruleId() + facts + " " + m.field() + ": expected " + m.expected() + ", got "
                        + m.actual();
            default -> "alignment   " + m.field() + ": expected " + m.expected() + ", got " + m.actual();
        };
    }

    private static void writeCoverage(TestRun run, PrintWriter out) {
        out.println();
        out.println("Rule coverage");
        out.println(String.format(Locale.ROOT, "  %-40s %8s %10s", "rule", "fired in", "guarded in"));
        for (RuleDescription r : run.rules()) {
            if (r.isDerivation()) {
                continue;
            }
            out.println(String.format(
                    Locale.ROOT,
                    "  %-40s %8d %10d",
                    r.id(),
                    run.firedIn().getOrDefault(r.id(), 0),
                    run.guardedIn().getOrDefault(r.id(), 0)));
            if (r.description() != null) {
                ReadableText.wrap(TextFormatter.clean(r.description()), "    ", "    ", OutputOptions.DEFAULT_WIDTH)
                        .forEach(out::println);
            }
        }
        List<String> neverFired = run.rules().stream()
                .filter(r -> !r.isDerivation())
                .map(RuleDescription::id)
                .filter(id -> run.firedIn().getOrDefault(id, 0) == 0)
                .toList();
        List<String> unguarded = run.rules().stream()
                .filter(r -> !r.isDerivation())
                .map(RuleDescription::id)
                .filter(id -> run.guardedIn().getOrDefault(id, 0) == 0)
                .toList();
        out.println("  fired in no case: " + (neverFired.isEmpty() ? "none" : String.join(", ", neverFired)));
        out.println("  guarded by no mustNot case: " + (unguarded.isEmpty() ? "none" : String.join(", ", unguarded)));
        out.println(String.format(
                Locale.ROOT,
                "  coverage: %.1f%% of %d rules fired in some case",
                run.coveragePercent(),
                run.rules().stream().filter(r -> !r.isDerivation()).count()));
    }
}
