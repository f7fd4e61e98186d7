package io.lodestone.output;

import io.lodestone.api.Category;
import io.lodestone.api.Citation;
import io.lodestone.api.Diagnostic;
import io.lodestone.api.Finding;
import io.lodestone.api.Report;
import io.lodestone.api.RunReport;
import io.lodestone.api.Severity;
import io.lodestone.api.Source;
import io.lodestone.api.Trace;
import io.lodestone.api.TracedFact;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** For people: one block per fact set, alignment score on top, findings grouped by category. */
public final class TextFormatter implements ReportFormatter {
    private static final String RESET = "\u001b[0m";
    private static final String BOLD = "\u001b[1m";
    private static final String DIM = "\u001b[2m";
    private static final String RED = "\u001b[31m";
    private static final String GREEN = "\u001b[32m";
    private static final String YELLOW = "\u001b[33m";
    private static final String MAGENTA = "\u001b[35m";
    /** Where a finding's message and evidence start, under its severity and rule id. */
    private static final String INDENT = "            ";

    @Override
    public String name() {
        return "text";
    }

    @Override
    public String description() {
        return "for people: grouped by fact set and category, alignment score on top (default)";
    }

    @Override
    public void write(RunReport run, OutputOptions options, Writer writer) throws IOException {
        PrintWriter out = new PrintWriter(writer);
        Style s = new Style(options.color());
        for (Report report : run.reports()) {
            writeReport(report, s, Math.max(40, options.width()), out);
            out.println();
        }
        List<Diagnostic> errors = run.errors();
        if (!errors.isEmpty()) {
            out.println(s.paint(BOLD + RED, "Errors (" + errors.size() + ")"));
            for (Diagnostic e : errors) {
                out.println("  " + clean(e.toCompilerString()));
            }
            out.println();
        }
        if (!run.warnings().isEmpty()) {
            out.println(s.paint(BOLD + YELLOW, "Warnings (" + run.warnings().size() + ")"));
            for (Diagnostic w : run.warnings()) {
                out.println("  " + clean(w.toCompilerString("warning")));
            }
            out.println();
        }
        ReadableText.wrap(summary(run), "", "  ", Math.max(40, options.width())).forEach(out::println);
        out.flush();
    }

    private void writeReport(Report report, Style s, int width, PrintWriter out) {
        out.println(s.paint(BOLD, clean(report.id())));
        if (report.title() != null) {
            ReadableText.wrap(clean(report.title()), "  ", "  ", width).forEach(out::println);
        }
        out.println("  " + s.paint(DIM, clean(report.file())));
        if (report.summary() != null) {
            out.println();
            out.println("  " + s.paint(BOLD, "Bottom line"));
            ReadableText.wrap(clean(report.summary()), "    ", "    ", width).forEach(out::println);
        }
        out.println();
        double score = report.alignment().score();
        out.println("  Alignment  " + s.paint(BOLD + (score > 0 ? GREEN : score < 0 ? RED : ""), Numbers.signed(score))
                + " " + report.alignment().band());
        ReadableText.wrap(ReadableText.scale(), "             ", "             ", width)
                .forEach(l -> out.println(s.paint(DIM, l)));
        ReadableText.wrap(ReadableText.counts(report), "  Counts     ", "             ", width)
                .forEach(out::println);
        if (!report.context().isEmpty()) {
            out.println();
            out.println("  " + s.paint(BOLD, "Context") + s.paint(DIM, "  cited by several findings"));
            Map<String, String> numbers = EvidenceNotes.contextNumbers(report);
            for (Citation c : report.context()) {
                String head = "    " + numbers.get(c.fact()) + "  ";
                String pad = " ".repeat(head.length());
                ReadableText.wrap(clean(ReadableText.label(c)) + sourceMark(c.source()), head, pad, width)
                        .forEach(out::println);
                if (c.quote() != null) {
                    ReadableText.wrap("\u201c" + clean(c.quote()) + "\u201d", pad, pad + " ", width)
                            .forEach(l -> out.println(s.paint(DIM, l)));
                }
            }
        }
        IdentityHashMap<Finding, List<EvidenceNotes.Note>> notes = EvidenceNotes.of(report, report.findings());
        for (Category category : Category.values()) {
            List<Finding> findings = report.findings().stream()
                    .filter(f -> f.getCategory() == category)
                    .toList();
            if (findings.isEmpty()) {
                continue;
            }
            out.println();
            out.println("  " + s.paint(BOLD, category.name()) + s.paint(DIM, "  " + findings.size()));
            for (Finding f : findings) {
                String tag = category == Category.ALIGNMENT && f.getWeight() != null
                        ? String.format(Locale.ROOT, "%-8s", Numbers.signed(f.getWeight()))
                        : String.format(
                                Locale.ROOT, "%-8s", f.getSeverity().label().toUpperCase(Locale.ROOT));
                out.println("    " + s.paint(colorOf(f), tag) + s.paint(BOLD, f.getRuleId()));
                ReadableText.wrap(clean(f.getMessage()), INDENT, INDENT, width).forEach(out::println);
                for (EvidenceNotes.Note n : notes.get(f)) {
                    String line = "\u00b7 " + clean(n.label()) + sourceMark(n.source()) + clean(EvidenceNotes.plain(n));
                    ReadableText.wrap(line, INDENT, INDENT + "  ", width).forEach(l -> out.println(s.paint(DIM, l)));
                }
                if (f.getTrace() != null) {
                    writeTrace(f.getTrace(), INDENT, s, out);
                }
            }
        }
        if (!report.errors().isEmpty()) {
            out.println();
            out.println("  " + s.paint(BOLD + RED, "Evaluation errors"));
            report.errors().forEach(e -> out.println("    " + clean(e.toCompilerString())));
        }
        if (!report.sources().isEmpty()) {
            out.println();
            out.println("  " + s.paint(BOLD, "Sources"));
            for (int i = 0; i < report.sources().size(); i++) {
                Source src = report.sources().get(i);
                String head = String.format(Locale.ROOT, "    [%d] ", i + 1);
                String text = clean(ReadableText.source(src)) + (src.url() == null ? "" : " " + clean(src.url()));
                ReadableText.wrap(text, head, " ".repeat(head.length()), width).forEach(out::println);
            }
        }
    }

