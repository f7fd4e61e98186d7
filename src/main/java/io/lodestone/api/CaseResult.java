package io.lodestone.api;

import java.util.List;

/**
 * The outcome of one rule test case: a fact set and its expectation. {@code problems} lists what did
 * not match (empty when the case passed); {@code errors} lists what could not be loaded.
 */
public record CaseResult(String name, String factsFile, String expectFile, List<String> firedRules,
                         List<Mismatch> problems, List<LoadError> errors, Report report) {
    public CaseResult {
        firedRules = List.copyOf(firedRules);
        problems = List.copyOf(problems);
        errors = List.copyOf(errors);
    }

    public boolean passed() {
        return problems.isEmpty() && errors.isEmpty();
    }

    /**
     * One difference between expectation and report. {@code kind} is {@code missing} (a must finding
     * absent), {@code unexpected} (a mustNot finding present, or any extra finding of an exact case),
     * {@code mismatched} (a finding present with another field value) or {@code alignment}.
     */
    public record Mismatch(String kind, String ruleId, List<String> facts, String field, String expected,
                           String actual) {
        public Mismatch {
            facts = facts == null ? List.of() : List.copyOf(facts);
        }
    }
}
