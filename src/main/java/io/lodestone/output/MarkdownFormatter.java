package io.lodestone.output;

import io.lodestone.api.Category;
import io.lodestone.api.Citation;
import io.lodestone.api.Diagnostic;
import io.lodestone.api.Finding;
import io.lodestone.api.Report;
import io.lodestone.api.RunReport;
import io.lodestone.api.Severity;
import io.lodestone.api.Source;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A pull-request comment: per fact set the bottom line, the alignment score with its scale, a
 * category-by-severity table, the context facts, the findings by category (risks first) with their
 * evidence, the findings beyond the first few of a category collapsed in {@code <details>}, and the
 * numbered Sources. Every text
 * from a fact set is escaped, since review pages render HTML inside Markdown.
 */
public final class MarkdownFormatter implements ReportFormatter {
    static final int TOP = 5;

    @Override
    public String name() {
        return "markdown";
    }

    @Override
    public String description() {
        return "a pull-request comment: summary tables, top risks, collapsed details";
    }

    @Override
    public void write(RunReport run, OutputOptions options, Writer writer) throws IOException {
        PrintWriter out = new PrintWriter(writer);
        out.println("# Lodestone report");
        out.println();
        if (run.reports().size() > 1) {
            out.println("| fact set | alignment | band | findings | risk | inconsistency |");
            out.println("|---|---:|---|---:|---:|---:|");
            for (Report r : run.reports()) {
                out.println("| " + cell(r.id()) + " | "
                        + Numbers.signed(r.alignment().score()) + " | "
                        + r.alignment().band()
                        + " | " + r.counts().findings() + " | " + r.counts().of(Category.RISK) + " | "
                        + r.counts().of(Category.INCONSISTENCY) + " |");
            }
            out.println();
        }
        for (Report r : run.reports()) {
            writeReport(r, out);
        }
        List<Diagnostic> errors = new ArrayList<>(run.errors());
        run.reports().forEach(r -> errors.addAll(r.errors()));
        if (!errors.isEmpty()) {
            out.println("## Errors (" + errors.size() + ")");
            out.println();
            errors.forEach(e -> out.println("- " + cell(e.toCompilerString())));
            out.println();
        }
        out.flush();
    }

    private static void writeReport(Report r, PrintWriter out) {
        out.println("## " + cell(r.id()) + (r.title() == null ? "" : " — " + cell(r.title())));
        out.println();
        if (r.summary() != null) {
            out.println("**Bottom line.** " + cell(r.summary()));
            out.println();
        }
        out.println("**Alignment " + Numbers.signed(r.alignment().score()) + "** ("
                + r.alignment().band() + ") · " + cell(ReadableText.counts(r)) + " · `" + code(r.file()) + "`  ");
        out.println("Alignment " + cell(ReadableText.scale()) + ".");
        out.println();
        out.print("| category |");
        for (Severity s : severitiesDescending()) {
            out.print(" " + s.label() + " |");
        }
        out.println(" total |");
        out.println("|---|" + "---:|".repeat(Severity.values().length) + "---:|");
        for (Category c : Category.values()) {
            out.print("| " + c.name() + " |");
            for (Severity s : severitiesDescending()) {
                long n = r.findings().stream()
                        .filter(f -> f.getCategory() == c && f.getSeverity() == s)
                        .count();
                out.print(" " + n + " |");
            }
            out.println(" " + r.counts().of(c) + " |");
        }
        out.println();
        if (!r.context().isEmpty()) {
            out.println("### Context");
            out.println();
            out.println("Facts that frame several findings; their quotes are given once, here.");
            out.println();
            Map<String, String> numbers = EvidenceNotes.contextNumbers(r);
            for (Citation c : r.context()) {
                out.println("- **" + numbers.get(c.fact()) + "** " + cell(ReadableText.label(c)) + mark(c.source())
                        + (c.quote() == null ? "" : ": “" + cell(c.quote()) + "”"));
            }
            out.println();
        }
        List<Finding> shown = new ArrayList<>();
        for (Category c : SECTION_ORDER) {
            shown.addAll(r.findings().stream().filter(f -> f.getCategory() == c).toList());
        }
        IdentityHashMap<Finding, List<EvidenceNotes.Note>> notes = EvidenceNotes.of(r, shown);
        section(out, "Risks", r, Category.RISK, notes);
        section(out, "Inconsistencies", r, Category.INCONSISTENCY, notes);
        section(out, "Alignment", r, Category.ALIGNMENT, notes);
        if (!r.sources().isEmpty()) {
            out.println("### Sources");
            out.println();
            for (int i = 0; i < r.sources().size(); i++) {
                Source src = r.sources().get(i);
                out.println("- \\[" + (i + 1) + "\\] " + cell(ReadableText.source(src)) + link(src.url()));
            }
            out.println();
        }
    }

