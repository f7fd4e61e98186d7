package io.lodestone.output;

import io.lodestone.api.AlignmentBand;
import io.lodestone.api.Category;
import io.lodestone.api.Citation;
import io.lodestone.api.Report;
import io.lodestone.api.RuleDescription;
import io.lodestone.api.RunReport;
import io.lodestone.api.Severity;
import io.lodestone.api.Source;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Wording shared by the formats people read (text, Markdown, HTML): scale, counts, sources, wrapping. */
final class ReadableText {
    private ReadableText() {}

    /** The alignment scale and the band thresholds, in one line. */
    static String scale() {
        double[] e = AlignmentBand.edges(); // strongly-misaligned | misaligned | mixed | aligned | strongly-aligned
        return "scale: the verdicts per priority, contested credits at half weight, less 1 per high and 2 per critical risk on the deal (docs/alignment.md; drawn from \u221210 to +10); bands: "
                + edge(e[3]) + " and above strongly aligned, " + edge(e[2]) + " to " + edge(e[3]) + " aligned, above "
                + edge(e[1]) + " to " + edge(e[2]) + " mixed, above " + edge(e[0]) + " to " + edge(e[1])
                + " misaligned, " + edge(e[0]) + " and below strongly misaligned";
    }

    private static String edge(double v) {
        String n = v == Math.rint(v)
                ? String.valueOf((long) Math.abs(v))
                : String.format(Locale.ROOT, "%.1f", Math.abs(v));
        return (v > 0 ? "+" : v < 0 ? "\u2212" : "") + n;
    }

    /** One line of counts for a fact set. */
    static String counts(Report r) {
        List<String> severities = new ArrayList<>();
        for (Severity s : descending()) {
            int n = r.counts().of(s);
            if (n > 0) {
                severities.add(n + " " + s.label());
            }
        }
        return plural(r.counts().findings(), "finding", "findings") + " ("
                + r.counts().of(Category.ALIGNMENT)
                + " alignment, " + r.counts().of(Category.RISK) + " risk, "
                + r.counts().of(Category.INCONSISTENCY)
                + " inconsistency" + (severities.isEmpty() ? "" : "; " + String.join(", ", severities)) + ") from "
                + plural(r.counts().facts(), "fact", "facts") + " and "
                + plural(r.counts().rules(), "rule", "rules");
    }

    /** Title, kind, publisher, author, date; the URL is left to each format (a link in HTML). */
    static String source(Source s) {
        List<String> parts = new ArrayList<>();
        for (String p : new String[] {s.kind(), s.publisher(), s.author(), s.published()}) {
            if (p != null && !p.isBlank()) {
                parts.add(p.strip());
            }
        }
        String title = s.title() == null ? s.id() : s.title();
        return title + (parts.isEmpty() ? "" : " \u2014 " + String.join(", ", parts));
    }

    /**
     * A finding's citations in order, with consecutive unquoted, unnamed facts of one type and one
     * source merged ("AidTranche t1, t2, t3"), so a list of tranches reads as one line of evidence.
     */
    static List<List<Citation>> groups(List<Citation> citations) {
        List<List<Citation>> out = new ArrayList<>();
        for (Citation c : citations) {
            List<Citation> last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null
                    && mergeable(c)
                    && mergeable(last.get(0))
                    && c.source() == last.get(0).source()
                    && java.util.Objects.equals(c.type(), last.get(0).type())) {
                last.add(c);
            } else {
                out.add(new ArrayList<>(List.of(c)));
            }
        }
        return out;
    }

    private static boolean mergeable(Citation c) {
        return c.quote() == null && c.name() == null && !c.context() && c.source() > 0;
    }

    /** How a group of citations names its facts: "Deal name" or "AidTranche t1, t2". */
    static String label(List<Citation> group) {
        if (group.size() == 1) {
            return label(group.get(0));
        }
        List<String> ids = new ArrayList<>();
        group.forEach(c -> ids.add(c.fact()));
        return (group.get(0).type() == null ? "" : group.get(0).type() + " ") + String.join(", ", ids);
    }

    /** How a citation names its fact: the name (or id) and, for a fact without a name, its type. */
    static String label(Citation c) {
        if (c.name() != null) {
            return c.name();
        }
        return c.type() == null ? c.fact() : c.type() + " " + c.fact();
    }

    static Map<String, RuleDescription> rulesById(RunReport run) {
        Map<String, RuleDescription> byId = new HashMap<>();
        run.rules().forEach(r -> byId.putIfAbsent(r.id(), r));
        return byId;
    }

    static List<Severity> descending() {
        List<Severity> s = new ArrayList<>(List.of(Severity.values()));
        java.util.Collections.reverse(s);
        return s;
    }

    static String plural(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    /**
     * Breaks text into lines of at most {@code width} characters at spaces (a longer word gets a line of
     * its own), the first line after {@code first}, the others after {@code rest}.
     */
    static List<String> wrap(String text, String first, String rest, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder(first);
        int start = first.length();
        for (String word : text.strip().split(" +", -1)) {
            if (word.isEmpty()) {
                continue;
            }
            if (line.length() > start && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line = new StringBuilder(rest);
                start = rest.length();
            }
            if (line.length() > start) {
                line.append(' ');
            }
            line.append(word);
        }
        lines.add(line.toString());
        return lines;
    }
}
