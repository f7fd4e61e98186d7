package io.lodestone.api;

import java.util.List;
import java.util.Objects;

/**
 * Everything one run produced: the rules it used (content hash, count and, when known, their
 * descriptions), one {@link Report} per fact set that could be evaluated, in input order, every input
 * that could not be loaded, warnings about inputs that were loaded anyway (e.g. unknown fields under
 * {@code --lenient}), and a lookup of where cited facts sit in their files.
 *
 * @param rulesHash the rules' content hash, or null when they did not compile
 * @param ruleCount how many rules were loaded
 * @param reports   one report per evaluated fact set, in input order
 * @param errors    every input that could not be loaded
 * @param warnings  problems tolerated in inputs that were loaded
 * @param rules     the rules' descriptions, or empty when not known
 * @param locator   where facts sit in their files ({@link FactLocator#NONE} when not known)
 */
public record RunReport(
        String rulesHash,
        int ruleCount,
        List<Report> reports,
        List<Diagnostic> errors,
        List<Diagnostic> warnings,
        List<RuleDescription> rules,
        FactLocator locator) {
    /**
     * Copies the lists.
     *
     * @param rulesHash the rules' content hash, or null when they did not compile
     * @param ruleCount how many rules were loaded
     * @param reports   one report per evaluated fact set, in input order
     * @param errors    every input that could not be loaded
     * @param warnings  problems tolerated in inputs that were loaded
     * @param rules     the rules' descriptions, or empty when not known
     * @param locator   where facts sit in their files, or null for none
     */
    public RunReport {
        reports = List.copyOf(reports);
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
        rules = List.copyOf(rules);
        locator = Objects.requireNonNullElse(locator, FactLocator.NONE);
    }

    /**
     * A run without warnings, rule descriptions or fact locations (formats that need them degrade
     * gracefully).
     *
     * @param rulesHash the rules' content hash, or null when they did not compile
     * @param ruleCount how many rules were loaded
     * @param reports   one report per evaluated fact set, in input order
     * @param errors    every input that could not be loaded
     */
    public RunReport(String rulesHash, int ruleCount, List<Report> reports, List<Diagnostic> errors) {
        this(rulesHash, ruleCount, reports, errors, List.of(), List.of(), FactLocator.NONE);
    }

    /**
     * A run that stopped before evaluating anything, e.g. because the rules did not compile.
     *
     * @param errors why
     * @return a run with no rules hash and no reports
     */
    public static RunReport failed(List<Diagnostic> errors) {
        return new RunReport(null, 0, List.of(), errors);
    }

    /**
     * Whether anything went wrong.
     *
     * @return true when an input could not be loaded or a rule failed while evaluating
     */
    public boolean hasErrors() {
        return !errors.isEmpty() || reports.stream().anyMatch(r -> !r.errors().isEmpty());
    }

    /**
     * Whether a finding in any report reaches a severity.
     *
     * @param threshold the lowest severity that counts
     * @return true when some report has a finding at least as severe as {@code threshold}
     */
    public boolean hasFindingAtLeast(Severity threshold) {
        return reports.stream().anyMatch(r -> r.hasFindingAtLeast(threshold));
    }
}
