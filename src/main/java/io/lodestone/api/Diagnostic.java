package io.lodestone.api;

import java.util.Locale;
import java.util.Objects;

/**
 * One problem with an input, or a warning about one: a rule file that does not compile, a fact set
 * that cannot be read, a rule that failed or hit a limit while evaluating, a refused HTTP request.
 * Build one with a named constructor ({@link #fact}, {@link #rule}, {@link #io}, {@link #limit},
 * {@link #runtime}, {@link #request}); errors and warnings share this type.
 *
 * @param kind     a stable category for tools and tests; its {@link Kind#label() label} is the JSON {@code kind}
 * @param location where the problem is; {@link Location#NONE} when nowhere in particular
 * @param message    what is wrong and, where known, what was expected
 * @param suggestion the value to write instead ("did you mean"), or null when none is close
 */
public record Diagnostic(Kind kind, Location location, String message, String suggestion) {

    /**
     * Checks that kind, location and message are present.
     *
     * @param kind       a stable category for tools and tests
     * @param location   where the problem is; {@link Location#NONE} when nowhere in particular
     * @param message    what is wrong and, where known, what was expected
     * @param suggestion the value to write instead, or null
     */
    public Diagnostic {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(message, "message");
    }

    /**
     * A diagnostic without a suggestion.
     *
     * @param kind     a stable category for tools and tests
     * @param location where the problem is; {@link Location#NONE} when nowhere in particular
     * @param message  what is wrong and, where known, what was expected
     */
    public Diagnostic(Kind kind, Location location, String message) {
        this(kind, location, message, null);
    }

    /**
     * The same problem with a value to write instead, e.g. {@code signed} for {@code "sigend"}.
     *
     * @param value the suggested value, or null
     * @return a copy with the suggestion
     */
    public Diagnostic withSuggestion(String value) {
        return new Diagnostic(kind, location, message, value);
    }

    /**
     * A problem in a fact set (its JSON, shape, types, values or references).
     *
     * @param kind    the category, e.g. {@link Kind#FACT_VALUE}
     * @param where   file, line, column and JSON path
     * @param message what is wrong
     * @return the diagnostic
     */
    public static Diagnostic fact(Kind kind, Location where, String message) {
        return new Diagnostic(kind, where, message);
    }

    /**
     * A problem in a rule file or rule parameter (syntax, compile, metadata, params).
     *
     * @param kind    the category, e.g. {@link Kind#RULE_COMPILE}
     * @param where   file, line, column and the rule
     * @param message what is wrong
     * @return the diagnostic
     */
    public static Diagnostic rule(Kind kind, Location where, String message) {
        return new Diagnostic(kind, where, message);
    }

    /**
     * A file that could not be read, or a path that matched nothing.
     *
     * @param file    the file or path as given
     * @param message what went wrong
     * @return an {@link Kind#IO} diagnostic
     */
    public static Diagnostic io(String file, String message) {
        return new Diagnostic(Kind.IO, Location.file(file), message);
    }

    /**
     * An input over a size or nesting-depth limit.
     *
     * @param where   where the limit was reached
     * @param message which limit, and how to raise it
     * @return a {@link Kind#LIMIT} diagnostic
     */
    public static Diagnostic limit(Location where, String message) {
        return new Diagnostic(Kind.LIMIT, where, message);
    }

    /**
     * A rule that threw while evaluating a fact set.
     *
     * @param file    the fact set's file
     * @param rule    the rule id, or null when unknown
     * @param message what the rule threw
     * @return a {@link Kind#RULE_RUNTIME} diagnostic
     */
    public static Diagnostic runtime(String file, String rule, String message) {
        return new Diagnostic(Kind.RULE_RUNTIME, Location.file(file).withRule(rule), message);
    }

    /**
     * Evaluating a fact set hit the firing or time limit.
     *
     * @param file    the fact set's file
     * @param message which limit
     * @return a {@link Kind#RULE_LIMIT} diagnostic
     */
    public static Diagnostic ruleLimit(String file, String message) {
        return new Diagnostic(Kind.RULE_LIMIT, Location.file(file), message);
    }

    /**
     * A request refused before it is read as a fact set (HTTP).
     *
     * @param kind    {@link Kind#REQUEST}, {@link Kind#LIMIT}, {@link Kind#UNAVAILABLE} or {@link Kind#INTERNAL}
     * @param message why
     * @return the diagnostic, with no location
     */
    public static Diagnostic request(Kind kind, String message) {
        return new Diagnostic(kind, Location.NONE, message);
    }

    /**
     * The same problem at another place.
     *
     * @param where the new location
     * @return a copy with {@code where} as its location
     */
    public Diagnostic at(Location where) {
        return new Diagnostic(kind, where, message, suggestion);
    }

    /**
     * The file the problem is in, as given on the command line or relative to the rules folder.
     *
     * @return the file, or null
     */
    public String file() {
        return location.file();
    }

    /**
     * The 1-based line.
     *
     * @return the line, or null when unknown
     */
    public Integer line() {
        return location.line();
    }

    /**
     * The 1-based column.
     *
     * @return the column, or null when unknown
     */
    public Integer column() {
        return location.column();
    }

    /**
     * The JSON path inside a fact set, such as {@code facts[12].amountUsd}.
     *
     * @return the path, or null
     */
    public String path() {
        return location.path();
    }

