package io.lodestone.engine;

import io.lodestone.api.FactFields;
import java.lang.reflect.Method;

/**
 * Reflective access to fact objects beside reading a field ({@link FactFields}): find a field's setter,
 * name a fact by its id.
 */
public final class FactAccessor {
    private FactAccessor() {}

    /**
     * A field's setter {@code setX(type)}.
     *
     * @param type      the declared type's class
     * @param field     the field name
     * @param fieldType the field's type
     * @return the setter, or null when there is none
     */
    public static Method setter(Class<?> type, String field, Class<?> fieldType) {
        try {
            return type.getMethod("set" + Character.toUpperCase(field.charAt(0)) + field.substring(1), fieldType);
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    /**
     * Id of a fact the rules made themselves (a declared type has getId()); else its text.
     *
     * @param subject a fact, an id or a value a rule named
     * @return the fact's id, or the subject as text ({@code "null"} for null)
     */
    public static String idOf(Object subject) {
        if (subject == null) {
            return "null";
        }
        if (subject instanceof CharSequence || subject instanceof Number) {
            return subject.toString();
        }
        Object id = FactFields.get(subject, "id"); // null when it is not a declared type: shown by its text
        return id != null ? id.toString() : subject.toString();
    }
}
