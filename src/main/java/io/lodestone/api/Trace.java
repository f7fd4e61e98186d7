package io.lodestone.api;

import java.util.List;
import java.util.Map;

/**
 * Why a finding (or a derived fact) exists: the rule that fired, where it is written, the facts its
 * patterns matched with the fields its constraints read, and the values it bound. A matched fact that
 * another rule inserted carries that rule's own trace in {@link TracedFact#derivedBy()}, so traces form
 * a tree. Only built with {@code --explain}.
 */
public record Trace(String ruleId, String ruleName, String file, int line, List<TracedFact> facts,
                    Map<String, Object> bindings) {
    public Trace {
        facts = List.copyOf(facts);
        bindings = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(bindings));
    }
}
