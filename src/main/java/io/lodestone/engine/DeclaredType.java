package io.lodestone.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A fact type declared in DRL ({@code declare Deal ... end}) that fact sets may use by its simple
 * name. {@code fields} maps each declared field name to its Java type; the loader binds JSON
 * properties to them. {@code refs} names the fields marked {@code @ref} (their values are ids of other
 * facts in the same set) with the type the id must have, or "" when any type will do.
 * {@code deprecated} maps a field marked {@code @replacedBy("newName")} to the field that replaces it:
 * the loader reads the old name into the new one, with a warning.
 */
public record DeclaredType(
        String name,
        String qualifiedName,
        Class<?> javaClass,
        Map<String, Class<?>> fields,
        String file,
        int line,
        Map<String, String> refs,
        Map<String, String> deprecated) {
    public DeclaredType {
        fields = Map.copyOf(fields);
        refs = Collections.unmodifiableMap(new LinkedHashMap<>(refs)); // declaration order
        deprecated = Map.copyOf(deprecated);
    }

    public DeclaredType(
            String name,
            String qualifiedName,
            Class<?> javaClass,
            Map<String, Class<?>> fields,
            String file,
            int line,
            Map<String, String> refs) {
        this(name, qualifiedName, javaClass, fields, file, line, refs, Map.of());
    }

    public DeclaredType(
            String name,
            String qualifiedName,
            Class<?> javaClass,
            Map<String, Class<?>> fields,
            String file,
            int line) {
        this(name, qualifiedName, javaClass, fields, file, line, Map.of(), Map.of());
    }

    public Set<String> fieldNames() {
        return fields.keySet();
    }
}
