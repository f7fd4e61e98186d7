package io.lodestone.api;

import java.util.List;

/**
 * The result of evaluating one fact set: its findings in a deterministic order (category, severity
 * descending, rule id, fact ids), the alignment roll-up and counts. {@code errors} holds problems met
 * while evaluating (a rule that threw, a firing limit hit); the findings gathered before them are kept.
 */
public record Report(String id, String title, String file, List<Finding> findings, Alignment alignment,
                     Counts counts, List<LoadError> errors) {
    public Report {
        findings = List.copyOf(findings);
        errors = List.copyOf(errors);
    }

    /** True when some finding is at least as severe as {@code threshold}. */
    public boolean hasFindingAtLeast(Severity threshold) {
        return findings.stream().anyMatch(f -> f.getSeverity().atLeast(threshold));
    }
}
