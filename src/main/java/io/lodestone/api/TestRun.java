package io.lodestone.api;

import java.util.List;
import java.util.Map;

/**
 * Every rule test case of a run and the rule coverage they give: for each rule id, in how many cases
 * it fired and in how many a {@code mustNot} expectation guards it.
 */
public record TestRun(String rulesHash, List<RuleDescription> rules, List<CaseResult> cases,
                      Map<String, Integer> firedIn, Map<String, Integer> guardedIn, List<LoadError> errors) {
    public TestRun {
        rules = List.copyOf(rules);
        cases = List.copyOf(cases);
        firedIn = Map.copyOf(firedIn);
        guardedIn = Map.copyOf(guardedIn);
        errors = List.copyOf(errors);
    }

    public long passed() {
        return cases.stream().filter(CaseResult::passed).count();
    }

    public long failed() {
        return cases.size() - passed();
    }

    /** Share of finding rules (not derivation rules) that fired in at least one case, 0..100. */
    public double coveragePercent() {
        List<RuleDescription> scored = rules.stream().filter(r -> !r.isDerivation()).toList();
        if (scored.isEmpty()) {
            return 100.0;
        }
        long fired = scored.stream().filter(r -> firedIn.getOrDefault(r.id(), 0) > 0).count();
        return 100.0 * fired / scored.size();
    }

    public boolean hasLoadErrors() {
        return !errors.isEmpty() || cases.stream().anyMatch(c -> !c.errors().isEmpty());
    }
}
