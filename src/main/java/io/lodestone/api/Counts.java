package io.lodestone.api;

import java.util.Map;

/**
 * How many findings of each category and severity a report holds, and how many facts and rules went in.
 *
 * @param byCategory findings per category (a missing key means 0; use {@link #of(Category)})
 * @param bySeverity findings per severity (a missing key means 0; use {@link #of(Severity)})
 * @param findings   findings in total
 * @param facts      facts in the fact set
 * @param rules      rules in the rule set
 */
public record Counts(
        Map<Category, Integer> byCategory, Map<Severity, Integer> bySeverity, int findings, int facts, int rules) {
    /**
     * Copies the maps.
     *
     * @param byCategory findings per category (a missing key means 0; use {@link #of(Category)})
     * @param bySeverity findings per severity (a missing key means 0; use {@link #of(Severity)})
     * @param findings   findings in total
     * @param facts      facts in the fact set
     * @param rules      rules in the rule set
     */
    public Counts {
        byCategory = Map.copyOf(byCategory);
        bySeverity = Map.copyOf(bySeverity);
    }

    /**
     * Findings of one category.
     *
     * @param category the category
     * @return how many, 0 when none
     */
    public int of(Category category) {
        return byCategory.getOrDefault(category, 0);
    }

    /**
     * Findings of one severity.
     *
     * @param severity the severity
     * @return how many, 0 when none
     */
    public int of(Severity severity) {
        return bySeverity.getOrDefault(severity, 0);
    }
}
