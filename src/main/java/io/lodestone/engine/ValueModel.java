package io.lodestone.engine;

import java.util.Map;
import java.util.TreeMap;

/**
 * The declared values of a rule set's fact types: per type and field, what the model's annotations
 * admit ({@link FieldValues}), and the vocabularies of the rules folder by name.
 *
 * @param fields       type name to field name to its declared values (fields without any are absent)
 * @param vocabularies vocabulary name to vocabulary
 */
public record ValueModel(Map<String, Map<String, FieldValues>> fields, Map<String, Vocabulary> vocabularies) {
    /** No declared values: the loader checks types and references only. */
    public static final ValueModel NONE = new ValueModel(Map.of(), Map.of());

    public ValueModel {
        Map<String, Map<String, FieldValues>> copy = new TreeMap<>();
        fields.forEach((type, byField) -> copy.put(type, Map.copyOf(byField)));
        // sorted for whoever lists them, hashed for the loader, which looks a field up for every value it reads
        fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(copy));
        vocabularies = java.util.Collections.unmodifiableMap(new TreeMap<>(vocabularies));
    }

    /** The declared values of one field, or null. */
    public FieldValues of(String type, String field) {
        Map<String, FieldValues> byField = fields.get(type);
        return byField == null ? null : byField.get(field);
    }
}
