package io.lodestone.api;

/**
 * The band word for an alignment score, lowest first. The thresholds live here and nowhere else: the
 * report, the HTML score bar and docs/output-json.md ("Fields", alignment.band) all read them. A fact
 * set with no ALIGNMENT finding is {@link #NOT_ASSESSED}, because silence (no Policy fact) is not the
 * same as a neutral score.
 */
public enum AlignmentBand {
    /** Score of -6 or less. */
    STRONGLY_MISALIGNED("strongly-misaligned"),
    /** Score above -6 and up to -2. */
    MISALIGNED("misaligned"),
    /** Score above -2 and below 2. */
    MIXED("mixed"),
    /** Score of 2 or more, below 6. */
    ALIGNED("aligned"),
    /** Score of 6 or more. */
    STRONGLY_ALIGNED("strongly-aligned"),
    /** No ALIGNMENT finding: the fact set says nothing the rules can score. */
    NOT_ASSESSED("not-assessed");

    /** Band edges, ascending: the boundaries between the five scored bands. */
    private static final double[] EDGES = {-6, -2, 2, 6};

    private final String label;

    AlignmentBand(String label) {
        this.label = label;
    }

    /**
     * The stable JSON word, e.g. {@code strongly-aligned}.
     *
     * @return the label
     */
    public String label() {
        return label;
    }

    /**
     * The band of a score. Bands above zero include their lower edge, bands below zero their upper edge.
     *
     * @param score    the alignment score
     * @param assessed false when no ALIGNMENT finding contributed
     * @return the band
     */
    public static AlignmentBand of(double score, boolean assessed) {
        if (!assessed) {
            return NOT_ASSESSED;
        }
        if (score >= EDGES[3]) {
            return STRONGLY_ALIGNED;
        }
        if (score >= EDGES[2]) {
            return ALIGNED;
        }
        if (score > EDGES[1]) {
            return MIXED;
        }
        if (score > EDGES[0]) {
            return MISALIGNED;
        }
        return STRONGLY_MISALIGNED;
    }

    /**
     * The edges between the five scored bands, ascending (for charts and tick marks).
     *
     * @return a fresh copy of the edges
     */
    public static double[] edges() {
        return EDGES.clone();
    }
}
