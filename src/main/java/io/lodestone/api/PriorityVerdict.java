package io.lodestone.api;

import java.util.List;

/**
 * The verdict on one priority of one Policy: how the ALIGNMENT findings that bear on it (by their rule's
 * {@code @priority}) add up. See {@code docs/alignment.md}.
 *
 * @param policy   the Policy fact's id
 * @param issuer   the country whose priority it is
 * @param priority the priority word
 * @param verdict  {@code served}, {@code worked-against}, {@code mixed} or {@code not-addressed}
 * @param score    what the priority adds to the alignment score: counted credits minus the weight against it
 * @param counted  false when another policy of the same issuer states the same priority and carries it
 *                 (a priority counts once per issuer)
 * @param findings the findings that decide it, credits first
 */
public record PriorityVerdict(
        String policy,
        String issuer,
        String priority,
        String verdict,
        double score,
        boolean counted,
        List<Weighed> findings) {
    /**
     * Copies the findings.
     *
     * @param policy   the Policy fact's id
     * @param issuer   the country whose priority it is
     * @param priority the priority word
     * @param verdict  served, worked-against, mixed or not-addressed
     * @param score    what the priority adds to the alignment score
     * @param counted  false when another policy of the same issuer carries the priority
     * @param findings the findings that decide it, credits first
     */
    public PriorityVerdict {
        findings = List.copyOf(findings);
    }

    /**
     * One ALIGNMENT finding as the verdict weighs it.
     *
     * @param ruleId       the finding's rule
     * @param facts        the facts it cites
     * @param effect       {@code serves} or {@code against} (the rule's {@code @effect}, else the weight's sign)
     * @param weight       the finding's weight
     * @param counted      the weight as counted: a contested credit is discounted
     * @param contested    true when the credit rests on a fact the pack flags or on a hedged claim
     * @param contestedBy  what contests it: the ids of the flagging findings' rules, and {@code hedged} for a hedged claim
     * @param flaggedFacts the cited facts that are flagged or hedged
     */
    public record Weighed(
            String ruleId,
            List<String> facts,
            String effect,
            double weight,
            double counted,
            boolean contested,
            List<String> contestedBy,
            List<String> flaggedFacts) {
        /**
         * Copies the lists.
         *
         * @param ruleId       the finding's rule
         * @param facts        the facts it cites
         * @param effect       serves or against
         * @param weight       the finding's weight
         * @param counted      the weight as counted
         * @param contested    whether the credit is contested
         * @param contestedBy  what contests it
         * @param flaggedFacts the cited facts that are flagged or hedged
         */
        public Weighed {
            facts = List.copyOf(facts);
            contestedBy = List.copyOf(contestedBy);
            flaggedFacts = List.copyOf(flaggedFacts);
        }
    }
}
