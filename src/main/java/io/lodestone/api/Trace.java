package io.lodestone.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Why a finding (or a derived fact) exists: the rule that fired, where it is written, the facts its
 * patterns matched with the fields its constraints read, and the values it bound. A matched fact that
 * another rule inserted carries that rule's own trace in {@link TracedFact#derivedBy()}, so traces form
 * a tree. Only built with {@code --explain}.
 *
 * @param ruleId   the rule's {@code @id}
 * @param ruleName the rule's name in DRL
 * @param file     the rule file, as the rules folder was given
 * @param line     the line of the rule's header
 * @param facts    the facts the rule's patterns matched, in pattern order
 * @param bindings values the rule bound to variables (other than whole facts), by variable name
 */
public record Trace(
        String ruleId, String ruleName, String file, int line, List<TracedFact> facts, Map<String, Object> bindings) {
    /**
     * Copies the collections so the trace is immutable.
     *
     * @param ruleId   the rule's {@code @id}
     * @param ruleName the rule's name in DRL
     * @param file     the rule file, as the rules folder was given
     * @param line     the line of the rule's header
     * @param facts    the facts the rule's patterns matched, in pattern order
     * @param bindings values the rule bound to variables (other than whole facts), by variable name
     */
    public Trace {
        facts = List.copyOf(facts);
        bindings = Collections.unmodifiableMap(new LinkedHashMap<>(bindings));
    }
}
