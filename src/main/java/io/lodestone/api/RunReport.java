package io.lodestone.api;

import java.util.List;
import java.util.Objects;

/**
 * Everything one run produced: the rules it used (content hash, count and, when known, their
 * descriptions), one {@link Report} per fact set that could be evaluated, in input order, every input
 * that could not be loaded, and a lookup of where cited facts sit in their files.
 */
public record RunReport(String rulesHash, int ruleCount, List<Report> reports, List<LoadError> errors,
                        List<RuleDescription> rules, FactLocator locator) {
    public RunReport {
        reports = List.copyOf(reports);
        errors = List.copyOf(errors);
        rules = List.copyOf(rules);
        locator = Objects.requireNonNullElse(locator, FactLocator.NONE);
    }

    /** A run without rule descriptions or fact locations (formats that need them degrade gracefully). */
    public RunReport(String rulesHash, int ruleCount, List<Report> reports, List<LoadError> errors) {
        this(rulesHash, ruleCount, reports, errors, List.of(), FactLocator.NONE);
    }

    /** A run that stopped before evaluating anything, e.g. because the rules did not compile. */
    public static RunReport failed(List<LoadError> errors) {
        return new RunReport(null, 0, List.of(), errors);
    }

    /** True when an input could not be loaded or a rule failed while evaluating. */
    public boolean hasErrors() {
        return !errors.isEmpty() || reports.stream().anyMatch(r -> !r.errors().isEmpty());
    }

    /** True when some report has a finding at least as severe as {@code threshold}. */
    public boolean hasFindingAtLeast(Severity threshold) {
        return reports.stream().anyMatch(r -> r.hasFindingAtLeast(threshold));
    }
}
