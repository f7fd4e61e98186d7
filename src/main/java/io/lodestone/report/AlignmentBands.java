package io.lodestone.report;

/**
 * The band word for an alignment score. Thresholds (inclusive lower bounds) are documented in
 * {@code docs/report.md}; a fact set with no ALIGNMENT finding is {@code not-assessed}, because
 * silence (no Policy fact) is not the same as a neutral score.
 */
public final class AlignmentBands {
    public static final double STRONGLY_ALIGNED = 6;
    public static final double ALIGNED = 2;
    public static final double MIXED = -2;
    public static final double MISALIGNED = -6;

    private AlignmentBands() {
    }

    public static String band(double score, boolean assessed) {
        if (!assessed) {
            return "not-assessed";
        }
        if (score >= STRONGLY_ALIGNED) {
            return "strongly-aligned";
        }
        if (score >= ALIGNED) {
            return "aligned";
        }
        if (score > MIXED) {
            return "mixed";
        }
        if (score > MISALIGNED) {
            return "misaligned";
        }
        return "strongly-misaligned";
    }
}
