package io.lodestone.engine;

import static io.lodestone.TestFiles.cli;
import static io.lodestone.TestFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lodestone.Lodestone;
import io.lodestone.TestFiles.Run;
import io.lodestone.api.Finding;
import io.lodestone.api.Report;
import io.lodestone.api.Trace;
import io.lodestone.api.TracedFact;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExplainIT {
    static final Path SEED = Path.of("facts/us-ua-minerals-2025-02.json");

    private static Finding aidDisagreement(Report report) {
        return report.findings().stream()
                .filter(f -> f.getRuleId().equals("INC-AID-FIGURES-DISAGREE"))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void theAidDisagreementTraceShowsBothFiguresWithTheAmountsCompared() throws Exception {
        Lodestone lodestone = Lodestone.builder(Path.of("rules")).explain(true).build();
        Trace trace = aidDisagreement(lodestone.evaluate(SEED)).getTrace();
        assertNotNull(trace);
        assertEquals("INC-AID-FIGURES-DISAGREE", trace.ruleId());
        assertEquals(Path.of("rules/minerals/inconsistency.drl").toString(), trace.file());
        assertEquals(10, trace.line());
        assertEquals(
                List.of("aid-other-sources", "aid-trump"),
                trace.facts().stream().map(TracedFact::id).toList());
        assertEquals(
                List.of("AidFigure", "AidFigure"),
                trace.facts().stream().map(TracedFact::type).toList());
        assertEquals(2.0e11, trace.facts().get(0).fields().get("amountUsd"));
        assertEquals(3.5e11, trace.facts().get(1).fields().get("amountUsd"));
        assertEquals("total-support", trace.facts().get(1).fields().get("measure"));
        assertEquals(2.0e11, trace.bindings().get("$x"));
    }

    @Test
    void withoutExplainThereIsNoTrace() throws Exception {
        Report report = Lodestone.fromRules(Path.of("rules")).evaluate(SEED);
        assertTrue(report.findings().stream().allMatch(f -> f.getTrace() == null));
        assertNull(aidDisagreement(report).getTrace());
    }

    @Test
    void aDerivedFactCarriesTheTraceOfTheRuleThatInsertedIt(@TempDir Path tmp) throws Exception {
        Path rules = tmp.resolve("rules");
        write(rules.resolve("d/model.drl"), """
                package d;
                declare Item  id : String  amount : Double  end
                declare Large id : String  item : String  end
                """);
        write(rules.resolve("d/rules.drl"), """
                package d;
                import io.lodestone.api.Finding;

                rule "Items over 100 are large"
                    @id("DERIVE-LARGE") @derivation
                when
                    $i : Item( amount > 100 )
                then
                    insertLogical(new Large("large-" + $i.getId(), $i.getId()));
                end

                rule "Large items are a risk"
                    @id("RISK-LARGE") @category("RISK") @severity("low")
                when
                    $l : Large( $itemId : item )
                    $i : Item( id == $itemId )
                then
                    insert(new Finding("Item " + $i.getId() + " is large.", $i, $l));
                end
                """);
        Path facts = write(tmp.resolve("f.json"), """
                {"lodestone": 1, "facts": [{"type": "Item", "id": "a", "amount": 150}]}""");
        Finding f = Lodestone.builder(rules)
                .explain(true)
                .build()
                .evaluate(facts)
                .findings()
                .get(0);
        TracedFact large = f.getTrace().facts().stream()
                .filter(t -> t.type().equals("Large"))
                .findFirst()
                .orElseThrow();
        assertEquals("large-a", large.id());
        assertNotNull(large.derivedBy(), "the derived fact keeps the trace of its derivation");
        assertEquals("DERIVE-LARGE", large.derivedBy().ruleId());
        assertEquals(150.0, large.derivedBy().facts().get(0).fields().get("amount"));
    }

    @Test
    void theCliPrintsTracesInTextAndJson() throws Exception {
        Run json = cli("evaluate", "--explain", "--format", "json", SEED.toString());
        JsonNode finding = null;
        for (JsonNode f :
                new ObjectMapper().readTree(json.out()).get("reports").get(0).get("findings")) {
            if (f.get("ruleId").asText().equals("INC-AID-FIGURES-DISAGREE")) {
                finding = f;
            }
        }
        assertNotNull(finding);
        JsonNode trace = finding.get("trace");
        assertEquals(2, trace.get("facts").size());
        assertEquals(
                3.5e11, trace.get("facts").get(1).get("fields").get("amountUsd").asDouble());
        Run text = cli("evaluate", "--explain", SEED.toString());
        assertTrue(text.out().contains("why: INC-AID-FIGURES-DISAGREE"), text.out());
        Run plain = cli("evaluate", "--format", "json", SEED.toString());
        assertTrue(
                io.lodestone.TestFiles.json(plain.out()).findValues("trace").isEmpty(), "no trace without --explain");
        Run html = cli("evaluate", "--explain", "--format", "html", SEED.toString());
        assertTrue(html.out().contains("<details class=\"trace\">"), "html shows traces");
        assertTrue(html.out().contains("<span class=\"field\">amountUsd=3.5E11</span>"), "with the compared amounts");
        assertFalse(cli("evaluate", "--format", "html", SEED.toString()).out().contains("class=\"trace\""));
    }
}
