package io.lodestone.report;

import io.lodestone.api.Alignment;
import io.lodestone.api.AlignmentBand;
import io.lodestone.api.Category;
import io.lodestone.api.Finding;
import io.lodestone.api.Severity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The bottom line that opens every report: three sentences derived from the findings alone (never
 * written per fact set): the alignment verdict, the risks with the most severe named, and the
 * inconsistencies with the worst named. Findings arrive in report order, most severe first per category.
 */
public final class BottomLine {
    private BottomLine() {}

    /**
     * The bottom line of one report.
     *
     * @param findings  the report's findings, in report order
     * @param alignment its alignment roll-up
     * @return two to four sentences
     */
    public static String of(List<Finding> findings, Alignment alignment) {
        List<String> sentences = new ArrayList<>();
        sentences.add(alignmentSentence(alignment));
        sentences.add(categorySentence(
                findings, Category.RISK, "risk", "risks", "the most severe", "No strategic risk was found."));
        sentences.add(categorySentence(
                findings,
                Category.INCONSISTENCY,
                "inconsistency",
                "inconsistencies",
                "the worst",
                "The sources contain no inconsistency that the rules check for."));
        return String.join(" ", sentences);
    }

    /** Kept apart so a different alignment model (e.g. one verdict per priority) changes one method. */
    static String alignmentSentence(Alignment alignment) {
        if ("not-assessed".equals(alignment.band()) || alignment.contributions().isEmpty()) {
            return "Alignment was not assessed: no finding relates a deal to a stated policy priority.";
        }
        long serving = alignment.contributions().stream()
                .filter(f -> f.getWeight() != null && f.getWeight() > 0)
                .count();
        long against = alignment.contributions().stream()
                .filter(f -> f.getWeight() != null && f.getWeight() < 0)
                .count();
        return "Alignment: " + alignment.band().replace('-', ' ') + " with the stated priorities (score "
                + signed(alignment.score()) + ", " + bandRange(alignment.band()) + "); "
                + (serving == 0 ? "none serves them" : count(serving, "finding serves them", "findings serve them"))
                + " and "
                + (against == 0 ? "none works against them" : count(against, "works against them", "work against them"))
                + ".";
    }

    /** The score range of a band, from the thresholds of {@link AlignmentBand}. */
    public static String bandRange(String band) {
        double[] e = AlignmentBand.edges(); // strongly-misaligned | misaligned | mixed | aligned | strongly-aligned
        return switch (band) {
            case "strongly-aligned" -> "the band of " + signed(e[3]) + " and above";
            case "aligned" -> "the band from " + signed(e[2]) + " to below " + signed(e[3]);
            case "mixed" -> "the band above " + signed(e[1]) + " and below " + signed(e[2]);
            case "misaligned" -> "the band above " + signed(e[0]) + " up to " + signed(e[1]);
            case "strongly-misaligned" -> "the band of " + signed(e[0]) + " and below";
            default -> "not assessed";
        };
    }

    private static String categorySentence(
            List<Finding> findings, Category category, String one, String many, String worstWord, String none) {
        List<Finding> in =
                findings.stream().filter(f -> f.getCategory() == category).toList();
        if (in.isEmpty()) {
            return none;
        }
        Map<Severity, Integer> bySeverity = new EnumMap<>(Severity.class);
        in.forEach(f -> bySeverity.merge(f.getSeverity(), 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        for (Severity s : Severity.values()) {
            Integer n = bySeverity.get(s);
            if (n != null) {
                parts.add(0, n + " " + s.label()); // Severity runs info..critical; most severe first
            }
        }
        Finding worst = in.stream()
                .max(java.util.Comparator.comparing(Finding::getSeverity))
                .orElseThrow();
        String head = "The sources contain ";
        if (category == Category.RISK) {
            head = "The rules found ";
        }
        String sentence = head + count(in.size(), one, many) + " (" + join(parts) + ")";
        if (in.size() == 1) {
            return sentence + ": " + endSentence(worst.getMessage());
        }
        return sentence + "; " + worstWord + " (" + worst.getSeverity().label() + "): "
                + endSentence(worst.getMessage());
    }

    private static String endSentence(String message) {
        String m = message.strip();
        return m.endsWith(".") || m.endsWith("!") || m.endsWith("?") ? m : m + ".";
    }

    private static String join(List<String> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }

    private static String count(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    static String signed(double v) {
        String n = fixed(v, v == Math.rint(v) ? 1 : 2);
        return v > 0 ? "+" + n : n.replace('-', '\u2212');
    }

    /**
     * As {@code String.format(Locale.ROOT, "%.<scale>f", v)} (half-up on the shortest decimal form, "-0.0"
     * kept) without the Formatter, which cost 3% of an evaluation here.
     */
    static String fixed(double v, int scale) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return String.format(Locale.ROOT, "%." + scale + "f", v);
        }
        String s = BigDecimal.valueOf(v).setScale(scale, RoundingMode.HALF_UP).toPlainString();
        return (v < 0 || 1 / v < 0) && s.charAt(0) != '-' ? "-" + s : s;
    }
}
