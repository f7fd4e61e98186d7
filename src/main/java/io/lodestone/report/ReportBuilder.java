package io.lodestone.report;

import io.lodestone.api.Alignment;
import io.lodestone.api.Category;
import io.lodestone.api.Counts;
import io.lodestone.api.Diagnostic;
import io.lodestone.api.FactSet;
import io.lodestone.api.Finding;
import io.lodestone.api.Report;
import io.lodestone.api.RuleDescription;
import io.lodestone.api.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Puts one fact set's findings in report order and derives the alignment roll-up and counts. */
public final class ReportBuilder {
    /** Category, severity (most severe first), rule id, fact ids, message: total, so output is stable. */
    public static final Comparator<Finding> ORDER = Comparator.comparing(Finding::getCategory)
            .thenComparing(Finding::getSeverity, Comparator.reverseOrder())
            .thenComparing(Finding::getRuleId)
            .thenComparing(f -> f.getFacts(), ReportBuilder::compareLists)
            .thenComparing(Finding::getMessage);

    private ReportBuilder() {}

    public static Report build(FactSet factSet, List<Finding> findings, List<Diagnostic> errors, int ruleCount) {
        return build(factSet, findings, errors, ruleCount, List.of());
    }

    /** As above, with the rules whose {@code @priority} / {@code @effect} metadata the alignment verdicts read. */
    public static Report build(
            FactSet factSet,
            List<Finding> findings,
            List<Diagnostic> errors,
            int ruleCount,
            List<RuleDescription> rules) {
        List<Finding> ordered = new ArrayList<>(findings);
        ordered.sort(ORDER);
        EvidencePlacement.Placed placed = EvidencePlacement.place(ordered, factSet);
        List<Finding> sorted = placed.findings();
        Map<String, RuleDescription> byId = new HashMap<>();
        rules.forEach(r -> byId.putIfAbsent(r.id(), r));
        Alignment alignment = AlignmentMethod.assess(factSet, sorted, byId);
        Map<Category, Integer> byCategory = new EnumMap<>(Category.class);
        Map<Severity, Integer> bySeverity = new EnumMap<>(Severity.class);
        for (Category c : Category.values()) {
            byCategory.put(c, 0);
        }
        for (Severity s : Severity.values()) {
            bySeverity.put(s, 0);
        }
        for (Finding f : sorted) {
            byCategory.merge(f.getCategory(), 1, Integer::sum);
            bySeverity.merge(f.getSeverity(), 1, Integer::sum);
        }
        Counts counts = new Counts(
                byCategory, bySeverity, sorted.size(), factSet.facts().size(), ruleCount);
        return new Report(
                factSet.id(),
                factSet.title(),
                factSet.file(),
                sorted,
                alignment,
                counts,
                errors,
                BottomLine.of(sorted, alignment),
                placed.sources(),
                placed.context());
    }

    private static int compareLists(List<String> a, List<String> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }
}
