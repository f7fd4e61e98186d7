package io.lodestone.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A fact as a rule matched it: its declared type, id, the fields the rule's constraints read (with
 * their values; null values kept), and, for a fact a rule inserted, that rule's trace.
 */
public record TracedFact(String type, String id, Map<String, Object> fields, Trace derivedBy) {
    public TracedFact {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }
}
