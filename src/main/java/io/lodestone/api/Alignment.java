package io.lodestone.api;

import java.util.List;

/**
 * The alignment roll-up of one fact set: the sum of the weights of its ALIGNMENT findings, the band
 * that sum falls in (see {@code docs/report.md}), and the findings that contributed.
 */
public record Alignment(double score, String band, List<Finding> contributions) {
    public Alignment {
        contributions = List.copyOf(contributions);
    }
}
