package io.lodestone.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lodestone.api.Alignment;
import io.lodestone.api.CaseResult.Mismatch;
import io.lodestone.api.Category;
import io.lodestone.api.Finding;
import io.lodestone.api.Report;
import io.lodestone.api.Severity;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** An expectation against a hand-made report: every difference, by kind, rule and field. */
class ExpectationMatcherTest {
    private static final Finding RISK_D1 =
            Finding.of("RISK-A", Category.RISK, Severity.HIGH, null, "m", List.of("d1", "c1"), List.of());
    private static final Finding RISK_D2 =
            Finding.of("RISK-A", Category.RISK, Severity.LOW, null, "m", List.of("d2"), List.of());
    private static final Finding ALIGN =
            Finding.of("ALIGN-B", Category.ALIGNMENT, Severity.INFO, 2.0, "m", List.of("p1"), List.of());
    private static final Report REPORT = new Report(
            "set",
            null,
            "set.json",
            List.of(RISK_D1, RISK_D2, ALIGN),
            new Alignment(2.0, "aligned", List.of(ALIGN)),
            null,
            List.of());

    private static Expectation.Entry entry(String ruleId, List<String> facts, String severity, Double weight) {
        return new Expectation.Entry(ruleId, facts, severity, weight);
    }

    private static Expectation expect(
            List<Expectation.Entry> must,
            List<Expectation.Entry> mustNot,
            boolean exact,
            Expectation.AlignmentRange alignment) {
        return new Expectation("case", "set.facts.json", must, mustNot, exact, alignment);
    }

    static Stream<Arguments> compare() {
        return Stream.of(
                Arguments.of(
                        "a finding citing at least the named facts",
                        expect(List.of(entry("RISK-A", List.of("d1"), null, null)), null, false, null),
                        List.of()),
                Arguments.of(
                        "any finding of the rule when no facts are named",
                        expect(List.of(entry("ALIGN-B", null, "info", 2.0)), null, false, null),
                        List.of()),
                Arguments.of(
                        "a missing finding",
                        expect(List.of(entry("RISK-A", List.of("d3"), null, null)), null, false, null),
                        List.of("missing RISK-A null")),
                Arguments.of(
                        "a severity that no candidate has (case-insensitive words)",
                        expect(List.of(entry("RISK-A", List.of("d1"), "CRITICAL", null)), null, false, null),
                        List.of("mismatched RISK-A severity")),
                Arguments.of(
                        "a severity that one of several candidates has",
                        expect(List.of(entry("RISK-A", null, "low", null)), null, false, null),
                        List.of()),
                Arguments.of(
                        "a weight that differs",
                        expect(List.of(entry("ALIGN-B", null, null, 3.0)), null, false, null),
                        List.of("mismatched ALIGN-B weight")),
                Arguments.of(
                        "a forbidden finding that is present, once per finding",
                        expect(null, List.of(entry("RISK-A", null, null, null)), false, null),
                        List.of("unexpected RISK-A null", "unexpected RISK-A null")),
                Arguments.of(
                        "a forbidden finding on other facts",
                        expect(null, List.of(entry("RISK-A", List.of("d9"), null, null)), false, null),
                        List.of()),
                Arguments.of(
                        "an exact case lists every finding not accounted for",
                        expect(List.of(entry("RISK-A", List.of("d1"), null, null)), null, true, null),
                        List.of("unexpected RISK-A null", "unexpected ALIGN-B null")),
                Arguments.of(
                        "an exact case does not list a forbidden finding twice",
                        expect(
                                List.of(entry("RISK-A", null, null, null)),
                                List.of(entry("ALIGN-B", null, null, null)),
                                true,
                                null),
                        List.of("unexpected ALIGN-B null")),
                Arguments.of(
                        "a score inside the range and the right band",
                        expect(null, null, false, new Expectation.AlignmentRange(2.0, 2.0, "aligned")),
                        List.of()),
                Arguments.of(
                        "a score below the range",
                        expect(null, null, false, new Expectation.AlignmentRange(3.0, null, null)),
                        List.of("alignment null score")),
                Arguments.of(
                        "a score above the range and another band",
                        expect(null, null, false, new Expectation.AlignmentRange(null, 1.5, "mixed")),
                        List.of("alignment null score", "alignment null band")),
                Arguments.of(
                        "every difference, not only the first",
                        expect(
                                List.of(
                                        entry("RISK-X", null, null, null),
                                        entry("RISK-A", List.of("d2"), "high", null)),
                                List.of(entry("ALIGN-B", null, null, null)),
                                false,
                                new Expectation.AlignmentRange(null, null, "mixed")),
                        List.of(
                                "missing RISK-X null",
                                "mismatched RISK-A severity",
                                "unexpected ALIGN-B null",
                                "alignment null band")));
    }

    /** Mismatches compared as "kind ruleId field": what differs, not how it is worded. */
    @ParameterizedTest(name = "{0}")
    @MethodSource
    void compare(String name, Expectation expectation, List<String> mismatches) {
        List<Mismatch> got = ExpectationMatcher.compare(expectation, REPORT);
        assertEquals(
                mismatches,
                got.stream()
                        .map(m -> m.kind() + " " + m.ruleId() + " " + m.field())
                        .toList(),
                got.toString());
    }
}
