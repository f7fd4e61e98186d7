package io.lodestone.api;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads a field of a fact object through its getter. Declared types are JavaBeans that Drools generates
 * when it compiles the rules, so their fields are known only by name; this is how the engine and the
 * report read them (a fact's {@code name}, a Policy's {@code priorities}, a claim's {@code hedged}).
 */
public final class FactFields {
    /**
     * The getters of a field ({@code getX()}, then {@code isX()}), by class and field name, found once:
     * findings read the same few fields of the same classes many times per fact set, and a failed
     * {@code getMethod} costs an exception. A ClassValue lets a rule base's declared classes unload with it.
     */
    private static final ClassValue<Map<String, Method[]>> GETTERS = new ClassValue<>() {
        @Override
        protected Map<String, Method[]> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };

    private FactFields() {}

    /**
     * A field's value through {@code getX()} or, failing that, {@code isX()}.
     *
     * @param bean  a fact object
     * @param field the field name, e.g. {@code "name"}
     * @return the value, or null when the object has no such getter (or its getter throws)
     */
    public static Object get(Object bean, String field) {
        for (Method getter : GETTERS.get(bean.getClass()).computeIfAbsent(field, f -> getters(bean.getClass(), f))) {
            try {
                return getter.invoke(bean);
            } catch (IllegalAccessException | InvocationTargetException e) {
                // try the next accessor form
            }
        }
        return null;
    }

    private static Method[] getters(Class<?> type, String field) {
        String suffix = Character.toUpperCase(field.charAt(0)) + field.substring(1);
        List<Method> found = new ArrayList<>(2);
        for (String prefix : new String[] {"get", "is"}) {
            try {
                found.add(type.getMethod(prefix + suffix));
            } catch (NoSuchMethodException e) {
                // this form is absent
            }
        }
        return found.toArray(new Method[0]);
    }
}
