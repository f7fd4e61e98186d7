package io.lodestone.output;

import io.lodestone.api.Category;
import io.lodestone.api.Citation;
import io.lodestone.api.Diagnostic;
import io.lodestone.api.Finding;
import io.lodestone.api.Report;
import io.lodestone.api.RuleDescription;
import io.lodestone.api.RunReport;
import io.lodestone.api.Severity;
import io.lodestone.api.Source;
import io.lodestone.api.Trace;
import io.lodestone.api.TracedFact;
import java.io.IOException;
import java.io.Writer;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * One self-contained HTML page an analyst opens or forwards: styles inline, charts as inline SVG, no
 * script and a Content-Security-Policy that forbids every fetch. Every text from a fact set or rule is
 * escaped (fact sets are untrusted input).
 */
public final class HtmlFormatter implements ReportFormatter {
    private static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

    @Override
    public String name() {
        return "html";
    }

    @Override
    public String description() {
        return "one self-contained HTML page with charts and a risk matrix";
    }

    @Override
    public void write(RunReport run, OutputOptions options, Writer out) throws IOException {
        StringBuilder sb = new StringBuilder(64 * 1024);
        sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"")
                .append(CSP)
                .append("\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>Lodestone report</title>\n<style>")
                .append(HtmlStyle.CSS)
                .append("</style></head>\n")
                .append("<body><header class=\"page\"><h1>Lodestone report</h1><p class=\"meta\">")
                .append(run.reports().size())
                .append(run.reports().size() == 1 ? " fact set" : " fact sets");
        if (run.rulesHash() != null) {
            sb.append(" · ")
                    .append(run.ruleCount())
                    .append(" rules · <code>")
                    .append(esc(run.rulesHash()))
                    .append("</code>");
        }
        sb.append("</p></header>\n<main>\n");
        if (run.reports().size() > 1) {
            comparison(run.reports(), sb);
        }
        Map<String, RuleDescription> rules = ReadableText.rulesById(run);
        for (int i = 0; i < run.reports().size(); i++) {
            report(run.reports().get(i), i, rules, sb);
        }
        errors(run, sb);
        sb.append("</main></body></html>\n");
        out.write(sb.toString());
        out.flush();
    }

    private static void comparison(List<Report> reports, StringBuilder sb) {
        sb.append("<section class=\"comparison card\"><h2>Comparison</h2>\n<table class=\"compare\"><thead><tr>")
                .append("<th>fact set</th><th>score</th><th>band</th><th>findings</th>");
        for (Category c : Category.values()) {
            sb.append("<th>")
                    .append(c.name().toLowerCase(java.util.Locale.ROOT))
                    .append("</th>");
        }
        sb.append("<th>high+</th></tr></thead><tbody>\n");
        for (int i = 0; i < reports.size(); i++) {
            Report r = reports.get(i);
            long severe = r.findings().stream()
                    .filter(f -> f.getSeverity().atLeast(Severity.HIGH))
                    .count();
            sb.append("<tr data-fact-set=\"")
                    .append(esc(r.id()))
                    .append("\"><td><a href=\"#fs-")
                    .append(i)
                    .append("\">")
                    .append(esc(r.id()))
                    .append("</a></td><td class=\"num\">")
                    .append(esc(Numbers.signed(r.alignment().score())))
                    .append("</td><td>")
                    .append(band(r))
                    .append("</td><td class=\"num\">")
                    .append(r.counts().findings())
                    .append("</td>");
            for (Category c : Category.values()) {
                sb.append("<td class=\"num\">").append(r.counts().of(c)).append("</td>");
            }
            sb.append("<td class=\"num\">").append(severe).append("</td></tr>\n");
        }
        sb.append("</tbody></table>\n").append(HtmlCharts.comparison(reports)).append("</section>\n");
    }

    private static void report(Report r, int index, Map<String, RuleDescription> rules, StringBuilder sb) {
        sb.append("<section class=\"fact-set card\" id=\"fs-")
                .append(index)
                .append("\" data-fact-set=\"")
                .append(esc(r.id()))
                .append("\">\n<div class=\"summary\"><div class=\"what\"><h2>")
                .append(esc(r.id()))
                .append("</h2>");
        if (r.title() != null) {
            sb.append("<p class=\"title\">").append(esc(r.title())).append("</p>");
        }
        sb.append("<p class=\"file\"><code>")
                .append(esc(r.file()))
                .append("</code> · ")
                .append(r.counts().facts())
                .append(" facts · ")
                .append(r.counts().rules())
                .append(" rules</p>");
        if (r.summary() != null) {
            sb.append("<div class=\"bottom-line\"><h3>Bottom line</h3><p>")
                    .append(esc(r.summary()))
                    .append("</p></div>");
        }
        sb.append("</div>\n")
                .append("<div class=\"score\"><div class=\"score-value\" data-score=\"")
                .append(esc(HtmlCharts.num(r.alignment().score())))
                .append("\">")
                .append(esc(Numbers.signed(r.alignment().score())))
                .append("</div>")
                .append(band(r))
                .append("<div class=\"score-label\">alignment</div></div>\n")
                .append("<div class=\"bar\">")
                .append(HtmlCharts.scoreBar(r))
                .append("<p class=\"scale\">Alignment ")
                .append(esc(ReadableText.scale()))
                .append(".</p></div></div>\n<div class=\"counts\">");
        for (Category c : Category.values()) {
            sb.append("<span class=\"chip cat-")
                    .append(c.name().toLowerCase(java.util.Locale.ROOT))
                    .append("\" data-category=\"")
                    .append(c.name())
                    .append("\">")
                    .append(c.name().toLowerCase(java.util.Locale.ROOT))
                    .append(" <b>")
                    .append(r.counts().of(c))
                    .append("</b></span>");
        }
        for (Severity s : descending()) {
            sb.append("<span class=\"chip sev-")
                    .append(s.label())
                    .append("\" data-severity=\"")
                    .append(s.label())
                    .append("\">")
                    .append(s.label())
                    .append(" <b>")
                    .append(r.counts().of(s))
                    .append("</b></span>");
        }
        sb.append("</div>\n<p class=\"counts-line\">")
                .append(esc(ReadableText.counts(r)))
                .append("</p>\n")
                .append("<div class=\"matrix\"><h3>Risk matrix</h3>")
                .append(HtmlCharts.riskMatrix(r))
                .append("</div>\n");
        if (!r.context().isEmpty()) {
            Map<String, String> numbers = EvidenceNotes.contextNumbers(r);
            sb.append("<div class=\"context\"><h3>Context</h3><p class=\"rule-desc\">Facts that frame several "
                    + "findings; their quotes are given once, here.</p><ul class=\"context-list\">");
            for (Citation c : r.context()) {
                sb.append("<li id=\"fs-")
                        .append(index)
                        .append('-')
                        .append(esc(numbers.get(c.fact())))
                        .append("\"><b>")
                        .append(esc(numbers.get(c.fact())))
                        .append("</b> ")
                        .append(esc(ReadableText.label(c)))
                        .append(sourceLink(index, c.source()));
                if (c.quote() != null) {
                    sb.append("<blockquote>").append(esc(c.quote())).append("</blockquote>");
                }
                sb.append("</li>");
            }
            sb.append("</ul></div>\n");
        }
        IdentityHashMap<Finding, List<EvidenceNotes.Note>> notes = EvidenceNotes.of(r, r.findings());
        for (Category c : Category.values()) {
            List<Finding> findings =
                    r.findings().stream().filter(f -> f.getCategory() == c).toList();
            if (findings.isEmpty()) {
                continue;
            }
            sb.append("<div class=\"category\" data-category=\"")
                    .append(c.name())
                    .append("\"><h3>")
                    .append(c.name())
                    .append(" <span class=\"n\">")
                    .append(findings.size())
                    .append("</span></h3>\n");
            findings.forEach(f -> finding(f, index, rules.get(f.getRuleId()), notes.get(f), sb));
            sb.append("</div>\n");
        }
        if (!r.errors().isEmpty()) {
            sb.append("<div class=\"errors\"><h3>Evaluation errors</h3><ul>");
            r.errors().forEach(e -> sb.append("<li><code>")
                    .append(esc(e.toCompilerString()))
                    .append("</code></li>"));
            sb.append("</ul></div>\n");
        }
        if (!r.sources().isEmpty()) {
            sb.append("<div class=\"sources\"><h3>Sources</h3><ol class=\"sources\">");
            for (int i = 0; i < r.sources().size(); i++) {
                Source src = r.sources().get(i);
                sb.append("<li id=\"fs-")
                        .append(index)
                        .append("-src-")
                        .append(i + 1)
                        .append("\">")
                        .append(esc(ReadableText.source(src)));
                if (src.url() != null && src.url().strip().matches("https?://\\S+")) {
                    sb.append(" <a href=\"")
                            .append(esc(src.url().strip()))
                            .append("\">")
                            .append(esc(src.url().strip()))
                            .append("</a>");
                } else if (src.url() != null) {
                    sb.append(' ').append(esc(src.url()));
                }
                sb.append("</li>");
            }
            sb.append("</ol></div>\n");
        }
        sb.append("</section>\n");
    }

    private static String sourceLink(int index, int source) {
        return source > 0 ? " <a class=\"src\" href=\"#fs-" + index + "-src-" + source + "\">[" + source + "]</a>" : "";
    }

    private static void finding(
            Finding f, int index, RuleDescription rule, List<EvidenceNotes.Note> notes, StringBuilder sb) {
        String tag = f.getWeight() == null ? f.getSeverity().label() : Numbers.signed(f.getWeight());
        String weight = f.getWeight() == null ? "" : f.getWeight() >= 0 ? " weight-pos" : " weight-neg";
        sb.append("<article class=\"finding sev-")
                .append(f.getSeverity().label())
                .append(weight)
                .append("\" data-rule=\"")
                .append(esc(f.getRuleId()))
                .append("\" data-severity=\"")
                .append(f.getSeverity().label())
                .append("\" data-facts=\"")
                .append(esc(String.join(" ", f.getFacts())))
                .append("\"><div class=\"head\"><span class=\"badge sev-")
                .append(f.getSeverity().label())
                .append(weight)
                .append("\">")
                .append(esc(tag))
                .append("</span> <code class=\"rule\">")
                .append(esc(f.getRuleId()))
                .append("</code>");
        if (rule != null && rule.description() != null) {
            sb.append(" <span class=\"rule-desc\">")
                    .append(esc(rule.description()))
                    .append("</span>");
        }
        sb.append("</div>\n<p class=\"message\">").append(esc(f.getMessage())).append("</p>\n");
        if (notes != null && !notes.isEmpty()) {
            sb.append("<ul class=\"evidence-list\">");
            for (EvidenceNotes.Note n : notes) {
                sb.append("<li>").append(esc(n.label())).append(sourceLink(index, n.source()));
                switch (n.kind()) {
                    case QUOTE -> sb.append(": <q>").append(esc(n.text())).append("</q>");
                    case CONTEXT ->
                        sb.append(": context <a href=\"#fs-")
                                .append(index)
                                .append('-')
                                .append(esc(n.text()))
                                .append("\">")
                                .append(esc(n.text()))
                                .append("</a>");
                    default -> sb.append(esc(EvidenceNotes.plain(n)));
                }
                sb.append("</li>");
            }
            sb.append("</ul>\n");
        }
        sb.append(trace(f)).append("</article>\n");
    }

    /** A finding's {@code --explain} trace as a collapsed tree; nothing without {@code --explain}. */
    static String trace(Finding f) {
        if (f.getTrace() == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder("<details class=\"trace\"><summary>why it fired</summary>");
        traceTree(f.getTrace(), sb);
        return sb.append("</details>\n").toString();
    }

    private static void traceTree(Trace t, StringBuilder sb) {
        sb.append("<div class=\"trace-rule\"><code>")
                .append(esc(t.ruleId()))
                .append("</code> ")
                .append(esc(t.ruleName()))
                .append(" <span class=\"where\">")
                .append(esc(t.file()))
                .append(':')
                .append(t.line())
                .append("</span></div><ul>");
        for (TracedFact fact : t.facts()) {
            sb.append("<li><code class=\"fact\">")
                    .append(esc(fact.type()))
                    .append(' ')
                    .append(esc(fact.id()))
                    .append("</code>");
            fact.fields().forEach((k, v) -> sb.append(" <span class=\"field\">")
                    .append(esc(k))
                    .append('=')
                    .append(esc(String.valueOf(v)))
                    .append("</span>"));
            if (fact.derivedBy() != null) {
                traceTree(fact.derivedBy(), sb);
            }
            sb.append("</li>");
        }
        if (!t.bindings().isEmpty()) {
            sb.append("<li class=\"bindings\">bound:");
            t.bindings().forEach((k, v) -> sb.append(" <span class=\"field\">")
                    .append(esc(k))
                    .append('=')
                    .append(esc(String.valueOf(v)))
                    .append("</span>"));
            sb.append("</li>");
        }
        sb.append("</ul>");
    }

    private static void errors(RunReport run, StringBuilder sb) {
        if (run.errors().isEmpty()) {
            return;
        }
        sb.append("<section class=\"load-errors card\"><h2>Inputs that could not be loaded <span class=\"n\">")
                .append(run.errors().size())
                .append("</span></h2><ul>");
        for (Diagnostic e : run.errors()) {
            sb.append("<li data-kind=\"")
                    .append(esc(e.kind().label()))
                    .append("\"><code>")
                    .append(esc(e.toCompilerString()))
                    .append("</code></li>");
        }
        sb.append("</ul></section>\n");
    }

    private static String band(Report r) {
        return "<span class=\"band band-" + esc(r.alignment().band()) + "\">"
                + esc(r.alignment().band()) + "</span>";
    }

    private static List<Severity> descending() {
        return Severity.mostSevereFirst();
    }

    /** Text and attribute-safe HTML escaping; control characters other than whitespace are dropped. */
    static String esc(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> {
                    if (!Character.isISOControl(c) || c == '\n' || c == '\t') {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }
}
