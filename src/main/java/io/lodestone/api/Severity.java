package io.lodestone.api;

import java.util.List;
import java.util.Locale;

/** How much a finding matters, lowest first; compare with {@link #atLeast(Severity)}. */
public enum Severity {
    /** The lowest: informational. */
    INFO,
    /** Above info. */
    LOW,
    /** Above low. */
    MEDIUM,
    /** Above medium. */
    HIGH,
    /** The highest. */
    CRITICAL;

    /**
     * The word used in rule metadata and in every output format.
     *
     * @return the lower-case name, e.g. {@code medium}
     */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Compares severities.
     *
     * @param other the severity to compare with
     * @return true when this is as severe as {@code other} or more
     */
    public boolean atLeast(Severity other) {
        return compareTo(other) >= 0;
    }

    /**
     * The order every output lists severities in.
     *
     * @return every severity, the most severe first
     */
    public static List<Severity> mostSevereFirst() {
        return MOST_SEVERE_FIRST;
    }

    private static final List<Severity> MOST_SEVERE_FIRST = List.of(CRITICAL, HIGH, MEDIUM, LOW, INFO);

    /**
     * Parses a severity word case-insensitively.
     *
     * @param text a severity word, or null
     * @return the severity, or {@code null} when the text names none
     */
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
