package io.lodestone.api;

import java.util.List;

/**
 * The outcome of one rule test case: a fact set and its expectation. {@code problems} lists what did
 * not match (empty when the case passed); {@code errors} lists what could not be loaded.
 *
 * @param name       the case's path without {@code .expect.json}
 * @param factsFile  the fact set evaluated, or null when the expectation could not be read
 * @param expectFile the expectation file
 * @param firedRules ids of the rules that produced a finding, in report order
 * @param problems   every difference between expectation and report
 * @param errors     what could not be loaded (expectation, fact set) or failed while evaluating
 * @param report     the report of the fact set, or null when it could not be evaluated
 */
public record CaseResult(
        String name,
        String factsFile,
        String expectFile,
        List<String> firedRules,
        List<Mismatch> problems,
        List<Diagnostic> errors,
        Report report) {
    /**
     * Copies the lists so the result is immutable.
     *
     * @param name       the case's path without {@code .expect.json}
     * @param factsFile  the fact set evaluated, or null when the expectation could not be read
     * @param expectFile the expectation file
     * @param firedRules ids of the rules that produced a finding, in report order
     * @param problems   every difference between expectation and report
     * @param errors     what could not be loaded (expectation, fact set) or failed while evaluating
     * @param report     the report of the fact set, or null when it could not be evaluated
     */
    public CaseResult {
        firedRules = List.copyOf(firedRules);
        problems = List.copyOf(problems);
        errors = List.copyOf(errors);
    }

    /**
     * Whether the case passed.
     *
     * @return true when nothing differed and nothing failed to load
     */
    public boolean passed() {
        return problems.isEmpty() && errors.isEmpty();
    }

    /**
     * One difference between expectation and report. {@code kind} is "missing" (a must finding
     * absent), "unexpected" (a mustNot finding present, or any extra finding of an exact case),
     * "mismatched" (a finding present with another field value) or "alignment".
     *
     * @param kind     missing, unexpected, mismatched or alignment
     * @param ruleId   the rule concerned, null for alignment
     * @param facts    the fact ids the expectation named or the finding cites
     * @param field    the field that differs (severity, weight, score, band), or null
     * @param expected what the expectation asked for, or null
     * @param actual   what the report has (for unexpected findings, the message), or null
     */
    public record Mismatch(
            String kind, String ruleId, List<String> facts, String field, String expected, String actual) {
        /**
         * Copies the fact list so the mismatch is immutable.
         *
         * @param kind     missing, unexpected, mismatched or alignment
         * @param ruleId   the rule concerned, null for alignment
         * @param facts    the fact ids the expectation named or the finding cites
         * @param field    the field that differs (severity, weight, score, band), or null
         * @param expected what the expectation asked for, or null
         * @param actual   what the report has (for unexpected findings, the message), or null
         */
        public Mismatch {
            facts = facts == null ? List.of() : List.copyOf(facts);
        }
    }
}
