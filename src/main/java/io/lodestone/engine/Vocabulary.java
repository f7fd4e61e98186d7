package io.lodestone.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A controlled vocabulary from {@code vocabulary/NAME.json} in the rules folder: the canonical words
 * rules join on, each with the synonyms analysts write for it. An open vocabulary (the default) makes
 * an unknown word a warning; a closed one makes it an error.
 *
 * @param name     the file name without {@code .json}; fields name it in {@code @vocabulary("name")}
 * @param closed   whether a word outside the list is an error rather than a warning
 * @param words    canonical word to its synonyms, in file order
 * @param file     the file it was read from, for messages
 */
public record Vocabulary(String name, boolean closed, Map<String, List<String>> words, String file) {
    public Vocabulary {
        words = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(words));
    }

    /** How a value stands to the vocabulary. */
    public enum Fit {
        CANONICAL,
        SYNONYM,
        UNKNOWN
    }

    /** The fit of {@code value} and, unless canonical, the canonical word to write instead (or null). */
    public record Match(Fit fit, String suggestion) {}

    /** Matches a value: a canonical word, a synonym of one (any case), or unknown with the closest word. */
    public Match match(String value) {
        if (words.containsKey(value)) {
            return new Match(Fit.CANONICAL, null);
        }
        String lower = value.toLowerCase(Locale.ROOT).trim();
        for (Map.Entry<String, List<String>> w : words.entrySet()) {
            if (w.getKey().equalsIgnoreCase(lower)) {
                return new Match(Fit.SYNONYM, w.getKey());
            }
            for (String s : w.getValue()) {
                if (s.toLowerCase(Locale.ROOT).equals(lower)) {
                    return new Match(Fit.SYNONYM, w.getKey());
                }
            }
        }
        return new Match(Fit.UNKNOWN, Suggest.closest(value, words.keySet()));
    }

    /** Canonical words and synonyms, for a "did you mean" that may land on either (the canonical word is given). */
    public Collection<String> canonical() {
        return new ArrayList<>(words.keySet());
    }
}
