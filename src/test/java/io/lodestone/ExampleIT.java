package io.lodestone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lodestone.api.Category;
import io.lodestone.api.Diagnostic;
import io.lodestone.api.FactSet;
import io.lodestone.api.FactSetException;
import io.lodestone.api.Finding;
import io.lodestone.api.Report;
import io.lodestone.api.Severity;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The embedding API as a user would write it: copy this into your own project (with Lodestone on the
 * class path and a rules folder beside it) and adapt the paths.
 */
class ExampleIT {
    @Test
    void evaluateAFactSetAndReadItsFindingsAndAlignmentScore() throws Exception {
        // Compile the rules once; the evaluator is immutable and safe to share between threads.
        Lodestone lodestone = Lodestone.builder(Path.of("rules"))
                .param("aidFigureTolerance", "0.1") // overrides rules/**/params.json
                .build();

        // Load (and check) a fact set, then evaluate it.
        FactSet facts = lodestone.load(Path.of("facts/us-ua-minerals-2025-02.json"));
        Report report = lodestone.evaluate(facts);

        // Findings come sorted: category, most severe first, rule id, fact ids.
        List<Finding> risks = report.findings().stream()
                .filter(f -> f.getCategory() == Category.RISK)
                .toList();
        assertTrue(risks.stream()
                .anyMatch(f -> f.getRuleId().equals("RISK-OCCUPIED-DEPOSIT")
                        && f.getFacts().contains("dep-ree-east-dnipro")));
        assertEquals(report.counts().of(Category.RISK), risks.size());
        assertTrue(report.hasFindingAtLeast(Severity.HIGH));

        // The alignment score comes from one verdict per priority (docs/alignment.md): contested credits
        // count half, and high risks on the judged deal weigh on it, so it is below the plain weight sum.
        double score = report.alignment().score();
        double sum = report.alignment().contributions().stream()
                .mapToDouble(Finding::getWeight)
                .sum();
        assertTrue(score < sum, score + " < " + sum);
        assertEquals(-1.5, score, 1e-9);
        assertEquals("mixed", report.alignment().band());
        assertTrue(report.alignment().verdicts().stream()
                .anyMatch(v -> v.priority().equals("recover-past-spending")
                        && v.findings().get(0).contested()));

        // Every finding cites the facts it is about and, where the facts give one, the source quote.
        Finding first = report.findings().get(0);
        assertFalse(first.getFacts().isEmpty());
        assertTrue(report.findings().stream().anyMatch(f -> !f.getSources().isEmpty()));
    }

    @Test
    void badInputIsATypedExceptionWithLocatedErrors() throws Exception {
        Lodestone lodestone = Lodestone.fromRules(Path.of("rules"));
        String json = "{\"lodestone\": 1, \"id\": \"x\",\n \"facts\": [{\"type\": \"Deal\", \"id\": 7}]}";
        FactSetException e = assertThrows(
                FactSetException.class,
                () -> lodestone.evaluate(
                        new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "inline.json"));
        Diagnostic error = e.errors().get(0);
        assertEquals("inline.json", error.file());
        assertEquals(Diagnostic.Kind.FACT_SHAPE, error.kind());
        assertEquals("facts[0].id", error.path());
    }
}
