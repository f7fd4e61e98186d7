package io.lodestone.api;

import java.util.List;

/**
 * What {@code lodestone check} found: the rules it compiled (hash and count, null and 0 when they did
 * not compile), the fact-set files it read, every error and every warning. Nothing was evaluated.
 *
 * @param rulesHash the rules' content hash, or null when they did not compile
 * @param ruleCount how many rules were compiled
 * @param files     the fact-set files read, in input order
 * @param errors    every problem found, rules and fact sets alike
 * @param warnings  problems tolerated (unknown fields under {@code --lenient}, words outside open vocabularies)
 * @param factSetId the fact set's id when exactly one fact set was checked and it loaded, else null
 * @param factCount how many facts the fact sets that loaded hold, together
 * @param quotes    how many sources of the loaded fact sets name a text file (the CLI checks their quotes)
 *                  and how many do not (their quotes are unchecked)
 */
public record CheckResult(
        String rulesHash,
        int ruleCount,
        List<String> files,
        List<Diagnostic> errors,
        List<Diagnostic> warnings,
        String factSetId,
        int factCount,
        QuoteCount quotes) {
    /**
     * Sources with and without a text file to check quotes against.
     *
     * @param sourcesWithText    sources naming a text file: quotes citing them are checked (when read from a file)
     * @param sourcesWithoutText sources without a text file: quotes citing them are not checked
     */
    public record QuoteCount(int sourcesWithText, int sourcesWithoutText) {
        /** Nothing counted. */
        public static final QuoteCount NONE = new QuoteCount(0, 0);

        /**
         * Both counts added up.
         *
         * @param other another count
         * @return the sum
         */
        public QuoteCount plus(QuoteCount other) {
            return new QuoteCount(
                    sourcesWithText + other.sourcesWithText, sourcesWithoutText + other.sourcesWithoutText);
        }
    }

    /**
     * Copies the lists.
     *
     * @param rulesHash the rules' content hash, or null when they did not compile
     * @param ruleCount how many rules were compiled
     * @param files     the fact-set files read, in input order
     * @param errors    every problem found, rules and fact sets alike
     * @param warnings  problems tolerated (unknown fields under {@code --lenient})
     * @param factSetId the fact set's id when exactly one fact set was checked and it loaded, else null
     * @param factCount how many facts the fact sets that loaded hold, together
     * @param quotes    sources with and without a text file
     */
    public CheckResult {
        files = List.copyOf(files);
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
        quotes = quotes == null ? QuoteCount.NONE : quotes;
    }

    /**
     * A result without quote counts.
     *
     * @param rulesHash the rules' content hash, or null when they did not compile
     * @param ruleCount how many rules were compiled
     * @param files     the fact-set files read, in input order
     * @param errors    every problem found, rules and fact sets alike
     * @param warnings  problems tolerated
     * @param factSetId the fact set's id when exactly one fact set was checked and it loaded, else null
     * @param factCount how many facts the fact sets that loaded hold, together
     */
    public CheckResult(
            String rulesHash,
            int ruleCount,
            List<String> files,
            List<Diagnostic> errors,
            List<Diagnostic> warnings,
            String factSetId,
            int factCount) {
        this(rulesHash, ruleCount, files, errors, warnings, factSetId, factCount, QuoteCount.NONE);
    }

    /**
     * A result that names no fact set and counts no facts.
     *
     * @param rulesHash the rules' content hash, or null when they did not compile
     * @param ruleCount how many rules were compiled
     * @param files     the fact-set files read, in input order
     * @param errors    every problem found, rules and fact sets alike
     * @param warnings  problems tolerated (unknown fields under {@code --lenient})
     */
    public CheckResult(
            String rulesHash, int ruleCount, List<String> files, List<Diagnostic> errors, List<Diagnostic> warnings) {
        this(rulesHash, ruleCount, files, errors, warnings, null, 0);
    }

    /**
     * The rules did not compile, so no fact set could be checked against their types.
     *
     * @param errors the rule errors
     * @return a result with no rules hash and no files
     */
    public static CheckResult rulesFailed(List<Diagnostic> errors) {
        return new CheckResult(null, 0, List.of(), errors, List.of());
    }

    /**
     * Whether everything checked is free of errors.
     *
     * @return true when there is no error (warnings allowed)
     */
    public boolean clean() {
        return errors.isEmpty();
    }
}
