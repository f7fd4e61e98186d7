package io.lodestone.engine;

import java.util.Collection;
import java.util.Locale;

/** "Did you mean": the declared value closest to a mistaken one, by case first and then by edit distance. */
public final class Suggest {
    private Suggest() {}

    /**
     * The candidate that equals {@code value} ignoring case, else the one at the smallest edit distance
     * (a swap of two neighbouring letters counts as one edit) when that distance is small for the
     * word's length; null when nothing is close. Ties go to the earlier candidate.
     */
    public static String closest(String value, Collection<String> candidates) {
        if (value == null) {
            return null;
        }
        for (String c : candidates) {
            if (c.equalsIgnoreCase(value)) {
                return c;
            }
        }
        String v = value.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = distance(v, c.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        return best != null && bestDistance <= allowed(Math.max(value.length(), best.length())) ? best : null;
    }

    /** A third of the word, at least one and at most four edits. */
    private static int allowed(int length) {
        return Math.max(1, Math.min(4, length / 3));
    }

    /** Optimal-string-alignment distance: insertions, deletions, substitutions and adjacent swaps. */
    public static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
