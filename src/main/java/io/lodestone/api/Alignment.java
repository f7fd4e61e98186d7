package io.lodestone.api;

import java.util.List;

/**
 * The alignment roll-up of one fact set: the sum of the weights of its ALIGNMENT findings, the band
 * that sum falls in (see {@code docs/output-json.md}), and the findings that contributed.
 *
 * @param score         the sum of the ALIGNMENT findings' weights
 * @param band          {@code not-assessed}, {@code strongly-aligned}, {@code aligned}, {@code mixed},
 *                      {@code misaligned} or {@code strongly-misaligned}
 * @param contributions the ALIGNMENT findings, in report order
 */
public record Alignment(double score, String band, List<Finding> contributions) {
    /**
     * Copies the contributions.
     *
     * @param score         the sum of the ALIGNMENT findings' weights
     * @param band          {@code not-assessed}, {@code strongly-aligned}, {@code aligned}, {@code mixed},
     *                      {@code misaligned} or {@code strongly-misaligned}
     * @param contributions the ALIGNMENT findings, in report order
     */
    public Alignment {
        contributions = List.copyOf(contributions);
    }
}
