package io.lodestone.api;

import java.util.List;

/** A loaded fact set (format v1, see {@code docs/fact-format.md}), ready to evaluate. */
public record FactSet(String id, String title, String asOf, String file, List<Source> sources, List<Fact> facts) {
    public FactSet {
        sources = List.copyOf(sources);
        facts = List.copyOf(facts);
    }
}
