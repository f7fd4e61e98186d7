package io.lodestone.report;

import io.lodestone.api.Alignment;
import io.lodestone.api.AlignmentBand;
import io.lodestone.api.Category;
import io.lodestone.api.Counts;
import io.lodestone.api.Diagnostic;
import io.lodestone.api.FactSet;
import io.lodestone.api.Finding;
import io.lodestone.api.Report;
import io.lodestone.api.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
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

    private ReportBuilder() {
    }

    public static Report build(FactSet factSet, List<Finding> findings, List<Diagnostic> errors, int ruleCount) {
        List<Finding> ordered = new ArrayList<>(findings);
        ordered.sort(ORDER);
        EvidencePlacement.Placed placed = EvidencePlacement.place(ordered, factSet);
        List<Finding> sorted = placed.findings();
        List<Finding> contributions = sorted.stream().filter(f -> f.getCategory() == Category.ALIGNMENT).toList();
        // summed in report order so the floating-point result does not depend on firing order
        double score = 0;
        for (Finding f : contributions) {
            score += f.getWeight() == null ? 0 : f.getWeight();
        }
        score = Math.round(score * 1e9) / 1e9;
        Alignment alignment = new Alignment(score, AlignmentBand.of(score, !contributions.isEmpty()).label(),
                contributions);
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
        Counts counts = new Counts(byCategory, bySeverity, sorted.size(), factSet.facts().size(), ruleCount);
        return new Report(factSet.id(), factSet.title(), factSet.file(), sorted, alignment, counts, errors,
                BottomLine.of(sorted, alignment), placed.sources(), placed.context());
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