    /**
     * The rule id (or rule name) the problem belongs to.
     *
     * @return the rule, or null
     */
    public String rule() {
        return location.rule();
    }

    /**
     * The problem in the shape compilers use; unknown parts are left out. Control characters (from
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
        sb.append(file() == null ? "<input>" : file());
        if (line() != null) {
            sb.append(':').append(line());
            if (column() != null) {
                sb.append(':').append(column());
            }
        }
        sb.append(": ").append(level).append(": ");
        if (path() != null) {
            sb.append(path()).append(": ");
        }
        sb.append(message);
        if (rule() != null) {
            sb.append(" (rule ").append(rule()).append(')');
        }
        return escapeControls(sb.toString());
    }

    /**
     * Text with control characters (and the Unicode line and paragraph separators) as {@code \}{@code uXXXX}
     * escapes, so it is safe on one line of a terminal or log.
     *
     * @param text any text
     * @return the text, escaped
     */
    public static String escapeControls(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * Where a problem is. Line and column are 1-based; every part is null when unknown.
     *
     * @param file   the file, as given on the command line or relative to the rules folder
     * @param line   1-based line, or null
     * @param column 1-based column, or null
     * @param path   JSON path inside a fact set, or null
     * @param rule   rule id (or rule name) the problem belongs to, or null
     */
    public record Location(String file, Integer line, Integer column, String path, String rule) {
        /** Nowhere in particular. */
        public static final Location NONE = new Location(null, null, null, null, null);

        /**
         * A whole file.
         *
         * @param file the file, or null
         * @return the location
         */
        public static Location file(String file) {
            return new Location(file, null, null, null, null);
        }

        /**
         * A place in a file.
         *
         * @param file   the file, or null
         * @param line   1-based line, or null
         * @param column 1-based column, or null
         * @return the location
         */
        public static Location at(String file, Integer line, Integer column) {
            return new Location(file, line, column, null, null);
        }

        /**
         * The same place, with a JSON path.
         *
         * @param jsonPath the path, or null
         * @return the location
         */
        public Location withPath(String jsonPath) {
            return new Location(file, line, column, jsonPath, rule);
        }

        /**
         * The same place, naming a rule.
         *
         * @param ruleId the rule id or name, or null
         * @return the location
         */
        public Location withRule(String ruleId) {
            return new Location(file, line, column, path, ruleId);
        }

        /**
         * The same file and path, at another line and column.
         *
         * @param newLine   1-based line, or null
         * @param newColumn 1-based column, or null
         * @return the location
         */
        public Location withPosition(Integer newLine, Integer newColumn) {
            return new Location(file, newLine, newColumn, path, rule);
        }
    }

    /** Categories of problem; each {@link #label()} is part of the JSON output contract and never changes. */
    public enum Kind {
        /** A rule file does not parse. */
        RULE_SYNTAX("rule-syntax"),
        /** A rule does not compile. */
        RULE_COMPILE("rule-compile"),
        /** A rule breaks the metadata contract ({@code @id}, {@code @category}, {@code @severity}, {@code @weight}). */
        RULE_METADATA("rule-metadata"),
        /** A rule parameter (DRL global) is missing, unknown or of the wrong type, or params.json is malformed. */
        RULE_PARAMS("rule-params"),
        /** A rule threw while evaluating a fact set. */
        RULE_RUNTIME("rule-runtime"),
        /** Evaluating a fact set hit the firing or time limit. */
        RULE_LIMIT("rule-limit"),
        /** A file could not be read, or a path matched nothing. */
        IO("io"),
        /** A fact set is not well-formed JSON (or is empty). */
        JSON_SYNTAX("json-syntax"),
        /** A YAML fact set is not well-formed YAML (or is empty). */
        YAML_SYNTAX("yaml-syntax"),
        /** A fact set does not have the format's shape: a missing, unknown or duplicate field or id. */
        FACT_SHAPE("fact-shape"),
        /** A fact's type is missing or not declared by the rules. */
        FACT_TYPE("fact-type"),
        /** A value does not fit its declared field type. */
        FACT_VALUE("fact-value"),
        /** A fact refers to a source the fact set does not list. */
        FACT_REFERENCE("fact-reference"),
        /** A word outside a controlled vocabulary of the rules folder (a warning when the vocabulary is open). */
        FACT_VOCABULARY("fact-vocabulary"),
        /** A quote that does not occur in the text file of the source it cites, or a source file that cannot be read. */
        FACT_QUOTE("fact-quote"),
        /** An input is over a size or nesting-depth limit. */
        LIMIT("limit"),
        /** An HTTP request the server refuses before reading it as a fact set. */
        REQUEST("request"),
        /** No rule set is loaded and the last load gave no located errors (HTTP). */
        UNAVAILABLE("unavailable"),
        /** A bug in Lodestone while answering an HTTP request. */
        INTERNAL("internal");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /**
         * The stable JSON label, e.g. {@code fact-value}.
         *
         * @return the label
         */
        public String label() {
            return label;
        }

        /**
         * The label, so a kind reads the same in messages and tests as in JSON.
         *
         * @return {@link #label()}
         */
        @Override
        public String toString() {
            return label;
        }
    }
}
