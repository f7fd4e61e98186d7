package io.lodestone.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A fact as a rule matched it: its declared type, id, the fields the rule's constraints read (with
 * their values; null values kept), and, for a fact a rule inserted, that rule's trace.
 *
 * @param type      the declared type's simple name
 * @param id        the fact's id
 * @param fields    the fields the rule's constraints read, with their values
 * @param derivedBy the trace of the rule that inserted this fact, or null for a fact from the fact set
 */
public record TracedFact(String type, String id, Map<String, Object> fields, Trace derivedBy) {
    /**
     * Copies the field map so the fact is immutable.
     *
     * @param type      the declared type's simple name
     * @param id        the fact's id
     * @param fields    the fields the rule's constraints read, with their values
     * @param derivedBy the trace of the rule that inserted this fact, or null for a fact from the fact set
     */
    public TracedFact {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }
}
