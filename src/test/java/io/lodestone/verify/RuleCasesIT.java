package io.lodestone.verify;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.lodestone.Lodestone;
import io.lodestone.api.CaseResult;
import io.lodestone.api.TestRun;
import io.lodestone.output.TestTextFormatter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every analyst-written case under rules/ as one JUnit test, so CI covers the rule pack. */
class RuleCasesIT {
    private static TestRun run;

    private static synchronized TestRun run() throws Exception {
        if (run == null) {
            run = new CaseRunner(Lodestone.fromRules(Path.of("rules"))).run(List.of(Path.of("rules")));
        }
        return run;
    }

    @TestFactory
    Stream<DynamicTest> everyCasePasses() throws Exception {
        TestRun result = run();
        assertTrue(result.errors().isEmpty(), result.errors().toString());
        return result.cases().stream()
                .map(c -> DynamicTest.dynamicTest(c.name(), () -> {
                    if (!c.passed()) {
                        StringWriter out = new StringWriter();
                        new TestTextFormatter()
                                .write(
                                        new TestRun(
                                                result.rulesHash(),
                                                result.rules(),
                                                List.of(c),
                                                result.firedIn(),
                                                result.guardedIn(),
                                                List.of()),
                                        false,
                                        out);
                        fail("case " + c.name() + " failed:\n" + out);
                    }
                }));
    }

    @Test
    void everyRuleFiresInSomeCaseAndIsGuardedBySome() throws Exception {
        TestRun result = run();
        // derivation rules (concepts.drl) emit no findings; the finding rules built on them show them at work
        var findingRules =
                result.rules().stream().filter(r -> !r.isDerivation()).toList();
        assertTrue(result.cases().size() >= 2 * findingRules.size(), "a firing and a near-miss case per rule");
        for (var rule : findingRules) {
            assertTrue(result.firedIn().get(rule.id()) > 0, rule.id() + " fires in no case");
            assertTrue(result.guardedIn().get(rule.id()) > 0, rule.id() + " has no mustNot (near-miss) case");
        }
    }

    @Test
    void everyNearMissCaseIsAMustNotCase() throws Exception {
        for (CaseResult c : run().cases()) {
            if (c.name().endsWith("-near-miss")) {
                assertTrue(
                        c.firedRules().stream().noneMatch(id -> c.name().contains(slug(id))),
                        c.name() + " fired the rule it is a near miss for");
            }
        }
    }

    /** RISK-OCCUPIED-DEPOSIT -> occupied-deposit, the stem case files are named after. */
    private static String slug(String ruleId) {
        return ruleId.toLowerCase(java.util.Locale.ROOT).replaceFirst("^(align|risk|inc)-", "");
    }
}