    private static String sourceMark(int source) {
        return source > 0 ? " [" + source + "]" : "";
    }

    private static void writeTrace(Trace trace, String indent, Style s, PrintWriter out) {
        out.println(indent
                + s.paint(
                        DIM,
                        "why: " + trace.ruleId() + " \"" + clean(trace.ruleName()) + "\" at " + trace.file() + ":"
                                + trace.line()));
        for (TracedFact fact : trace.facts()) {
            StringBuilder fields = new StringBuilder();
            fact.fields()
                    .forEach((k, v) -> fields.append(' ').append(k).append('=').append(clean(String.valueOf(v))));
            out.println(indent + "  " + s.paint(DIM, fact.type() + " " + clean(fact.id()) + fields));
            if (fact.derivedBy() != null) {
                writeTrace(fact.derivedBy(), indent + "    ", s, out);
            }
        }
        if (!trace.bindings().isEmpty()) {
            StringBuilder b = new StringBuilder();
            trace.bindings().forEach((k, v) -> b.append(b.length() == 0 ? "" : ", ")
                    .append(k)
                    .append('=')
                    .append(clean(String.valueOf(v))));
            out.println(indent + "  " + s.paint(DIM, "bound: " + b));
        }
    }

    private static String summary(RunReport run) {
        int findings =
                run.reports().stream().mapToInt(r -> r.counts().findings()).sum();
        StringBuilder sb = new StringBuilder();
        sb.append(run.reports().size())
                .append(run.reports().size() == 1 ? " fact set" : " fact sets")
                .append(" evaluated, ")
                .append(findings)
                .append(findings == 1 ? " finding" : " findings");
        if (!run.errors().isEmpty()) {
            sb.append(", ").append(run.errors().size()).append(run.errors().size() == 1 ? " error" : " errors");
        }
        if (run.rulesHash() != null) {
            sb.append("; rules ")
                    .append(run.rulesHash(), 0, Math.min(run.rulesHash().length(), 19))
                    .append(" (")
                    .append(run.ruleCount())
                    .append(" rules)");
        }
        return sb.toString();
    }

    private static String colorOf(Finding f) {
        if (f.getCategory() == Category.ALIGNMENT) {
            return f.getWeight() != null && f.getWeight() < 0 ? RED : GREEN;
        }
        return f.getSeverity().atLeast(Severity.HIGH) ? RED : f.getSeverity() == Severity.MEDIUM ? YELLOW : MAGENTA;
    }

    /** Control characters from fact sets must not drive the terminal: show them as escapes. */
    static String clean(String text) {
        return text == null ? "" : Diagnostic.escapeControls(text);
    }

    private record Style(boolean color) {
        String paint(String code, String text) {
            return color && !code.isEmpty() ? code + text + RESET : text;
        }
    }
}
