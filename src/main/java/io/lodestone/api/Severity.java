package io.lodestone.api;

import java.util.Locale;

/** How much a finding matters, lowest first; compare with {@link #atLeast(Severity)}. */
public enum Severity {
    INFO, LOW, MEDIUM, HIGH, CRITICAL;

    /** The lower-case word used in rule metadata and in every output format. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean atLeast(Severity other) {
        return compareTo(other) >= 0;
    }

    /** Parses a severity word case-insensitively; {@code null} when the text names none. */
    public static Severity parse(String text) {
        if (text == null) {
            return null;
        }
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
