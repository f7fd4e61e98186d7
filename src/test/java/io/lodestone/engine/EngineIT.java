package io.lodestone.engine;

import static io.lodestone.TestFiles.miniRules;
import static io.lodestone.TestFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lodestone.Lodestone;
import io.lodestone.api.Category;
import io.lodestone.api.Diagnostic;
import io.lodestone.api.Evidence;
import io.lodestone.api.Fact;
import io.lodestone.api.FactSet;
import io.lodestone.api.Finding;
import io.lodestone.api.Report;
import io.lodestone.api.RulesException;
import io.lodestone.api.Severity;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineIT {
    @TempDir
    Path tmp;

    private Report evaluate(String facts) throws Exception {
        Lodestone lodestone = Lodestone.fromRules(miniRules(tmp.resolve("rules")));
        return lodestone.evaluate(write(tmp.resolve("set.json"), facts));
    }

    @Test
    void ruleMetadataFillsTheFindingFields() throws Exception {
        Report report = evaluate("""
                {"lodestone": 1, "id": "s1", "sources": [{"id": "doc"}],
                 "facts": [{"type": "Item", "id": "a", "amount": 150, "source": {"ref": "doc", "quote": "a is 150"}}]}
                """);
        assertEquals(1, report.findings().size());
        Finding f = report.findings().get(0);
        assertEquals("RISK-OVER-LIMIT", f.getRuleId());
        assertEquals(Category.RISK, f.getCategory());
        assertEquals(Severity.MEDIUM, f.getSeverity());
        assertNull(f.getWeight(), "weight is for ALIGNMENT only");
        assertEquals(List.of("a"), f.getFacts());
        assertEquals(List.of(new Evidence("a", "doc", "a is 150")), f.getSources());
        assertEquals("s1", report.id());
    }

    @Test
    void aFindingRepeatedWithTheSameRuleFactsAndMessageIsReportedOnce() throws Exception {
        Path rules = miniRules(tmp.resolve("rules"));
        write(rules.resolve("mini/echo.drl"), """
                package mini;
                import io.lodestone.api.Finding;

                rule "Tagged item echoes"
                    @id("INC-ECHO") @category("INCONSISTENCY") @severity("low")
                when
                    $i : Item( tags != null )
                then
                    insert(new Finding("Item " + $i.getId() + " is tagged.", $i));
                    insert(new Finding("Item " + $i.getId() + " is tagged.", $i));
                    insert(new Finding("Item " + $i.getId() + " is tagged twice.", $i));
                    insert(new Finding("Item " + $i.getId() + " is tagged.", "x", "y"));
                    insert(new Finding("Item " + $i.getId() + " is tagged.", "x, y"));
                end
                """);
        Report report = Lodestone.fromRules(rules).evaluate(write(tmp.resolve("set.json"), """
                        {"lodestone": 1, "facts": [{"type": "Item", "id": "a", "tags": ["t"]}]}
                        """));
        List<String> echoes = report.findings().stream()
                .filter(f -> f.getRuleId().equals("INC-ECHO"))
                .map(f -> f.getFacts() + " " + f.getMessage())
                .sorted()
                .toList();
        // the repeat is dropped; another message, or other facts (even ones that print alike), is another finding
        assertEquals(
                List.of(
                        "[a] Item a is tagged twice.",
                        "[a] Item a is tagged.",
                        "[x, y] Item a is tagged.",
                        "[x, y] Item a is tagged."),
                echoes);
        assertEquals(
                2,
                report.findings().stream()
                        .filter(f -> f.getRuleId().equals("INC-ECHO")
                                && !f.getFacts().contains("a"))
                        .map(Finding::getFacts)
                        .distinct()
                        .count(),
                "[x, y] as two ids and as one");
    }

    @Test
    void collectedFactsAreListedInFactSetOrderEvenWhenTheApiRepeatsAnObject() throws Exception {
        Path rules = miniRules(tmp.resolve("rules"));
        write(rules.resolve("mini/all.drl"), """
                package mini;
                import io.lodestone.api.Finding;
                import java.util.List;

                rule "Every item together"
                    @id("RISK-ALL-ITEMS") @category("RISK") @severity("low")
                when
                    $all : List( size > 0 ) from accumulate( $i : Item(), collectList($i) )
                then
                    insert(new Finding("All items.", $all));
                end
                """);
        Lodestone lodestone = Lodestone.fromRules(rules);
        FactSet loaded = lodestone.load(write(tmp.resolve("set.json"), """
                {"lodestone": 1, "id": "s", "facts": [
                  {"type": "Item", "id": "m"}, {"type": "Item", "id": "b"}, {"type": "Item", "id": "c"}]}
                """));
        Fact m = loaded.facts().get(0);
        Fact b = loaded.facts().get(1);
        Fact c = loaded.facts().get(2);
        assertEquals(List.of("m", "b", "c"), ids(lodestone.evaluate(loaded)), "the set as loaded: file order");
        // the Java API can list one object twice (the session holds it once): the object takes its last
        // entry's id, and each object the number of distinct objects listed before its last entry, so m
        // (as m2) and c share number 2 and their own ids decide (c before m); numbering by last index
        // would put m2 first
        FactSet repeated = new FactSet(
                "s",
                null,
                null,
                "set.json",
                List.of(),
                List.of(m, b, new Fact(m.type(), "m2", m.value(), null, null, "facts[2]"), c));
        assertEquals(List.of("b", "c", "m2"), ids(lodestone.evaluate(repeated)));
    }

    private static List<String> ids(Report report) {
        return report.findings().stream()
                .filter(f -> f.getRuleId().equals("RISK-ALL-ITEMS"))
                .findFirst()
                .orElseThrow()
                .getFacts();
    }

    @Test
    void aRuleMayRaiseTheSeverityOfOneFinding() throws Exception {
        Report report = evaluate("""
                {"lodestone": 1, "facts": [{"type": "Item", "id": "a", "amount": 5000}]}
                """);
        assertEquals(Severity.CRITICAL, report.findings().get(0).getSeverity());
    }

    @Test
    void paramsComeFromParamsJsonAndCanBeOverridden() throws Exception {
        Path rules = miniRules(tmp.resolve("rules"));
        Path set = write(tmp.resolve("set.json"), """
                {"lodestone": 1, "facts": [{"type": "Item", "id": "a", "amount": 150}]}
                """);
        assertEquals(1, Lodestone.fromRules(rules).evaluate(set).findings().size());
        assertEquals(
                0,
                Lodestone.builder(rules)
                        .param("limit", "200")
                        .build()
                        .evaluate(set)
                        .findings()
                        .size());
    }

    @Test
    void absentBoxedFieldsAreNullNotZeroOrFalse() throws Exception {
        // Drools would initialise 'flagged' to false, firing ALIGN-UNFLAGGED on every item
        Report report = evaluate("""
                {"lodestone": 1, "facts": [{"type": "Item", "id": "a"}]}
                """);
        assertEquals(List.of(), report.findings());
    }

    @Test
    void alignmentScoreIsTheSumOfWeightsWithABand() throws Exception {
        Report report = evaluate("""
                {"lodestone": 1, "facts": [
                  {"type": "Item", "id": "a", "flagged": true},
                  {"type": "Item", "id": "b", "flagged": true},
                  {"type": "Item", "id": "c", "flagged": false}]}
                """);
        assertEquals(4.0, report.alignment().score(), 1e-9);
        assertEquals("aligned", report.alignment().band());
        assertEquals(3, report.alignment().contributions().size());
        assertEquals(3, report.counts().of(Category.ALIGNMENT));
        // report order: severity first (low before info), then rule id
        assertEquals(
                List.of(-1.0, 2.5, 2.5),
                report.alignment().contributions().stream()
                        .map(Finding::getWeight)
                        .toList());
    }

    @Test
    void noAlignmentFindingMeansNotAssessed() throws Exception {
        Report report = evaluate("""
                {"lodestone": 1, "facts": [{"type": "Item", "id": "a", "amount": 1}]}
                """);
        assertEquals(0.0, report.alignment().score());
        assertEquals("not-assessed", report.alignment().band());
    }

    @Test
    void findingsAreOrderedByCategorySeverityRuleAndFacts() throws Exception {
        Report report = evaluate("""
                {"lodestone": 1, "facts": [
                  {"type": "Item", "id": "z", "amount": 150, "tags": ["t"]},
                  {"type": "Item", "id": "b", "amount": 9999, "flagged": true, "tags": ["t"]},
                  {"type": "Item", "id": "a", "amount": 150, "flagged": false}]}
                """);
        List<String> order = report.findings().stream()
                .map(f -> f.getRuleId() + ":" + f.getSeverity().label() + ":" + String.join("+", f.getFacts()))
                .toList();
        assertEquals(
                List.of(
                        "ALIGN-UNFLAGGED:low:a",
                        "ALIGN-FLAGGED:info:b",
                        "RISK-OVER-LIMIT:critical:b",
                        "RISK-OVER-LIMIT:medium:a",
                        "RISK-OVER-LIMIT:medium:z",
                        "INC-SHARED-TAG:high:b+z"),
                order);
    }

    @Test
    void missingMetadataAndDuplicateIdsAreRuleErrorsWithFileAndLine() {
        Path rules = tmp.resolve("bad");
        write(rules.resolve("x/r.drl"), """
                package x;
                import io.lodestone.api.Finding;

                rule "no id"
                    @category("RISK") @severity("low")
                when
                then
                end

                rule "first"
                    @id("R-1") @category("RISKY") @severity("low")
                when
                then
                end

                rule "second"
                    @id("R-1") @category("RISK") @severity("urgent")
                when
                then
                end
                """);
        RulesException e = assertThrows(RulesException.class, () -> Lodestone.fromRules(rules));
        List<String> where = e.errors().stream()
                .map(err -> err.kind() + "@" + err.line() + ":" + err.rule())
                .toList();
        // errors about a given annotation point at it (the line after "rule"); a missing one at the rule
        assertTrue(where.contains(Diagnostic.Kind.RULE_METADATA + "@4:no id"), where.toString());
        assertTrue(where.contains(Diagnostic.Kind.RULE_METADATA + "@11:first"), where.toString());
        assertEquals(
                2,
                where.stream().filter(w -> w.endsWith("@17:second")).count(),
                "bad severity and duplicate id: " + where);
        assertTrue(e.errors().stream().allMatch(err -> err.file().endsWith("x/r.drl")));
    }

    @Test
    void aGlobalWithoutValueIsReported() {
        Path rules = tmp.resolve("noparam");
        write(rules.resolve("x/r.drl"), """
                package x;
                global Double threshold;
                """);
        RulesException e = assertThrows(RulesException.class, () -> Lodestone.fromRules(rules));
        assertEquals(Diagnostic.Kind.RULE_PARAMS, e.errors().get(0).kind());
        assertEquals(2, e.errors().get(0).line());
    }

    @Test
    void aSyntaxErrorIsLocatedWithoutFollowOnNoise() {
        Path rules = tmp.resolve("syntax");
        write(rules.resolve("x/r.drl"), """
                package x;

                rule "broken"
                    @id("X") @category("RISK") @severity("low")
                when
                    String( length > 1
                then
                end
                """);
        RulesException e = assertThrows(RulesException.class, () -> Lodestone.fromRules(rules));
        assertTrue(e.errors().stream().noneMatch(err -> err.message().contains("null Package")));
        Diagnostic first = e.errors().get(0);
        assertEquals(Diagnostic.Kind.RULE_SYNTAX, first.kind());
        assertTrue(first.line() != null && first.line() >= 6 && first.line() <= 7, "line " + first.line());
    }
}
