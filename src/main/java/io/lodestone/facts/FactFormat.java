package io.lodestone.facts;

import java.util.Locale;

/**
 * The syntax a fact set is written in: JSON, or YAML with the same v1 structure. Files say it by their
 * extension; a stream without one (standard input) by its first character.
 */
public enum FactFormat {
    /** {@code .json}, and any stream whose first non-blank character is '{' or '['. */
    JSON,
    /** {@code .yaml} and {@code .yml}, and any other stream. */
    YAML;

    /**
     * The format of a fact set called {@code name} with this content.
     *
     * @param name    the file name, or a stand-in such as {@code <stdin>}
     * @param content the document
     * @return YAML for .yaml/.yml, JSON for .json, else by the content's first non-blank character
     */
    public static FactFormat of(String name, byte[] content) {
        String lower = name == null ? "" : name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
            return YAML;
        }
        if (lower.endsWith(".json")) {
            return JSON;
        }
        for (byte b : content) {
            if (b != ' '
                    && b != '\t'
                    && b != '\r'
                    && b != '\n'
                    && b != (byte) 0xEF
                    && b != (byte) 0xBB
                    && b != (byte) 0xBF) { // whitespace and a UTF-8 byte-order mark
                return b == '{' || b == '[' ? JSON : YAML;
            }
        }
        return JSON;
    }

    /**
     * The format a file's name says, or null when only its content can tell.
     *
     * @param name the file name
     * @return YAML for .yaml/.yml, JSON for .json, else null
     */
    public static FactFormat byName(String name) {
        String lower = name == null ? "" : name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
            return YAML;
        }
        return lower.endsWith(".json") ? JSON : null;
    }

    /**
     * Whether a folder walk takes a file for a fact set: .json, .yaml or .yml, but not a rule test's
     * expectations ({@code *.expect.json}).
     *
     * @param fileName the file's name
     * @return true for a fact-set file name
     */
    public static boolean isFactSetName(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        return (lower.endsWith(".json") || lower.endsWith(".yaml") || lower.endsWith(".yml"))
                && !lower.matches(".*\\.expect\\.(json|ya?ml)$");
    }
}
