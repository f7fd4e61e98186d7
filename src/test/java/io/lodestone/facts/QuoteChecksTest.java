package io.lodestone.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lodestone.engine.Suggest;
import org.junit.jupiter.api.Test;

class QuoteChecksTest {
    private static final String SOURCE =
            QuoteChecks.normalise("“They’re very close to a final deal,”\n  Trump added — titanium\u00a0and lithium…");

    @Test
    void typographicQuotesDashesAndSpacesDoNotMatter() {
        assertTrue(QuoteChecks.occurs(
                SOURCE, "\"They're very close to a final deal,\" Trump added - titanium and lithium..."));
        assertTrue(QuoteChecks.occurs(SOURCE, "Trump   added – titanium"));
    }

    @Test
    void aChangedWordDoesAndTheClosestPassageIsTheHint() {
        assertFalse(QuoteChecks.occurs(SOURCE, "very close to a finale deal"));
        assertEquals(
                "very close to a final deal,\"", QuoteChecks.closestPassage(SOURCE, "very close to a finale deal"));
    }

    @Test
    void suggestionsGoByCaseThenEditDistance() {
        assertEquals("prediction", Suggest.closest("Prediction", java.util.List.of("fact", "prediction")));
        assertEquals("signed", Suggest.closest("sigend", java.util.List.of("agreed", "signed", "rejected")));
        assertEquals(null, Suggest.closest("xyzzy", java.util.List.of("agreed", "signed")));
    }
}
