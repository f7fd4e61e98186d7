package io.lodestone.facts;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collection;

/** How the loader names JSON paths, values and expected types in its error messages. */
final class JsonText {
    private JsonText() {}

    static String defaultId(String file) {
        String name = Path.of(file).getFileName().toString();
        for (String ext : new String[] {".json", ".yaml", ".yml"}) {
            if (name.endsWith(ext)) {
                return name.substring(0, name.length() - ext.length());
            }
        }
        return name;
    }

    static String subPath(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    static String pointer(String subPath) {
        if (subPath.isEmpty()) {
            return "";
        }
        return "/" + subPath.replace(".", "/").replace("[", "/").replace("]", "");
    }

    static String expected(Class<?> type) {
        if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
            return "a number";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == LocalDate.class) {
            return "an ISO-8601 date string (YYYY-MM-DD)";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "a value of type " + type.getSimpleName();
    }

    static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        if (node.isTextual()) {
            String t = node.textValue();
            return "the string \"" + (t.length() > 40 ? t.substring(0, 40) + "…" : t) + "\"";
        }
        if (node.isNumber()) {
            return "the number " + node.asText();
        }
        if (node.isBoolean()) {
            return node.asText();
        }
        if (node.isNull()) {
            return "null";
        }
        return node.isArray() ? "an array" : "an object";
    }
}
