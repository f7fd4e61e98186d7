package io.lodestone.api;

import java.util.Locale;

/** The three kinds of finding a rule can emit, in report order. */
public enum Category {
    /** How far a deal serves the stated policy priorities; carries a weight. */
    ALIGNMENT,
    /** A strategic risk. */
    RISK,
    /** Claims that contradict each other or a reference. */
    INCONSISTENCY;

    /**
     * Parses a category name case-insensitively.
     *
     * @param text a category name, or null
     * @return the category, or {@code null} when the text names none
     */
    public static Category parse(String text) {
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
