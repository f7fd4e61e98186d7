package io.lodestone.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The band of an alignment score: lower bounds inclusive at the top, exclusive below zero. */
class AlignmentBandTest {
    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "100, strongly-aligned", "6, strongly-aligned", "5.99, aligned", "2, aligned", "1.99, mixed",
        "0, mixed", "-1.99, mixed", "-2, misaligned", "-5.99, misaligned", "-6, strongly-misaligned",
        "-100, strongly-misaligned"
    })
    void band(double score, String band) {
        assertEquals(band, AlignmentBand.of(score, true).label());
    }

    @Test
    void aFactSetWithoutAlignmentFindingsIsNotAssessedWhateverItsScore() {
        assertEquals("not-assessed", AlignmentBand.of(0, false).label());
        assertEquals("not-assessed", AlignmentBand.of(7, false).label());
    }
}
