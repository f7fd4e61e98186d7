package io.lodestone.verify;

import java.util.List;

/**
 * What a rule test case requires of the report of its fact set ({@code <name>.expect.json}). Order
 * and message text never matter. {@code facts} in an entry matches a finding that cites at least
 * those fact ids.
 */
record Expectation(
        String description,
        String factSet,
        List<Entry> must,
        List<Entry> mustNot,
        boolean exact,
        AlignmentRange alignment) {

    Expectation {
        must = must == null ? List.of() : List.copyOf(must);
        mustNot = mustNot == null ? List.of() : List.copyOf(mustNot);
    }

    record Entry(String ruleId, List<String> facts, String severity, Double weight) {
        Entry {
            facts = facts == null ? List.of() : List.copyOf(facts);
        }
    }

    record AlignmentRange(Double min, Double max, String band) {}
}
