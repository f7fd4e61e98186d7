package io.lodestone.api;

import java.util.List;

/**
 * A loaded fact set (format v1, see {@code docs/fact-format.md}), ready to evaluate. {@code warnings}
 * are problems the loader tolerated (unknown fields under {@code --lenient}).
 */
public record FactSet(String id, String title, String asOf, String file, List<Source> sources, List<Fact> facts,
                      List<LoadError> warnings) {
    public FactSet {
        sources = List.copyOf(sources);
        facts = List.copyOf(facts);
        warnings = List.copyOf(warnings);
    }

    public FactSet(String id, String title, String asOf, String file, List<Source> sources, List<Fact> facts) {
        this(id, title, asOf, file, sources, facts, List.of());
    }
}
