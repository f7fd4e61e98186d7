package io.lodestone.report;

import io.lodestone.api.Alignment;
import io.lodestone.api.Alignment.RiskWeight;
import io.lodestone.api.AlignmentBand;
import io.lodestone.api.Category;
import io.lodestone.api.Fact;
import io.lodestone.api.FactFields;
import io.lodestone.api.FactSet;
import io.lodestone.api.Finding;
import io.lodestone.api.PriorityVerdict;
import io.lodestone.api.PriorityVerdict.Weighed;
import io.lodestone.api.RuleDescription;
import io.lodestone.api.Severity;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The alignment method of {@code docs/alignment.md}: one verdict per priority of each Policy from the
 * ALIGNMENT findings (grouped by their rule's {@code @priority}, signed by its {@code @effect}); a credit
 * that cites a fact an INCONSISTENCY finding also cites, or a hedged claim, is contested and counts
 * {@link #CONTESTED_FACTOR} of its weight; high and critical RISK findings on the judged facts are shown
 * beside the verdicts and take {@link #HIGH_RISK_WEIGHT} / {@link #CRITICAL_RISK_WEIGHT} off the score.
 * It reads rule metadata and the Policy facts' {@code issuer} and {@code priorities}, nothing else of the
 * domain.
 */
public final class AlignmentMethod {
    /** Share of its weight a contested credit counts: it may hold, but the pack itself doubts what it rests on. */
    public static final double CONTESTED_FACTOR = 0.5;
    /** What a high RISK finding on a judged deal takes off the score. */
    public static final double HIGH_RISK_WEIGHT = 1;
    /** What a critical RISK finding on a judged deal takes off the score. */
    public static final double CRITICAL_RISK_WEIGHT = 2;
    /** The priority of an ALIGNMENT rule without {@code @priority}. */
    public static final String UNATTRIBUTED = "unattributed";

    private AlignmentMethod() {}

    private record PolicyFact(String id, String issuer, List<String> priorities) {}

    /**
     * Assesses one fact set.
     *
     * @param factSet  the fact set (its Policy facts give the priorities)
     * @param findings all findings, in report order
     * @param rules    the rules by id (their {@code @priority} and {@code @effect} metadata)
     * @return the alignment roll-up
     */
    public static Alignment assess(FactSet factSet, List<Finding> findings, Map<String, RuleDescription> rules) {
        List<Finding> aligned = findings.stream()
                .filter(f -> f.getCategory() == Category.ALIGNMENT)
                .toList();
        List<PolicyFact> policies = new ArrayList<>();
        for (Fact fact : factSet.facts()) {
            if ("Policy".equals(fact.type())) {
                Object issuer = field(fact.value(), "issuer");
                Object priorities = field(fact.value(), "priorities");
                List<String> words = new ArrayList<>();
                if (priorities instanceof Collection<?> c) {
                    c.forEach(p -> words.add(String.valueOf(p)));
                }
                policies.add(new PolicyFact(
                        fact.id(), issuer == null ? null : issuer.toString(), List.copyOf(new LinkedHashSet<>(words))));
            }
        }
        Map<String, PolicyFact> policyById = new HashMap<>();
        policies.forEach(p -> policyById.put(p.id(), p));
        Map<String, Set<String>> flaggedBy = new HashMap<>();
        for (Finding f : findings) {
            if (f.getCategory() == Category.INCONSISTENCY) {
                for (String id : f.getFacts()) {
                    flaggedBy.computeIfAbsent(id, k -> new TreeSet<>()).add(f.getRuleId());
                }
            }
        }

        // weigh each ALIGNMENT finding, grouped by (issuer, priority) in report order
        Map<String, List<Weighed>> byKey = new LinkedHashMap<>();
        Map<String, String[]> keyInfo = new LinkedHashMap<>();
        Set<String> judged = new HashSet<>();
        Map<String, Fact> byId = new HashMap<>(); // built on the first credit: most findings are not one
        for (Finding f : aligned) {
            RuleDescription rule = rules.get(f.getRuleId());
            Map<String, String> meta = rule == null ? Map.of() : rule.metadata();
            double weight = f.getWeight() == null ? 0 : f.getWeight();
            String priority = meta.getOrDefault("priority", UNATTRIBUTED);
            String effect = meta.containsKey("effect") ? meta.get("effect") : weight < 0 ? "against" : "serves";
            String policyId = f.getFacts().stream()
                    .filter(policyById::containsKey)
                    .findFirst()
                    .orElse(null);
            String issuer = policyId == null ? null : policyById.get(policyId).issuer();
            Set<String> contestedBy = new TreeSet<>();
            Set<String> flagged = new LinkedHashSet<>();
            for (String id : f.getFacts()) {
                if (policyById.containsKey(id)) {
                    continue;
                }
                judged.add(id);
                if (!"serves".equals(effect)) {
                    continue; // only credits are contested: doubt never softens what works against a priority
                }
                if (flaggedBy.containsKey(id)) {
                    contestedBy.addAll(flaggedBy.get(id));
                    flagged.add(id);
                }
                if (byId.isEmpty()) {
                    factSet.facts().forEach(fact -> byId.putIfAbsent(fact.id(), fact));
                }
                if (byId.containsKey(id)
                        && Boolean.TRUE.equals(field(byId.get(id).value(), "hedged"))) {
                    contestedBy.add("hedged");
                    flagged.add(id);
                }
            }
            boolean contested = !contestedBy.isEmpty();
            double magnitude = Math.abs(weight) * (contested ? CONTESTED_FACTOR : 1);
            double counted = "against".equals(effect) ? -magnitude : magnitude;
            String key = issuer + "\u0000" + priority;
            byKey.computeIfAbsent(key, k -> new ArrayList<>())
                    .add(new Weighed(
                            f.getRuleId(),
                            f.getFacts(),
                            effect,
                            weight,
                            counted,
                            contested,
                            List.copyOf(contestedBy),
                            List.copyOf(flagged)));
            keyInfo.putIfAbsent(key, new String[] {policyId, issuer, priority});
        }

        // one verdict per priority of each policy; a priority counts once per issuer
        List<PriorityVerdict> verdicts = new ArrayList<>();
        Set<String> countedKeys = new HashSet<>();
        double total = 0;
        for (PolicyFact p : policies) {
            for (String priority : p.priorities()) {
                String key = p.issuer() + "\u0000" + priority;
                List<Weighed> weighed = byKey.getOrDefault(key, List.of());
                boolean counted = countedKeys.add(key);
                PriorityVerdict v = verdict(p.id(), p.issuer(), priority, weighed, counted);
                if (counted) {
                    total += v.score();
                }
                verdicts.add(v);
            }
        }
        for (Map.Entry<String, List<Weighed>> e : byKey.entrySet()) {
            if (countedKeys.add(e.getKey())) { // findings on a priority no policy states, or with no @priority
                String[] info = keyInfo.get(e.getKey());
                PriorityVerdict v = verdict(info[0], info[1], info[2], e.getValue(), true);
                total += v.score();
                verdicts.add(v);
            }
        }

        List<RiskWeight> risks = new ArrayList<>();
        double riskTotal = 0;
        for (Finding f : findings) {
            if (f.getCategory() == Category.RISK
                    && (f.getSeverity() == Severity.HIGH || f.getSeverity() == Severity.CRITICAL)) {
                boolean onJudged = f.getFacts().stream().anyMatch(judged::contains);
                double w =
                        !onJudged ? 0 : f.getSeverity() == Severity.CRITICAL ? CRITICAL_RISK_WEIGHT : HIGH_RISK_WEIGHT;
                riskTotal += w;
                risks.add(new RiskWeight(f.getRuleId(), f.getFacts(), f.getSeverity(), w));
            }
        }
        double score = round(total - riskTotal);
        return new Alignment(score, AlignmentBand.of(score, !aligned.isEmpty()).label(), aligned, verdicts, risks);
    }

    private static PriorityVerdict verdict(
            String policy, String issuer, String priority, List<Weighed> weighed, boolean counted) {
        boolean serves = weighed.stream().anyMatch(w -> "serves".equals(w.effect()));
        boolean against = weighed.stream().anyMatch(w -> "against".equals(w.effect()));
        String word = serves && against ? "mixed" : serves ? "served" : against ? "worked-against" : "not-addressed";
        List<Weighed> ordered = new ArrayList<>(
                weighed.stream().filter(w -> "serves".equals(w.effect())).toList());
        ordered.addAll(
                weighed.stream().filter(w -> !"serves".equals(w.effect())).toList());
        double score = 0;
        for (Weighed w : ordered) {
            score += w.counted();
        }
        return new PriorityVerdict(policy, issuer, priority, word, round(score), counted, ordered);
    }

    private static double round(double v) {
        return Math.round(v * 1e9) / 1e9;
    }

    /** A field of a fact object, or null when it has none. */
    private static Object field(Object bean, String name) {
        return bean == null ? null : FactFields.get(bean, name);
    }
}
