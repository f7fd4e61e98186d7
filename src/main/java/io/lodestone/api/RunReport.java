package io.lodestone.api;

import java.util.List;

/**
 * Everything one run produced: the rules it used (content hash and rule count), one {@link Report}
 * per fact set that could be evaluated, in input order, every input that could not be loaded, and
 * warnings about inputs that were loaded anyway (e.g. unknown fields under {@code --lenient}).
 */
public record RunReport(String rulesHash, int ruleCount, List<Report> reports, List<LoadError> errors,
                        List<LoadError> warnings) {
    public RunReport {
        reports = List.copyOf(reports);
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }

    public RunReport(String rulesHash, int ruleCount, List<Report> reports, List<LoadError> errors) {
        this(rulesHash, ruleCount, reports, errors, List.of());
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
