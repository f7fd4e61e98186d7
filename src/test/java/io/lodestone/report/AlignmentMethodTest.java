package io.lodestone.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lodestone.api.Alignment;
import io.lodestone.api.Category;
import io.lodestone.api.Fact;
import io.lodestone.api.FactSet;
import io.lodestone.api.Finding;
import io.lodestone.api.PriorityVerdict;
import io.lodestone.api.RuleDescription;
import io.lodestone.api.Severity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The alignment method reads a pack's facts through their getters, whatever form a field's getter takes. */
class AlignmentMethodTest {
    /** A Policy as a pack declares it: an issuer and the priorities it states. */
    public static final class Policy {
        public String getIssuer() {
            return "United States";
        }

        public List<String> getPriorities() {
            return List.of("supply-security");
        }
    }

    /** A claim with {@code hedged : Boolean} (Drools writes getHedged). */
    public static final class WrapperClaim {
        private final Boolean hedged;

        WrapperClaim(Boolean hedged) {
            this.hedged = hedged;
        }

        public Boolean getHedged() {
            return hedged;
        }
    }

    /** A claim with {@code hedged : boolean} (Drools writes isHedged). */
    public static final class PrimitiveClaim {
        private final boolean hedged;

        PrimitiveClaim(boolean hedged) {
            this.hedged = hedged;
        }

        public boolean isHedged() {
            return hedged;
        }
    }

    @ParameterizedTest
    @CsvSource({"wrapper, true, 0.5", "wrapper, false, 1.0", "primitive, true, 0.5", "primitive, false, 1.0"})
    void aHedgedClaimContestsTheCreditItCarries(String form, boolean hedged, double score) {
        Object claim = form.equals("wrapper") ? new WrapperClaim(hedged) : new PrimitiveClaim(hedged);
        FactSet factSet = new FactSet(
                "set",
                null,
                null,
                "set.json",
                List.of(),
                List.of(
                        new Fact("Policy", "policy", new Policy(), null, null, "facts[0]"),
                        new Fact("Claim", "claim", claim, null, null, "facts[1]")));
        Finding credit = Finding.of(
                "ALIGN-X",
                Category.ALIGNMENT,
                Severity.INFO,
                1.0,
                "The deal secures supply.",
                List.of("policy", "claim"),
                List.of());
        RuleDescription rule = new RuleDescription(
                "ALIGN-X",
                "align x",
                "pack",
                Category.ALIGNMENT,
                Severity.INFO,
                1.0,
                "a credit",
                "align.drl",
                1,
                Map.of("priority", "supply-security", "effect", "serves"));

        Alignment alignment = AlignmentMethod.assess(factSet, List.of(credit), Map.of("ALIGN-X", rule));

        PriorityVerdict verdict = alignment.verdicts().get(0);
        assertEquals("United States", verdict.issuer());
        assertEquals(hedged, verdict.findings().get(0).contested());
        assertEquals(
                hedged ? List.of("hedged") : List.of(),
                verdict.findings().get(0).contestedBy());
        assertEquals(score, alignment.score(), 1e-9);
    }
}
