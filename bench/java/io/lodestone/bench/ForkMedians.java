package io.lodestone.bench;

import static io.lodestone.bench.Measure.f;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One table for a suite run with {@code --forks N}: every fork's rows, marked with their fork, then for
 * each row that states a figure against a target in every fork, the median of the forks with its verdict.
 * On this 2-core box the same section measured end to end / (parse + raw Drools) 2.04x in one JVM and
 * 1.35x in the next (docs/performance.md, "Second round, fourth session"): one fork decides too much.
 */
final class ForkMedians {
    /** What {@link Measure#verdict} writes: the figure, its unit, the target and the verdict. */
    private static final Pattern VERDICT = Pattern.compile(
            "(\\d+(?:\\.\\d+)?)( ?(?:x|MiB|s)) \\(target (<=|>=) (\\d+(?:\\.\\d+)?)( ?(?:x|MiB|s))\\) (MET|NOT MET)");

    private ForkMedians() {}

    static Suite.Table table(List<Suite.Table> forks) {
        Suite.Table out = new Suite.Table();
        Map<String, List<String>> notes = new LinkedHashMap<>();
        for (int k = 0; k < forks.size(); k++) {
            for (String[] row : forks.get(k).rows()) {
                out.addMeasured(row[0] + " (fork " + (k + 1) + ")", row[1], row[2]);
                notes.computeIfAbsent(row[0], w -> new ArrayList<>()).add(row[2]);
            }
        }
        notes.forEach((what, forkNotes) -> {
            String median = forkNotes.size() == forks.size() ? median(forkNotes) : null;
            if (median != null) {
                out.row(what, f("median of %d forks", forks.size()), median);
            }
        });
        return out;
    }

    /**
     * The median of each verdict the notes share (the same number of verdicts with the same targets in
     * every fork), each after the text that names it in the first fork; null when there is none.
     */
    static String median(List<String> notes) {
        List<List<MatchResult>> found = new ArrayList<>();
        for (String note : notes) {
            List<MatchResult> matches = new ArrayList<>();
            Matcher m = VERDICT.matcher(note);
            while (m.find()) {
                matches.add(new MatchResult(
                        note.substring(labelStart(note, m.start()), m.start()).strip(),
                        Double.parseDouble(m.group(1)),
                        m.group(2).strip(),
                        m.group(3),
                        Double.parseDouble(m.group(4)),
                        m.group(6).equals("MET")));
            }
            found.add(matches);
        }
        int count = found.get(0).size();
        if (count == 0 || found.stream().anyMatch(list -> list.size() != count)) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            MatchResult first = found.get(0).get(i);
            List<MatchResult> ranked = new ArrayList<>();
            List<String> each = new ArrayList<>();
            for (int k = 0; k < found.size(); k++) {
                MatchResult r = found.get(k).get(i);
                if (r.target() != first.target()
                        || !r.op().equals(first.op())
                        || !r.unit().equals(first.unit())) {
                    return null;
                }
                ranked.add(r);
                each.add(Measure.trim(r.value()) + (first.unit().equals("x") ? "x" : " " + first.unit()));
            }
            double median = Measure.median(
                    ranked.stream().mapToDouble(MatchResult::value).toArray());
            // the notes print figures rounded (1.695x as "1.70x ... NOT MET"): an odd count's median is one
            // fork's figure, and that fork's verdict, taken on the unrounded figure, is the one to keep; ties in
            // the printed figure are ordered as their verdicts say the unrounded ones were
            ranked.sort(Comparator.comparingDouble(MatchResult::value)
                    .thenComparing(r -> r.met() == first.op().equals(">=")));
            String verdict = first.unit().equals("x")
                    ? Measure.verdict(median, first.op(), first.target())
                    : Measure.verdict(median, first.op(), first.target(), first.unit());
            if (ranked.size() % 2 == 1) {
                verdict = withVerdict(verdict, ranked.get(ranked.size() / 2).met());
            }
            parts.add((first.label().isEmpty() ? "" : first.label() + " ") + verdict + " (forks: "
                    + String.join(", ", each) + ")");
        }
        return String.join("; ", parts);
    }

    /** Where the words naming a verdict begin: after the previous verdict's end, a ";" or a ", ". */
    private static int labelStart(String note, int verdictStart) {
        int start = 0;
        for (String mark : List.of(";", ", ", "MET")) {
            int at = note.lastIndexOf(mark, verdictStart - 1);
            if (at >= 0) {
                start = Math.max(start, at + mark.length());
            }
        }
        return start;
    }

    /** {@code verdict} with its MET / NOT MET replaced. */
    private static String withVerdict(String verdict, boolean met) {
        String figure = verdict.endsWith("NOT MET")
                ? verdict.substring(0, verdict.length() - "NOT MET".length())
                : verdict.substring(0, verdict.length() - "MET".length());
        return figure + (met ? "MET" : "NOT MET");
    }

    private record MatchResult(String label, double value, String unit, String op, double target, boolean met) {}
}
