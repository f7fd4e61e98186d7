package io.lodestone.api;

import java.util.List;
import java.util.Map;

/**
 * Every rule test case of a run and the rule coverage they give: for each rule id, in how many cases
 * it fired and in how many a {@code mustNot} expectation guards it.
 *
 * @param rulesHash the hash of the rules the cases ran against, or null when they did not compile
 * @param rules     every rule of the rule set
 * @param cases     every case, in path order
 * @param firedIn   rule id to the number of cases in which it produced a finding
 * @param guardedIn rule id to the number of cases whose {@code mustNot} names it
 * @param errors    what could not be found or loaded before any case ran (e.g. the rules)
 */
public record TestRun(
        String rulesHash,
        List<RuleDescription> rules,
        List<CaseResult> cases,
        Map<String, Integer> firedIn,
        Map<String, Integer> guardedIn,
        List<Diagnostic> errors) {
    /**
     * Copies the collections so the run is immutable.
     *
     * @param rulesHash the hash of the rules the cases ran against, or null when they did not compile
     * @param rules     every rule of the rule set
     * @param cases     every case, in path order
     * @param firedIn   rule id to the number of cases in which it produced a finding
     * @param guardedIn rule id to the number of cases whose {@code mustNot} names it
     * @param errors    what could not be found or loaded before any case ran (e.g. the rules)
     */
    public TestRun {
        rules = List.copyOf(rules);
        cases = List.copyOf(cases);
        firedIn = Map.copyOf(firedIn);
        guardedIn = Map.copyOf(guardedIn);
        errors = List.copyOf(errors);
    }

    /**
     * Counts the cases that passed.
     *
     * @return the number of passed cases
     */
    public long passed() {
        return cases.stream().filter(CaseResult::passed).count();
    }

    /**
     * Counts the cases that failed or could not be loaded.
     *
     * @return the number of cases that did not pass
     */
    public long failed() {
        return cases.size() - passed();
    }

    /**
     * Share of finding rules (not derivation rules) that fired in at least one case.
     *
     * @return a percentage from 0 to 100
     */
    public double coveragePercent() {
        List<RuleDescription> scored =
                rules.stream().filter(r -> !r.isDerivation()).toList();
        if (scored.isEmpty()) {
            return 100.0;
        }
        long fired =
                scored.stream().filter(r -> firedIn.getOrDefault(r.id(), 0) > 0).count();
        return 100.0 * fired / scored.size();
    }

    /**
     * Whether anything could not be loaded: the rules, an expectation or a fact set.
     *
     * @return true when some error was recorded
     */
    public boolean hasLoadErrors() {
        return !errors.isEmpty() || cases.stream().anyMatch(c -> !c.errors().isEmpty());
    }
}
