package io.lodestone.engine;

import io.lodestone.api.Category;
import io.lodestone.api.Diagnostic;
import io.lodestone.api.Evidence;
import io.lodestone.api.Fact;
import io.lodestone.api.FactSet;
import io.lodestone.api.Finding;
import io.lodestone.api.RuleDescription;
import io.lodestone.api.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the draft findings a session's rules inserted into final ones: the rule's metadata stamped on
 * (id, category, severity and its override, alignment weight), subjects resolved to fact ids in
 * fact-set order, evidence from the facts' sources, the trace when explaining, duplicates dropped.
 * Stateless apart from the rule base; thread-safe.
 */
final class FindingResolver {
    private final RuleBase ruleBase;

    FindingResolver(RuleBase ruleBase) {
        this.ruleBase = ruleBase;
    }

    /**
     * The final findings of one session, in firing order with duplicates dropped.
     *
     * @param factSet the fact set evaluated
     * @param raw     each draft finding with the rule that inserted it (null when no rule did), in the
     *                order they were inserted
     * @param errors  receives a drop or a bad severity override, as a runtime diagnostic
     * @param tracer  the session's tracer, or null when findings are not explained
     * @return findings with the rule's metadata, fact ids and evidence
     */
    List<Finding> resolve(FactSet factSet, List<FindingCollector.Draft> raw, List<Diagnostic> errors, Tracer tracer) {
        List<Fact> all = factSet.facts();
        // one identity map, sized for the set (two maps growing as they filled took about a fifth of
        // resolution and report on 55-fact sets): each value's last index, which is also its position
        // unless the same object appears twice, a set only the Java API can build
        IdentityHashMap<Object, Integer> last = new IdentityHashMap<>(all.size());
        boolean repeated = false;
        for (int i = 0; i < all.size(); i++) {
            repeated |= last.put(all.get(i).value(), i) != null;
        }
        IdentityHashMap<Object, Integer> position = last;
        if (repeated) { // as before: each value takes the number of distinct values listed before its last entry
            position = new IdentityHashMap<>(all.size());
            for (Fact f : all) {
                position.put(f.value(), position.size());
            }
        }
        Map<Key, Finding> unique = new LinkedHashMap<>(Math.max(16, raw.size() * 4 / 3 + 1));
        FactNames names = new FactNames(factSet);
        for (FindingCollector.Draft entry : raw) {
            Finding draft = entry.finding();
            RuleDescription rule = entry.rule() == null ? null : ruleBase.rule(entry.rule());
            if (rule == null || rule.isDerivation()) {
                errors.add(Diagnostic.runtime(
                        factSet.file(),
                        rule == null ? null : rule.id(),
                        "a Finding was inserted by "
                                + (rule == null ? "something other than a rule" : "a @derivation rule")
                                + " and was dropped: \"" + draft.getMessage() + "\""));
                continue;
            }
            Severity severity = rule.severity();
            if (draft.getSeverityOverride() != null) {
                Severity asked = Severity.parse(draft.getSeverityOverride());
                if (asked == null) {
                    errors.add(Diagnostic.runtime(
                            factSet.file(),
                            rule.id(),
                            "withSeverity(\"" + draft.getSeverityOverride()
                                    + "\") is not one of info, low, medium, high, critical; kept @severity"));
                } else {
                    severity = asked;
                }
            }
            Double weight = null;
            if (rule.category() == Category.ALIGNMENT) {
                weight = draft.getWeightOverride() != null ? draft.getWeightOverride() : rule.weight();
            }
            List<String> ids = new ArrayList<>();
            List<Evidence> evidence = new ArrayList<>();
            for (Object subject : expand(draft.getSubjects(), position)) {
                Integer at = subject == null ? null : last.get(subject);
                Fact fact = at == null ? null : all.get(at);
                String id = fact != null ? fact.id() : FactAccessor.idOf(subject);
                ids.add(id);
                if (fact != null && fact.sourceRef() != null) {
                    evidence.add(new Evidence(id, fact.sourceRef(), fact.quote()));
                }
            }
            // {{id}} references become names here, so every output (and the Java API) sees the same text
            FactNames.Rendered rendered = names.render(draft.getMessage());
            Finding resolved = Finding.of(
                            rule.id(), rule.category(), severity, weight, rendered.message(), ids, evidence)
                    .withEvidence(rendered.message(), rendered.entities(), names.cite(ids));
            if (tracer != null && tracer.traceOf(draft) != null) {
                resolved = resolved.withTrace(tracer.traceOf(draft));
            }
            unique.putIfAbsent(new Key(rule.id(), ids, draft.getMessage()), resolved);
        }
        return new ArrayList<>(unique.values());
    }

    /** What makes two findings the same: rule, facts and message as the rule wrote it. */
    private record Key(String rule, List<String> facts, String message) {}

    /**
     * Flattens collection arguments (e.g. from {@code collectList}, whose order is an engine detail)
     * into fact-set order, so a finding's fact list is the same on every run.
     */
    private static List<Object> expand(List<Object> subjects, IdentityHashMap<Object, Integer> position) {
        List<Object> out = new ArrayList<>();
        for (Object s : subjects) {
            if (s instanceof List<?> group) {
                List<Object> sorted = new ArrayList<>(group);
                sorted.sort(Comparator.comparing((Object o) -> position.getOrDefault(o, Integer.MAX_VALUE))
                        .thenComparing(FactAccessor::idOf));
                out.addAll(sorted);
            } else {
                out.add(s);
            }
        }
        return out;
    }
}
