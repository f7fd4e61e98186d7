package io.lodestone.api;

/**
 * One fact a finding cites, with where it came from. Facts that carry the finding come first; a
 * context fact frames many findings of the report (see {@code docs/output-json.md}), so its quote is
 * given once, in {@link Report#context()}, and the finding only points to it.
 *
 * @param fact     the cited fact's id
 * @param type     its declared type, or null when the rule cited something that is not a fact
 * @param name     its name, or null when it has none
 * @param sourceId the id of its source in the fact set, or null when it cites none
 * @param quote    the quoted span of that source, or null
 * @param context  true when the fact is context in this report rather than carrying the finding
 * @param source   the source's number in {@link Report#sources()} (1-based), or 0 when it has none
 */
public record Citation(
        String fact, String type, String name, String sourceId, String quote, boolean context, int source) {
    /**
     * The name when the fact has one, else its id.
     *
     * @return text naming the fact
     */
    public String label() {
        return name != null ? name : fact;
    }

    /**
     * The same citation placed in a report.
     *
     * @param isContext    whether it is a context fact of the report
     * @param sourceNumber its source's number in the report's Sources list, or 0
     * @return a copy
     */
    public Citation placed(boolean isContext, int sourceNumber) {
        return new Citation(fact, type, name, sourceId, quote, isContext, sourceNumber);
    }
}
