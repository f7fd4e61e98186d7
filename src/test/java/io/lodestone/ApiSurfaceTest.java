package io.lodestone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The public surface (Lodestone and io.lodestone.api) mentions only JDK types and its own: no Drools,
 * KIE or Jackson type may leak into a signature, so embedders never depend on them.
 */
class ApiSurfaceTest {
    static final List<String> FORBIDDEN = List.of("org.drools.", "org.kie.", "com.fasterxml.");

    @Test
    void noDroolsKieOrJacksonTypeAppearsInAPublicSignature() throws Exception {
        List<Class<?>> surface = publicSurface();
        assertTrue(surface.size() >= 18, "expected Lodestone, its Builder and the api types: " + surface);
        Set<String> leaks = new TreeSet<>();
        Set<String> outside = new TreeSet<>();
        for (Class<?> c : surface) {
            for (String type : typesIn(c)) {
                if (type.startsWith("type variable ")) {
                    continue;
                }
                if (FORBIDDEN.stream().anyMatch(type::startsWith)) {
                    leaks.add(c.getName() + " -> " + type);
                } else if (!type.startsWith("java.")
                        && !type.startsWith("io.lodestone.api.")
                        && !type.startsWith("io.lodestone.Lodestone")) {
                    outside.add(c.getName() + " -> " + type);
                }
            }
        }
        assertEquals(Set.of(), leaks, "Drools/KIE/Jackson types in the public API");
        assertEquals(Set.of(), outside, "the public API may only mention JDK and io.lodestone.api types");
    }

    /** The scan itself must see a leak where there is one. */
    @Test
    void theScanFindsALeakInASignature() {
        assertTrue(typesIn(Leaky.class).contains("com.fasterxml.jackson.databind.JsonNode"));
        assertTrue(typesIn(Leaky.class).contains("org.kie.api.KieBase"));
    }

    public static final class Leaky {
        public List<? extends com.fasterxml.jackson.databind.JsonNode> nodes() {
            return List.of();
        }

        public void take(java.util.Map<String, org.kie.api.KieBase[]> bases) {}
    }

    static List<Class<?>> publicSurface() throws IOException, URISyntaxException, ClassNotFoundException {
        Path classes = Path.of(Lodestone.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        List<Class<?>> out = new ArrayList<>(List.of(Lodestone.class, Lodestone.Builder.class));
        try (Stream<Path> files = Files.list(classes.resolve("io/lodestone/api"))) {
            for (Path f : (Iterable<Path>) files.sorted()::iterator) {
                String name = f.getFileName().toString();
                if (name.endsWith(".class")) {
                    Class<?> c = Class.forName("io.lodestone.api." + name.substring(0, name.length() - 6));
                    if (Modifier.isPublic(c.getModifiers())) {
                        out.add(c);
                    }
                }
            }
        }
        return out;
    }

    /** Every type named by the public and protected members of a class, generics included. */
    static Set<String> typesIn(Class<?> c) {
        Set<String> names = new TreeSet<>();
        collect(c.getGenericSuperclass(), names);
        for (Type t : c.getGenericInterfaces()) {
            collect(t, names);
        }
        for (Field f : c.getFields()) {
            collect(f.getGenericType(), names);
        }
        List<Executable> members = new ArrayList<>(List.of(c.getMethods()));
        for (Constructor<?> k : c.getConstructors()) {
            members.add(k);
        }
        for (Method m : c.getDeclaredMethods()) {
            if (Modifier.isProtected(m.getModifiers())) {
                members.add(m);
            }
        }
        for (Executable e : members) {
            if (e instanceof Method m) {
                collect(m.getGenericReturnType(), names);
            }
            for (Type t : e.getGenericParameterTypes()) {
                collect(t, names);
            }
            for (Type t : e.getGenericExceptionTypes()) {
                collect(t, names);
            }
        }
        if (c.isRecord()) {
            for (RecordComponent rc : c.getRecordComponents()) {
                collect(rc.getGenericType(), names);
            }
        }
        return names;
    }

    private static void collect(Type t, Set<String> names) {
        if (t == null) {
            return;
        }
        if (t instanceof Class<?> k) {
            while (k.isArray()) {
                k = k.getComponentType();
            }
            if (!k.isPrimitive()) {
                names.add(k.getName());
            }
        } else if (t instanceof ParameterizedType p) {
            collect(p.getRawType(), names);
            for (Type a : p.getActualTypeArguments()) {
                collect(a, names);
            }
        } else if (t instanceof WildcardType w) {
            Stream.concat(Stream.of(w.getUpperBounds()), Stream.of(w.getLowerBounds()))
                    .forEach(b -> collect(b, names));
        } else if (t instanceof GenericArrayType g) {
            collect(g.getGenericComponentType(), names);
        } else if (t instanceof TypeVariable<?> v
                && names.add("type variable " + v + " of " + v.getGenericDeclaration())) {
            // recorded once: bounds such as E extends Enum<E> refer back to the variable
            for (Type b : v.getBounds()) {
                collect(b, names);
            }
        }
    }

    static String classPathOf(Class<?> c) throws URISyntaxException {
        return new File(c.getProtectionDomain().getCodeSource().getLocation().toURI()).getPath();
    }
}
