package io.lodestone.engine;

import static io.lodestone.TestFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.lodestone.Lodestone;
import io.lodestone.TestFiles;
import io.lodestone.api.Diagnostic;
import io.lodestone.api.Report;
import io.lodestone.api.RunReport;
import io.lodestone.cli.ExitCodes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rule that throws, rules that loop, and a consequence that never returns: reported, never a hang.
 * The reported limit kind proves which guard stopped a run; the class timeout only catches a hang.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class RuntimeGuardsIT {
    private static final String MODEL = """
            package guard;
            import io.lodestone.api.Finding;
            declare Item
                id : String
                amount : Double
                mode : String
            end

            rule "Report every item first"
                @id("RISK-ITEM") @category("RISK") @severity("low") salience 100
            when
                $i : Item( )
            then
                insert(new Finding("item " + $i.getId(), $i));
            end
            """;

    @TempDir
    Path tmp;

    private Path rules(String extraRule) {
        Path dir = tmp.resolve("rules");
        write(dir.resolve("guard/model.drl"), MODEL);
        write(dir.resolve("guard/extra.drl"), "package guard;\n" + extraRule);
        return dir;
    }

    private Path set(String name, String id, String mode) {
        return write(
                tmp.resolve(name + ".json"),
                "{\"lodestone\": 1, \"id\": \"" + name + "\", \"facts\": [" + "{\"type\": \"Item\", \"id\": \"" + id
                        + "\", \"amount\": 1, \"mode\": \"" + mode + "\"}]}");
    }

    @Test
    void aThrowingRuleIsReportedWithItsIdAndMessageAndTheOtherSetsAreUnaffected() throws Exception {
        Path rules = rules("""
                rule "Divides by the amount"
                    @id("RISK-THROWS") @category("RISK") @severity("high")
                when
                    $i : Item( mode == "throw" )
                then
                    throw new IllegalStateException("no rate for " + $i.getId());
                end
                """);
        RunReport run = Lodestone.fromRules(rules).evaluateAll(List.of(set("a", "x", "throw"), set("b", "y", "calm")));
        assertEquals(2, run.reports().size(), "both fact sets are reported");
        Report bad = run.reports().get(0);
        assertEquals(1, bad.errors().size(), bad.errors().toString());
        Diagnostic e = bad.errors().get(0);
        assertEquals(Diagnostic.Kind.RULE_RUNTIME, e.kind());
        assertEquals("RISK-THROWS", e.rule());
        assertTrue(e.message().contains("no rate for x"), e.message());
        assertEquals(
                List.of("RISK-ITEM"),
                bad.findings().stream().map(f -> f.getRuleId()).toList(),
                "the finding made before the failure is kept");
        Report good = run.reports().get(1);
        assertEquals(List.of(), good.errors());
        assertEquals(1, good.findings().size());
        assertEquals(ExitCodes.LOAD_ERROR, ExitCodes.of(run, null));
    }

    @Test
    void findingsDroppedFromADerivationAreReportedInTheOrderTheyWereInserted() throws Exception {
        Path rules = rules("""
                rule "Inserts findings it should not"
                    @id("DER-FINDINGS") @derivation
                when
                    $i : Item( mode == "drafts" )
                then
                    for (int n = 0; n < 20; n++) {
                        insert(new Finding("draft " + n, $i));
                    }
                end
                """);
        Report report = Lodestone.fromRules(rules).evaluate(set("a", "x", "drafts"));
        List<String> dropped = report.errors().stream()
                .map(Diagnostic::message)
                .map(m -> m.replaceAll(".*\"(draft \\d+)\".*", "$1"))
                .toList();
        List<String> inserted = new ArrayList<>();
        for (int n = 0; n < 20; n++) {
            inserted.add("draft " + n);
        }
        // the same fact set and rules give the same report: errors in firing order, not in a hash order
        assertEquals(inserted, dropped);
        assertEquals(
                List.of("RISK-ITEM"),
                report.findings().stream().map(f -> f.getRuleId()).toList());
    }

    @Test
    void aRuleThatLoopsThroughModifyIsStoppedByTheFiringLimit() throws Exception {
        Path rules = rules("""
                rule "Keeps raising the amount"
                    @id("DER-LOOP") @derivation
                when
                    $i : Item( mode == "loop", amount > 0 )
                then
                    modify($i) { setAmount($i.getAmount() + 1) }
                end
                """);
        Lodestone lodestone = Lodestone.builder(rules).maxFirings(500).build();
        Report report = lodestone.evaluate(set("a", "x", "loop"));
        assertEquals(
                List.of(Diagnostic.Kind.RULE_LIMIT),
                report.errors().stream().map(Diagnostic::kind).toList());
        assertTrue(
                report.errors().get(0).message().contains("500"),
                report.errors().get(0).message());
        assertEquals(1, report.findings().size(), "findings so far are kept");
    }

    @Test
    void aSlowLoopIsStoppedByTheTimeLimit() throws Exception {
        Path rules = rules("""
                rule "Keeps raising the amount, slowly"
                    @id("DER-SLOW") @derivation
                when
                    $i : Item( mode == "slow", amount > 0 )
                then
                    try { Thread.sleep(20); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
                    modify($i) { setAmount($i.getAmount() + 1) }
                end
                """);
        Lodestone lodestone =
                Lodestone.builder(rules).timeout(Duration.ofMillis(300)).build();
        Report report = lodestone.evaluate(set("a", "x", "slow"));
        assertEquals(
                List.of(Diagnostic.Kind.RULE_LIMIT),
                report.errors().stream().map(Diagnostic::kind).toList());
        assertTrue(
                report.errors().get(0).message().contains("time limit"),
                report.errors().get(0).message());
    }

    @Test
    void aConsequenceThatNeverReturnsIsAbandonedAndTheBatchGoesOn() throws Exception {
        String flag = "lodestone.test.release." + System.nanoTime();
        Path rules = rules("""
                rule "Spins inside one firing"
                    @id("DER-SPIN") @derivation
                when
                    $i : Item( mode == "spin" )
                then
                    while (System.getProperty("%s") == null) { Thread.onSpinWait(); }
                end
                """.formatted(flag));
        try {
            Lodestone lodestone = Lodestone.builder(rules)
                    .timeout(Duration.ofMillis(200))
                    .isolateRules(true)
                    .build();
            RunReport run = lodestone.evaluateAll(List.of(set("a", "x", "spin"), set("b", "y", "calm")));
            assertEquals(
                    List.of(Diagnostic.Kind.RULE_LIMIT),
                    run.reports().get(0).errors().stream().map(Diagnostic::kind).toList());
            assertEquals(1, run.reports().get(0).findings().size(), "the finding made before is kept");
            assertEquals(List.of(), run.reports().get(1).errors());
            assertEquals(1, run.reports().get(1).findings().size());
        } finally {
            System.setProperty(flag, "stop"); // lets the abandoned thread end
        }
    }

    @Test
    void rulesFireOnTheCallersThreadUnlessIsolated() throws Exception {
        Path rules = rules("""
                import io.lodestone.api.Finding;
                rule "Names the thread it fires on"
                    @id("RISK-THREAD") @category("RISK") @severity("info")
                when
                    $i : Item( mode == "calm" )
                then
                    insert(new Finding(Thread.currentThread().getName(), $i));
                end
                """);
        Path set = set("t", "x", "calm");
        String direct = thread(Lodestone.builder(rules).build().evaluate(set));
        String isolated =
                thread(Lodestone.builder(rules).isolateRules(true).build().evaluate(set));
        assertEquals(Thread.currentThread().getName(), direct, "no hand-off per fact set by default");
        assertEquals("lodestone-rules", isolated);
    }

    private static String thread(io.lodestone.api.Report report) {
        return report.findings().stream()
                .filter(f -> f.getRuleId().equals("RISK-THREAD"))
                .findFirst()
                .orElseThrow()
                .getMessage();
    }

    @Test
    void theCliPrintsEveryReportAndExitsThreeWhenARuleFails() {
        Path rules = rules("""
                rule "Throws"
                    @id("RISK-THROWS") @category("RISK") @severity("high")
                when
                    $i : Item( mode == "throw" )
                then
                    throw new IllegalArgumentException("bad " + $i.getId());
                end
                """);
        TestFiles.Run run = TestFiles.cli(
                "evaluate",
                "--rules",
                rules.toString(),
                "--format",
                "json",
                set("a", "x", "throw").toString(),
                set("b", "y", "calm").toString());
        assertEquals(ExitCodes.LOAD_ERROR, run.code(), run.err());
        JsonNode out = TestFiles.json(run.out());
        List<String> ids = new ArrayList<>();
        out.get("reports").forEach(r -> ids.add(r.get("id").asText()));
        assertEquals(List.of("a", "b"), ids, "every report is printed");
        assertEquals("RISK-THROWS", out.at("/reports/0/errors/0/rule").asText(), run.out());
    }

    @Test
    void theLimitsAreSetFromTheCommandLine() {
        Path rules = rules("""
                rule "Keeps raising the amount"
                    @id("DER-LOOP") @derivation
                when
                    $i : Item( mode == "loop", amount > 0 )
                then
                    modify($i) { setAmount($i.getAmount() + 1) }
                end
                """);
        TestFiles.Run run = TestFiles.cli(
                "evaluate",
                "--rules",
                rules.toString(),
                "--format",
                "json",
                "--max-firings",
                "50",
                "--timeout",
                "5s",
                set("a", "x", "loop").toString());
        assertEquals(ExitCodes.LOAD_ERROR, run.code(), run.err());
        assertEquals(
                "rule-limit",
                TestFiles.json(run.out()).at("/reports/0/errors/0/kind").asText(),
                run.out());
        assertTrue(run.err().contains("50"), run.err());
        assertEquals(
                ExitCodes.USAGE,
                TestFiles.cli("evaluate", "--rules", rules.toString(), "--timeout", "soon")
                        .code());
    }
}
