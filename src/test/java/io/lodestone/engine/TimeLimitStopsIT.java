package io.lodestone.engine;

import static io.lodestone.TestFiles.write;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lodestone.Lodestone;
import io.lodestone.TestFiles;
import io.lodestone.api.Diagnostic;
import io.lodestone.api.RunReport;
import io.lodestone.cli.ExitCodes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Review F13, F14, F15, F27: the time limit stops rules that halt() cannot reach (work inside the
 * conditions), with or without isolation; stopped threads end; an Error from rule code fails only
 * its own fact set; a consequence interrupted at the limit is a rule-limit.
 */
class TimeLimitStopsIT {
    private static final String MODEL = """
            package slow;
            import io.lodestone.api.Finding;
            declare Item
                id : String
                mode : String
            end
            function boolean slowly(String a, String b) {
                long end = System.nanoTime() + 2_000_000L;
                while (System.nanoTime() < end) { Thread.onSpinWait(); }
                return true;
            }
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

    private Path rules(String rule) {
        Path dir = tmp.resolve("rules");
        write(dir.resolve("slow/model.drl"), MODEL);
        write(dir.resolve("slow/extra.drl"), "package slow;\n" + rule);
        return dir;
    }

    /** {@code n} items with the given mode: a pairwise join over them costs n * n * 2 ms of conditions. */
    private Path items(String name, int n, String mode) {
        StringBuilder b = new StringBuilder("{\"lodestone\": 1, \"id\": \"" + name + "\", \"facts\": [");
        for (int i = 0; i < n; i++) {
            b.append(i == 0 ? "" : ",")
                    .append("{\"type\": \"Item\", \"id\": \"")
                    .append(name)
                    .append(i)
                    .append("\", \"mode\": \"")
                    .append(mode)
                    .append("\"}");
        }
        return write(tmp.resolve(name + ".json"), b.append("]}").toString());
    }

    private static final String SLOW_JOIN = """
            rule "Pairs, slowly"
                @id("RISK-PAIRS") @category("RISK") @severity("low")
            when
                $a : Item( mode == "join" )
                $b : Item( mode == "join", eval(slowly($a.getId(), id)) )
            then
            end
            """;

    @Test
    void aJoinHeavyConditionIsStoppedWithoutIsolation() {
        // 150 x 150 pairs at 2 ms each: 45 s of conditions that halt() never interrupts
        Path rules = rules(SLOW_JOIN);
        Path heavy = items("heavy", 150, "join");
        Path calm = items("calm", 1, "calm");
        RunReport run = assertTimeoutPreemptively(Duration.ofSeconds(25), () -> Lodestone.builder(rules)
                .timeout(Duration.ofMillis(300))
                .jobs(1)
                .build()
                .evaluateAll(List.of(heavy, calm)));
        assertEquals(
                List.of(Diagnostic.Kind.RULE_LIMIT),
                run.reports().get(0).errors().stream().map(Diagnostic::kind).toList());
        assertEquals(List.of(), run.reports().get(1).errors(), "the next fact set runs normally on the same thread");
        assertEquals(1, run.reports().get(1).findings().size());
    }

    @Test
    void anIsolatedThreadThatWouldSpinForeverIsStopped() {
        Path rules = rules("""
                rule "Spins"
                    @id("DER-SPIN") @derivation
                when
                    $i : Item( mode == "spin" )
                then
                    while (true) { Thread.onSpinWait(); }
                end
                """);
        Path spin = items("spin", 1, "spin");
        RunReport run = assertTimeoutPreemptively(Duration.ofSeconds(25), () -> Lodestone.builder(rules)
                .timeout(Duration.ofMillis(200))
                .isolateRules(true)
                .build()
                .evaluateAll(List.of(spin)));
        assertEquals(
                Diagnostic.Kind.RULE_LIMIT, run.reports().get(0).errors().get(0).kind());
        // the review found such threads spinning forever at 100 % CPU each
        await().atMost(Duration.ofSeconds(10)).until(() -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().equals("lodestone-rules") && t.getState() == Thread.State.RUNNABLE));
        assertEquals(0, SessionRunner.abandonedThreads());
    }

    @Test
    void aSleepInterruptedAtTheLimitIsARuleLimit() throws Exception {
        Path rules = rules("""
                rule "Sleeps"
                    @id("DER-SLEEP") @derivation
                when
                    $i : Item( mode == "sleep" )
                then
                    Thread.sleep(30000);
                end
                """);
        RunReport run = Lodestone.builder(rules)
                .timeout(Duration.ofMillis(200))
                .isolateRules(true)
                .build()
                .evaluateAll(List.of(items("sleep", 1, "sleep")));
        assertEquals(
                List.of(Diagnostic.Kind.RULE_LIMIT),
                run.reports().get(0).errors().stream().map(Diagnostic::kind).toList());
    }

    @Test
    void anErrorFromRuleCodeFailsOnlyItsFactSet() {
        Path rules = rules("""
                function int deep(int n) { return deep(n + 1) + 1; }
                rule "Recurses"
                    @id("RISK-DEEP") @category("RISK") @severity("low")
                when
                    $i : Item( mode == "deep" )
                then
                    deep(0);
                end
                rule "Asserts"
                    @id("RISK-ASSERT") @category("RISK") @severity("low")
                when
                    $i : Item( mode == "assert" )
                then
                    throw new AssertionError("boom");
                end
                """);
        for (String jobs : List.of("1", "2")) {
            TestFiles.Run run = TestFiles.cli(
                    "evaluate",
                    "--rules",
                    rules.toString(),
                    "--format",
                    "json",
                    "-j",
                    jobs,
                    items("deep", 1, "deep").toString(),
                    items("assert", 1, "assert").toString(),
                    items("fine", 1, "calm").toString());
            assertEquals(ExitCodes.LOAD_ERROR, run.code(), run.err());
            assertTrue(run.out().contains("\"id\" : \"fine\""), "every report is printed: " + run.out());
            assertTrue(run.out().contains("rule-runtime"), run.out());
        }
    }
}
