package io.lodestone.output;

import io.lodestone.api.Category;
import io.lodestone.api.Diagnostic;
import io.lodestone.api.Finding;
import io.lodestone.api.Report;
import io.lodestone.api.RunReport;
import io.lodestone.api.Severity;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * A pull-request comment: per fact set the alignment score, a category-by-severity table, the top
 * risks and inconsistencies, and the remaining findings in a collapsed {@code <details>}. Every text
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
                out.println("| " + cell(r.id()) + " | " + Numbers.signed(r.alignment().score()) + " | " + r.alignment().band()
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
        out.println("**Alignment " + Numbers.signed(r.alignment().score()) + "** (" + r.alignment().band() + ") · "
                + r.counts().findings() + " findings · " + r.counts().facts() + " facts · `" + code(r.file()) + "`");
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
                long n = r.findings().stream().filter(f -> f.getCategory() == c && f.getSeverity() == s).count();
                out.print(" " + n + " |");
            }
            out.println(" " + r.counts().of(c) + " |");
        }
        out.println();
        List<Finding> shown = new ArrayList<>();
        section(out, "Top risks", r, Category.RISK, shown);
        section(out, "Inconsistencies", r, Category.INCONSISTENCY, shown);
        List<Finding> rest = r.findings().stream().filter(f -> !shown.contains(f)).toList();
        if (!rest.isEmpty()) {
            out.println("<details><summary>" + rest.size() + (rest.size() == 1 ? " more finding" : " more findings")
                    + "</summary>");
            out.println();
            table(out, rest);
            out.println();
            out.println("</details>");
            out.println();
        }
    }

    private static void section(PrintWriter out, String heading, Report r, Category c, List<Finding> shown) {
        List<Finding> top = r.findings().stream().filter(f -> f.getCategory() == c).limit(TOP).toList();
        if (top.isEmpty()) {
            return;
        }
        out.println("### " + heading);
        out.println();
        table(out, top);
        out.println();
        shown.addAll(top);
    }

    private static void table(PrintWriter out, List<Finding> findings) {
        out.println("| severity | rule | message | facts |");
        out.println("|---|---|---|---|");
        for (Finding f : findings) {
            String tag = f.getWeight() == null ? f.getSeverity().label() : Numbers.signed(f.getWeight());
            out.println("| " + tag + " | `" + code(f.getRuleId()) + "` | " + cell(f.getMessage()) + " | "
                    + cell(String.join(", ", f.getFacts())) + " |");
        }
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
    private static final java.util.regex.Pattern LINKISH = java.util.regex.Pattern.compile(
            "(?i)[a-z][a-z0-9+.-]*://|www\\.|@\\w|^(?:mailto|javascript|data):");

    private static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '|' -> sb.append("\\|");
                case '\\', '*', '_', '`', '[', ']', '#', '~', '$' -> sb.append('\\').append(c);
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
