package io.lodestone.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The median row of a multi-fork suite run: its figure, and a verdict that agrees with the forks'. */
class ForkMediansTest {
    private static String speedUp(String figure, String verdict) {
        return "speed-up " + figure + " (target >= 1.7x) " + verdict;
    }

    @Test
    void aMedianForkRoundedUpToTheTargetKeepsItsOwnVerdict() {
        // 1.695x prints as "1.70x" and is below 1.7: the median of the three is that fork, not met
        String median = ForkMedians.median(
                List.of(speedUp("1.81x", "MET"), speedUp("1.70x", "NOT MET"), speedUp("1.51x", "NOT MET")));
        assertEquals("speed-up 1.70x (target >= 1.7x) NOT MET (forks: 1.81x, 1.7x, 1.51x)", median);
    }

    @Test
    void aMedianForkThatMetTheTargetIsMet() {
        String median = ForkMedians.median(
                List.of(speedUp("1.83x", "MET"), speedUp("1.64x", "NOT MET"), speedUp("1.88x", "MET")));
        assertEquals("speed-up 1.83x (target >= 1.7x) MET (forks: 1.83x, 1.64x, 1.88x)", median);
    }

    @Test
    void tiedFiguresTakeTheVerdictOfTheMiddleOneByTheUnroundedOrder() {
        // two forks print 1.70x: one was 1.695 (not met), one 1.704 (met); the middle of three is the lower
        String median = ForkMedians.median(
                List.of(speedUp("1.70x", "MET"), speedUp("1.70x", "NOT MET"), speedUp("1.60x", "NOT MET")));
        assertEquals("speed-up 1.70x (target >= 1.7x) NOT MET (forks: 1.7x, 1.7x, 1.6x)", median);
        String upper = ForkMedians.median(
                List.of(speedUp("1.70x", "MET"), speedUp("1.70x", "NOT MET"), speedUp("1.90x", "MET")));
        assertEquals("speed-up 1.70x (target >= 1.7x) MET (forks: 1.7x, 1.7x, 1.9x)", upper);
    }

    @Test
    void aCeilingTargetInMebibytes() {
        String median = ForkMedians.median(List.of(
                "peak 1020 MiB (target <= 1024 MiB) MET",
                "peak 2885 MiB (target <= 1024 MiB) NOT MET",
                "peak 1000 MiB (target <= 1024 MiB) MET"));
        assertEquals("peak 1020 MiB (target <= 1024 MiB) MET (forks: 1020 MiB, 2885 MiB, 1000 MiB)", median);
    }

    @Test
    void anEvenCountJudgesTheMeanOfTheMiddleTwo() {
        String median = ForkMedians.median(List.of(speedUp("1.60x", "NOT MET"), speedUp("1.90x", "MET")));
        assertEquals("speed-up 1.75x (target >= 1.7x) MET (forks: 1.6x, 1.9x)", median);
    }

    @Test
    void notesWithDifferentTargetsHaveNoMedian() {
        assertNull(ForkMedians.median(
                List.of(speedUp("1.80x", "MET"), "speed-up 1.80x (target >= 2x) NOT MET", speedUp("1.80x", "MET"))));
    }
}
