package io.lodestone.api;

import java.util.Map;

/** How many findings of each category and severity a report holds, and how many facts and rules went in. */
public record Counts(Map<Category, Integer> byCategory, Map<Severity, Integer> bySeverity, int findings,
                     int facts, int rules) {
    public Counts {
        byCategory = Map.copyOf(byCategory);
        bySeverity = Map.copyOf(bySeverity);
    }

    public int of(Category category) {
        return byCategory.getOrDefault(category, 0);
    }

    public int of(Severity severity) {
        return bySeverity.getOrDefault(severity, 0);
    }
}
