package io.lodestone.verify;

import io.lodestone.api.CaseResult.Mismatch;
import io.lodestone.api.Finding;
import io.lodestone.api.Report;
import io.lodestone.api.Severity;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Compares a report with an expectation; returns every difference, never only the first. */
final class ExpectationMatcher {
    private ExpectationMatcher() {}

    static List<Mismatch> compare(Expectation expectation, Report report) {
        List<Mismatch> problems = new ArrayList<>();
        Set<Finding> accounted = new HashSet<>();
        for (Expectation.Entry must : expectation.must()) {
            List<Finding> candidates =
                    report.findings().stream().filter(f -> cites(f, must)).toList();
            if (candidates.isEmpty()) {
                problems.add(new Mismatch("missing", must.ruleId(), must.facts(), null, null, null));
                continue;
            }
            accounted.addAll(candidates);
            Finding best = candidates.get(0);
            if (must.severity() != null
                    && candidates.stream().noneMatch(f -> f.getSeverity() == Severity.parse(must.severity()))) {
                problems.add(new Mismatch(
                        "mismatched",
                        must.ruleId(),
                        best.getFacts(),
                        "severity",
                        must.severity().toLowerCase(Locale.ROOT),
                        best.getSeverity().label()));
            }
            if (must.weight() != null
                    && candidates.stream()
                            .noneMatch(f -> f.getWeight() != null && Math.abs(f.getWeight() - must.weight()) < 1e-9)) {
                problems.add(new Mismatch(
                        "mismatched",
                        must.ruleId(),
                        best.getFacts(),
                        "weight",
                        String.valueOf(must.weight()),
                        String.valueOf(best.getWeight())));
            }
        }
        for (Expectation.Entry mustNot : expectation.mustNot()) {
            report.findings().stream()
                    .filter(f -> cites(f, mustNot))
                    .forEach(f -> problems.add(
                            new Mismatch("unexpected", f.getRuleId(), f.getFacts(), null, null, f.getMessage())));
        }
        if (expectation.exact()) {
            report.findings().stream()
                    .filter(f -> !accounted.contains(f))
                    .filter(f -> expectation.mustNot().stream().noneMatch(e -> cites(f, e)))
                    .forEach(f -> problems.add(
                            new Mismatch("unexpected", f.getRuleId(), f.getFacts(), null, null, f.getMessage())));
        }
        Expectation.AlignmentRange range = expectation.alignment();
        if (range != null) {
            double score = report.alignment().score();
            if ((range.min() != null && score < range.min() - 1e-9)
                    || (range.max() != null && score > range.max() + 1e-9)) {
                problems.add(new Mismatch(
                        "alignment",
                        null,
                        List.of(),
                        "score",
                        "[" + (range.min() == null ? "-inf" : range.min()) + ", "
                                + (range.max() == null ? "+inf" : range.max()) + "]",
                        String.valueOf(score)));
            }
            if (range.band() != null && !range.band().equals(report.alignment().band())) {
                problems.add(new Mismatch(
                        "alignment",
                        null,
                        List.of(),
                        "band",
                        range.band(),
                        report.alignment().band()));
            }
        }
        return problems;
    }

    private static boolean cites(Finding f, Expectation.Entry e) {
        return f.getRuleId().equals(e.ruleId()) && f.getFacts().containsAll(e.facts());
    }
}
