package io.lodestone.engine;

import static io.lodestone.TestFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lodestone.api.Diagnostic;
import io.lodestone.api.FactSet;
import io.lodestone.facts.FactSetLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Sessions are reused between fact sets (SessionPool): nothing of fact set A may be visible to the
 * next set B on the same runner — not its facts, not what its rules derived (truth maintenance), not
 * its findings, not a halt — whether A ended cleanly, with a rule error, at the firing limit or at the
 * time limit, with and without isolation. B's findings must be exactly those of B on a runner that
 * never saw A, and the rules must see only B's facts.
 */
class PooledSessionIsolationIT {
    private static final String RULES = """
            package pool;
            import io.lodestone.api.Finding;
                        import java.util.TreeSet;
            declare Item
                id : String
                mode : String
                amount : Double
            end
            declare Mark
                @concept
                id : String
            end
            rule "Every item is marked"
                @id("CONCEPT-MARK") @derivation salience 50
            when
                $i : Item( )
            then
                insertLogical(new Mark($i.getId()));
            end
            rule "Every item is reported"
                @id("RISK-ITEM") @category("RISK") @severity("low") salience 40
            when
                $i : Item( )
            then
                insert(new Finding("item " + $i.getId(), $i));
            end
            rule "What the rules see, last"
                @id("RISK-SEEN") @category("RISK") @severity("info") salience -100
            when
                accumulate( Item( $id : id ); $ids : collectSet( $id ) )
                accumulate( Mark( ); $marks : count( ) )
            then
                insert(new Finding("items " + new TreeSet($ids) + " marks " + $marks));
            end
            rule "Throws"
                @id("RISK-THROWS") @category("RISK") @severity("high") salience 10
            when
                $i : Item( mode == "throw" )
            then
                throw new IllegalStateException("broken on " + $i.getId());
            end
            rule "Loops"
                @id("CONCEPT-LOOP") @derivation salience 10
            when
                $i : Item( mode == "loop", amount > 0 )
            then
                modify($i) { setAmount($i.getAmount() + 1) }
            end
            rule "Slow"
                @id("CONCEPT-SLOW") @derivation salience 10
            when
                $i : Item( mode == "slow", amount > 0 )
            then
                long end = System.nanoTime() + 50_000_000L;
                while (System.nanoTime() < end) { Thread.onSpinWait(); }
                modify($i) { setAmount($i.getAmount() + 1) }
            end
            """;

    @TempDir
    Path tmp;

    private FactSet set(FactSetLoader loader, String name, String mode, String... ids) throws Exception {
        StringBuilder json = new StringBuilder("{\"lodestone\": 1, \"id\": \"" + name + "\", \"facts\": [");
        for (int i = 0; i < ids.length; i++) {
            json.append(i == 0 ? "" : ", ")
                    .append("{\"type\": \"Item\", \"id\": \"")
                    .append(ids[i])
                    .append("\", \"mode\": \"")
                    .append(mode)
                    .append("\", \"amount\": 1}");
        }
        return loader.load(write(tmp.resolve(name + ".json"), json.append("]}").toString()));
    }

    private static List<String> shown(SessionResult result) {
        return result.findings().stream()
                .map(f -> f.getRuleId() + " " + f.getMessage() + " " + f.getFacts())
                .sorted()
                .toList();
    }

    @ParameterizedTest(name = "A ends {0}, isolate={1}")
    @CsvSource({
        "calm, false, 0", "calm, true, 0",
        "throw, false, 1", "throw, true, 1",
        "loop, false, 1", "loop, true, 1",
        "slow, false, 1", "slow, true, 1"
    })
    void nothingOfOneFactSetReachesTheNext(String modeOfA, boolean isolate, int errorsOfA) throws Exception {
        write(tmp.resolve("rules/pool/rules.drl"), RULES);
        RuleBase ruleBase = RuleBase.compile(tmp.resolve("rules"), Map.of());
        FactSetLoader loader = new FactSetLoader(ruleBase.factTypes());
        Limits limits = new Limits(200, Duration.ofSeconds(2), isolate);
        FactSet a = set(loader, "a", modeOfA, "a1", "a2", "a3");
        FactSet b = set(loader, "b", "calm", "b1");

        // what B gives on a runner that never saw another set
        SessionResult alone = new SessionRunner(ruleBase, limits).run(b, false);
        assertEquals(List.of(), alone.errors());
        assertEquals(List.of("RISK-ITEM item b1 [b1]", "RISK-SEEN items [b1] marks 1 []"), shown(alone));

        SessionRunner runner = new SessionRunner(ruleBase, limits);
        SessionResult first = runner.run(a, false);
        assertEquals(errorsOfA, first.errors().size(), first.errors().toString());
        if (errorsOfA > 0) {
            assertEquals(
                    modeOfA.equals("throw") ? Diagnostic.Kind.RULE_RUNTIME : Diagnostic.Kind.RULE_LIMIT,
                    first.errors().get(0).kind());
        }
        if (errorsOfA == 0) {
            assertEquals(
                    List.of(
                            "RISK-ITEM item a1 [a1]",
                            "RISK-ITEM item a2 [a2]",
                            "RISK-ITEM item a3 [a3]",
                            "RISK-SEEN items [a1, a2, a3] marks 3 []"),
                    shown(first));
        }
        assertEquals(errorsOfA == 0 ? 1 : 0, runner.idleSessions(), "a session is kept only after a clean evaluation");

        for (int round = 0; round < 3; round++) { // the reused session serves B again and again
            SessionResult next = runner.run(b, false);
            assertEquals(List.of(), next.errors(), "round " + round);
            assertEquals(shown(alone), shown(next), "round " + round);
            assertEquals(1, runner.idleSessions(), "B's clean session is kept");
        }
    }
}
