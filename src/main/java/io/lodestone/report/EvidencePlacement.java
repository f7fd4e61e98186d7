package io.lodestone.report;

import io.lodestone.api.Citation;
import io.lodestone.api.FactSet;
import io.lodestone.api.Finding;
import io.lodestone.api.Source;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Places each finding's citations in its report: the facts that carry a finding come before its
 * context facts, every cited source gets a number in the report's Sources list, and each context fact
 * is listed once, with its quote, in the report's context.
 *
 * <p>The rule for context (documented in docs/output-formats.md): a fact is context in a report when
 * at least {@link #CONTEXT_MIN_FINDINGS} of its findings cite it. Such a fact frames those findings (the
 * deal, the policy, the adversary relation) rather than carrying one of them, so repeating its quote under
 * each would bury the evidence that does.
 */
final class EvidencePlacement {
    /** How many findings must cite a fact for it to be context in the report. */
    static final int CONTEXT_MIN_FINDINGS = 3;

    private EvidencePlacement() {}

    record Placed(List<Finding> findings, List<Source> sources, List<Citation> context) {}

    static Placed place(List<Finding> sorted, FactSet factSet) {
        Map<String, Integer> citedBy = new HashMap<>();
        for (Finding f : sorted) {
            for (String id : new LinkedHashSet<>(f.getFacts())) {
                citedBy.merge(id, 1, Integer::sum);
            }
        }
        Set<String> contextIds = new LinkedHashSet<>();
        citedBy.forEach((id, n) -> {
            if (n >= CONTEXT_MIN_FINDINGS) {
                contextIds.add(id);
            }
        });
        Map<String, Source> sourceById = new HashMap<>();
        factSet.sources().forEach(s -> sourceById.putIfAbsent(s.id(), s));
        Map<String, Integer> numbers = new LinkedHashMap<>();
        Map<String, Citation> context = new LinkedHashMap<>();
        List<Finding> placed = new ArrayList<>();
        for (Finding f : sorted) {
            List<Citation> carrying = new ArrayList<>();
            List<Citation> framing = new ArrayList<>();
            Set<String> seen = new LinkedHashSet<>();
            for (Citation c : f.getCitations()) {
                if (seen.add(c.fact())) {
                    (contextIds.contains(c.fact()) ? framing : carrying).add(c);
                }
            }
            List<Citation> ordered = new ArrayList<>();
            for (Citation c : carrying) {
                ordered.add(c.placed(false, number(c, sourceById, numbers)));
            }
            for (Citation c : framing) {
                Citation p = c.placed(true, number(c, sourceById, numbers));
                ordered.add(p);
                context.putIfAbsent(c.fact(), p);
            }
            placed.add(f.withEvidence(f.getMessage(), f.getEntities(), ordered));
        }
        List<Source> sources = new ArrayList<>();
        numbers.keySet().forEach(id -> sources.add(sourceById.get(id)));
        return new Placed(placed, sources, new ArrayList<>(context.values()));
    }

    private static int number(Citation c, Map<String, Source> sourceById, Map<String, Integer> numbers) {
        if (c.sourceId() == null || !sourceById.containsKey(c.sourceId())) {
            return 0;
        }
        return numbers.computeIfAbsent(c.sourceId(), id -> numbers.size() + 1);
    }
}
