package io.lodestone.engine;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one reflective access to fact objects (declared types are JavaBeans Drools generates at compile
 * time): read a field through its getter, find a field's setter, name a fact by its id.
 */
public final class FactAccessor {
    /**
     * Public no-argument methods by class and name, found once: findings name and cite facts many times
     * per set, and a failed {@code getMethod} costs an exception. A ClassValue lets a rule base's
     * declared classes unload with it.
     */
    private static final ClassValue<Map<String, Optional<Method>>> METHODS = new ClassValue<>() {
        @Override
        protected Map<String, Optional<Method>> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };

    private FactAccessor() {}

    private static Optional<Method> method(Class<?> type, String name) {
        return METHODS.get(type).computeIfAbsent(name, n -> {
            try {
                return Optional.of(type.getMethod(n));
            } catch (NoSuchMethodException e) {
                return Optional.empty();
            }
        });
    }

    /**
     * A field's value through {@code getX()} or {@code isX()}.
     *
     * @param bean  a fact object
     * @param field the field name
     * @return the value, or null when there is no such getter
     */
    public static Object get(Object bean, String field) {
        String suffix = Character.toUpperCase(field.charAt(0)) + field.substring(1);
        for (String prefix : new String[] {"get", "is"}) {
            Optional<Method> m = method(bean.getClass(), prefix + suffix);
            if (m.isPresent()) {
                try {
                    return m.get().invoke(bean);
                } catch (ReflectiveOperationException e) {
                    // try the next accessor form
                }
            }
        }
        return null;
    }

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
        try {
            Optional<Method> getId = method(subject.getClass(), "getId");
            Object id = getId.isPresent() ? getId.get().invoke(subject) : null;
            if (id != null) {
                return id.toString();
            }
        } catch (ReflectiveOperationException | RuntimeException ignored) {
            // not a declared type: fall back to its text
        }
        return subject.toString();
    }
}
