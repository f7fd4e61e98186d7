package io.lodestone.api;

import java.util.Locale;

/** The three kinds of finding a rule can emit, in report order. */
public enum Category {
    ALIGNMENT, RISK, INCONSISTENCY;

    /** Parses a category name case-insensitively; {@code null} when the text names none. */
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
