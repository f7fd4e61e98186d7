package io.lodestone.api;

import java.util.Objects;

/**
 * One problem with an input: a rule file that does not compile, a fact set that cannot be read, or
 * a rule that failed while evaluating a fact set. Line and column are 1-based and {@code null} when
 * unknown; {@code path} is a JSON path such as {@code facts[12].amountUsd} for fact-set problems.
 *
 * @param kind    a stable category for tools and tests (see {@link Kind})
 * @param file    the file the problem is in, as given on the command line or relative to the rules folder
 * @param line    1-based line, or null
 * @param column  1-based column, or null
 * @param path    JSON path inside a fact set, or null
 * @param rule    rule id (or rule name) the problem belongs to, or null
 * @param message what is wrong and, where known, what was expected
 */
public record LoadError(String kind, String file, Integer line, Integer column, String path, String rule,
                        String message) {

    /**
     * Checks that kind and message are present.
     *
     * @param kind    a stable category for tools and tests (see {@link Kind})
     * @param file    the file the problem is in, or null
     * @param line    1-based line, or null
     * @param column  1-based column, or null
     * @param path    JSON path inside a fact set, or null
     * @param rule    rule id (or rule name) the problem belongs to, or null
     * @param message what is wrong and, where known, what was expected
     */
    public LoadError {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }

    /** Error categories; the strings are part of the JSON output contract. */
    public static final class Kind {
        /** A rule file does not parse. */
        public static final String RULE_SYNTAX = "rule-syntax";
        /** A rule does not compile. */
        public static final String RULE_COMPILE = "rule-compile";
        /** A rule breaks the metadata contract ({@code @id}, {@code @category}, {@code @severity}, {@code @weight}). */
        public static final String RULE_METADATA = "rule-metadata";
        /** A rule parameter (DRL global) is missing, unknown or of the wrong type, or params.json is malformed. */
        public static final String RULE_PARAMS = "rule-params";
        /** A rule threw while evaluating a fact set. */
        public static final String RULE_RUNTIME = "rule-runtime";
        /** Evaluating a fact set hit the firing or time limit. */
        public static final String RULE_LIMIT = "rule-limit";
        /** A file could not be read, or a path matched nothing. */
        public static final String IO = "io";
        /** A fact set is not well-formed JSON (or is empty). */
        public static final String JSON_SYNTAX = "json-syntax";
        /** A fact set does not have the format's shape: a missing, unknown or duplicate field or id. */
        public static final String FACT_SHAPE = "fact-shape";
        /** A fact's type is missing or not declared by the rules. */
        public static final String FACT_TYPE = "fact-type";
        /** A value does not fit its declared field type. */
        public static final String FACT_VALUE = "fact-value";
        /** A fact refers to a source the fact set does not list. */
        public static final String FACT_REFERENCE = "fact-reference";
        /** A word outside a controlled vocabulary of the rules folder (a warning when the vocabulary is open). */
        public static final String FACT_VOCABULARY = "fact-vocabulary";
        /** A quote that does not occur in the text file of the source it cites, or a source file that cannot be read. */
        public static final String FACT_QUOTE = "fact-quote";
        /** An input is over a size or nesting-depth limit. */
        public static final String LIMIT = "limit";

        private Kind() {
        }
    }

    /**
     * The error in the shape compilers use; unknown parts are left out. Control characters (from
     * fact-set values quoted in messages) are shown as escapes, so the line is safe on any terminal or log.
     *
     * @return {@code file:line:col: error: path: message (rule rule-id)}
     */
    public String toCompilerString() {
        return toCompilerString("error");
    }

    /**
     * The same, with another level than {@code error}.
     *
     * @param level the word after the location, e.g. {@code warning}
     * @return {@code file:line:col: level: path: message (rule rule-id)}
     */
    public String toCompilerString(String level) {
        StringBuilder sb = new StringBuilder();
        sb.append(file == null ? "<input>" : file);
        if (line != null) {
            sb.append(':').append(line);
            if (column != null) {
                sb.append(':').append(column);
            }
        }
        sb.append(": ").append(level).append(": ");
        if (path != null) {
            sb.append(path).append(": ");
        }
        sb.append(message);
        if (rule != null) {
            sb.append(" (rule ").append(rule).append(')');
        }
        return escapeControls(sb.toString());
    }

    private static String escapeControls(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                sb.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
