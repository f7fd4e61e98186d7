package io.lodestone.api;

import java.util.List;

/**
 * A loaded fact set (format v1, see {@code docs/fact-format.md}), ready to evaluate.
 *
 * @param id       the fact set's id
 * @param title    its title, or null
 * @param asOf     the date it describes (ISO-8601), or null
 * @param file     the file (or stream name) it was read from
 * @param sources  the documents it was drawn from
 * @param facts    its facts, in file order
 * @param warnings problems the loader tolerated (unknown fields under {@code --lenient})
 */
public record FactSet(
        String id,
        String title,
        String asOf,
        String file,
        List<Source> sources,
        List<Fact> facts,
        List<Diagnostic> warnings) {
    /**
     * Copies the lists.
     *
     * @param id       the fact set's id
     * @param title    its title, or null
     * @param asOf     the date it describes (ISO-8601), or null
     * @param file     the file (or stream name) it was read from
     * @param sources  the documents it was drawn from
     * @param facts    its facts, in file order
     * @param warnings problems the loader tolerated (unknown fields under {@code --lenient})
     */
    public FactSet {
        sources = List.copyOf(sources);
        facts = List.copyOf(facts);
        warnings = List.copyOf(warnings);
    }

    /**
     * A fact set without warnings.
     *
     * @param id      the fact set's id
     * @param title   its title, or null
     * @param asOf    the date it describes (ISO-8601), or null
     * @param file    the file (or stream name) it was read from
     * @param sources the documents it was drawn from
     * @param facts   its facts, in file order
     */
    public FactSet(String id, String title, String asOf, String file, List<Source> sources, List<Fact> facts) {
        this(id, title, asOf, file, sources, facts, List.of());
    }
}
