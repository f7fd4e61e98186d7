package io.lodestone.facts;

import java.util.Map;
import java.util.Set;

/**
 * A fact type declared in DRL ({@code declare Deal ... end}) that fact sets may use by its simple
 * name. {@code fields} maps each declared field name to its Java type; the loader binds JSON
 * properties to them.
 */
public record DeclaredType(String name, String qualifiedName, Class<?> javaClass, Map<String, Class<?>> fields,
                           String file, int line) {
    public DeclaredType {
        fields = Map.copyOf(fields);
    }

    public Set<String> fieldNames() {
        return fields.keySet();
    }
}
