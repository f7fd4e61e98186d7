package io.lodestone.facts;

/**
 * Quotes checked against the text file of the source they cite: a quote must occur in the text after
 * both are normalised (whitespace runs to one space, typographic quotes to straight ones, dashes to
 * hyphens, the ellipsis character to three dots). When it does not, the closest passage is the hint.
 */
final class QuoteChecks {
    private static final int MAX_HINT = 240;

    private QuoteChecks() {}

    /** The text as compared: typographic quotes and dashes made plain, whitespace runs made one space. */
    static String normalise(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = sb.length() > 0;
                continue;
            }
            if (space) {
                sb.append(' ');
                space = false;
            }
            switch (c) {
                case '\u2018', '\u2019', '\u201A', '\u201B', '\u2032', '\u00B4', '`' -> sb.append('\'');
                case '\u201C', '\u201D', '\u201E', '\u201F', '\u2033', '\u00AB', '\u00BB' -> sb.append('"');
                case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212' -> sb.append('-');
                case '\u2026' -> sb.append("...");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Whether the quote occurs in the (already normalised) source text. */
    static boolean occurs(String normalisedSource, String quote) {
        return normalisedSource.contains(normalise(quote));
    }

    /**
     * The passage of the normalised source closest to the quote (fewest edits, the quote may start and
     * end anywhere), widened to whole words and cut to a readable length.
     */
    static String closestPassage(String source, String quote) {
        String q = normalise(quote);
        if (q.isEmpty() || source.isEmpty()) {
            return null;
        }
        int n = source.length();
        int m = q.length();
        // approximate substring matching (Sellers): row 0 is free, so the match may start anywhere
        int[] prev = new int[n + 1];
        int[] cur = new int[n + 1];
        int[] prevStart = new int[n + 1];
        int[] curStart = new int[n + 1];
        for (int j = 0; j <= n; j++) {
            prevStart[j] = j;
        }
        for (int i = 1; i <= m; i++) {
            cur[0] = i;
            curStart[0] = 0;
            char qc = Character.toLowerCase(q.charAt(i - 1));
            for (int j = 1; j <= n; j++) {
                int sub = prev[j - 1] + (qc == Character.toLowerCase(source.charAt(j - 1)) ? 0 : 1);
                int del = prev[j] + 1;
                int ins = cur[j - 1] + 1;
                if (sub <= del && sub <= ins) {
                    cur[j] = sub;
                    curStart[j] = prevStart[j - 1];
                } else if (del <= ins) {
                    cur[j] = del;
                    curStart[j] = prevStart[j];
                } else {
                    cur[j] = ins;
                    curStart[j] = curStart[j - 1];
                }
            }
            int[] t = prev;
            prev = cur;
            cur = t;
            t = prevStart;
            prevStart = curStart;
            curStart = t;
        }
        int end = 1;
        for (int j = 1; j <= n; j++) {
            if (prev[j] < prev[end]) {
                end = j;
            }
        }
        int start = prevStart[end];
        while (start > 0 && source.charAt(start - 1) != ' ') {
            start--;
        }
        while (end < n && source.charAt(end) != ' ') {
            end++;
        }
        String passage = source.substring(start, end).trim();
        return passage.length() > MAX_HINT ? passage.substring(0, MAX_HINT) + "…" : passage;
    }
}
