package io.lodestone.output;

import java.util.Locale;

/** How scores and weights are written in every human-readable format. */
final class Numbers {
    private Numbers() {}

    /** A score or weight with its sign: {@code +2.0}, {@code -0.75}, {@code 0.0}. */
    static String signed(double v) {
        String n = String.format(Locale.ROOT, v == Math.rint(v) ? "%.1f" : "%.2f", v);
        return v > 0 ? "+" + n : n;
    }
}