    private static final List<Category> SECTION_ORDER =
            List.of(Category.RISK, Category.INCONSISTENCY, Category.ALIGNMENT);

    private static void section(
            PrintWriter out, String heading, Report r, Category c, Map<Finding, List<EvidenceNotes.Note>> notes) {
        List<Finding> in =
                r.findings().stream().filter(f -> f.getCategory() == c).toList();
        if (in.isEmpty()) {
            return;
        }
        out.println("### " + heading + " (" + in.size() + ")");
        out.println();
        for (int i = 0; i < in.size(); i++) {
            if (i == TOP) {
                int more = in.size() - TOP;
                out.println();
                out.println(
                        "<details><summary>" + more + (more == 1 ? " more finding" : " more findings") + "</summary>");
                out.println();
            }
            finding(out, in.get(i), notes.get(in.get(i)));
        }
        if (in.size() > TOP) {
            out.println();
            out.println("</details>");
        }
        out.println();
    }

    private static void finding(PrintWriter out, Finding f, List<EvidenceNotes.Note> notes) {
        String tag = f.getWeight() == null ? f.getSeverity().label() : Numbers.signed(f.getWeight());
        out.println("- **" + tag + "** `" + code(f.getRuleId()) + "` — " + cell(f.getMessage()));
        for (EvidenceNotes.Note n : notes == null ? List.<EvidenceNotes.Note>of() : notes) {
            out.println("  - " + cell(n.label()) + mark(n.source()) + cell(EvidenceNotes.plain(n)));
        }
    }

    private static String mark(int source) {
        return source > 0 ? " \\[" + source + "\\]" : "";
    }

    /** A source's URL as text: like every URL from a fact set it goes in a code span, never a live link. */
    private static String link(String url) {
        return url == null || url.isBlank() ? "" : " " + cell(url.strip());
    }

    private static List<Severity> severitiesDescending() {
        List<Severity> s = new ArrayList<>(List.of(Severity.values()));
        java.util.Collections.reverse(s);
        return s;
    }

    /**
     * Safe inside a table cell: no HTML, no pipes, no line breaks, no Markdown emphasis or links; bare
     * URLs, e-mail addresses and {@code @mentions}, which review sites autolink or notify, go in code spans.
     */
    static String cell(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(text.length());
        java.util.regex.Matcher words = WORD.matcher(text);
        int last = 0;
        while (words.find()) {
            sb.append(escape(text.substring(last, words.start())));
            String word = words.group();
            sb.append(LINKISH.matcher(word).find() ? "`" + code(word) + "`" : escape(word));
            last = words.end();
        }
        return sb.append(escape(text.substring(last))).toString();
    }

    private static final java.util.regex.Pattern WORD = java.util.regex.Pattern.compile("\\S+");

    /** What GitHub-flavoured Markdown turns into a link or a notification (URLs, www., e-mail, @user). */
    private static final java.util.regex.Pattern LINKISH =
            java.util.regex.Pattern.compile("(?i)[a-z][a-z0-9+.-]*://|www\\.|@\\w|^(?:mailto|javascript|data):");

    private static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '|' -> sb.append("\\|");
                case '\\', '*', '_', '`', '[', ']', '#', '~', '$' ->
                    sb.append('\\').append(c);
                case '\n', '\r', '\t' -> sb.append(' ');
                default -> sb.append(Character.isISOControl(c) ? ' ' : c);
            }
        }
        return sb.toString();
    }

    /** Inside a code span backticks cannot be escaped; drop them and line breaks. */
    private static String code(String text) {
        return text == null ? "" : text.replaceAll("[`\\r\\n|\\p{Cntrl}]", "_");
    }
}
