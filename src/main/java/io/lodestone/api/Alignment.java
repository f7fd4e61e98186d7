package io.lodestone.api;

import java.util.List;

/**
 * The alignment roll-up of one fact set (method: {@code docs/alignment.md}): a verdict per priority of
 * each Policy, the score those verdicts add up to minus the weight of the high and critical RISK findings
 * on the deals the verdicts judge, the band that score falls in (see {@code docs/output-json.md}), and the
 * findings behind it.
 *
 * @param score         the sum of the counted verdict scores minus the risk weight
 * @param band          {@code not-assessed}, {@code strongly-aligned}, {@code aligned}, {@code mixed},
 *                      {@code misaligned} or {@code strongly-misaligned}
 * @param contributions the ALIGNMENT findings, in report order
 * @param verdicts      one verdict per priority of each Policy, in fact-set order
 * @param risks         the high and critical RISK findings shown beside the verdicts, with their weight
 */
public record Alignment(
        double score,
        String band,
        List<Finding> contributions,
        List<PriorityVerdict> verdicts,
        List<RiskWeight> risks) {
    /**
     * Copies the lists.
     *
     * @param score         the sum of the counted verdict scores minus the risk weight
     * @param band          the band word
     * @param contributions the ALIGNMENT findings, in report order
     * @param verdicts      one verdict per priority of each Policy
     * @param risks         the high and critical RISK findings with their weight
     */
    public Alignment {
        contributions = List.copyOf(contributions);
        verdicts = List.copyOf(verdicts);
        risks = List.copyOf(risks);
    }

    /**
     * A roll-up with no verdicts (the plain sum of weights, as before verdicts existed).
     *
     * @param score         the sum of the ALIGNMENT findings' weights (no verdicts)
     * @param band          the band word
     * @param contributions the ALIGNMENT findings, in report order
     */
    public Alignment(double score, String band, List<Finding> contributions) {
        this(score, band, contributions, List.of(), List.of());
    }

    /**
     * A high or critical RISK finding shown beside the verdicts.
     *
     * @param ruleId   the finding's rule
     * @param facts    the facts it cites
     * @param severity its severity
     * @param weight   what it takes off the score: 0 unless it cites a fact an ALIGNMENT finding cites
     */
    public record RiskWeight(String ruleId, List<String> facts, Severity severity, double weight) {
        /**
         * Copies the facts.
         *
         * @param ruleId   the finding's rule
         * @param facts    the facts it cites
         * @param severity its severity
         * @param weight   what it takes off the score
         */
        public RiskWeight {
            facts = List.copyOf(facts);
        }
    }
}
