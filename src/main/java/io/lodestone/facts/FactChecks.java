package io.lodestone.facts;

import com.fasterxml.jackson.databind.JsonNode;
import io.lodestone.api.Diagnostic.Kind;
import io.lodestone.engine.Suggest;
import io.lodestone.engine.Vocabulary;
import java.util.List;
import java.util.Map;

/**
 * Checks on a fact's JSON that binding alone would miss: numbers that overflow their field (Jackson
 * would turn {@code 1e400} into Infinity), and {@code @ref} fields naming ids the fact set lacks.
 */
final class FactChecks {
    /** Where problems go; the loader locates the path in the file. */
    interface Problems {
        void fail(Kind kind, String path, String message);

        /** A problem with a value to write instead ("did you mean"), or null. */
        default void fail(Kind kind, String path, String message, String suggestion) {
            fail(kind, path, message);
        }
    }

    private FactChecks() {}

    /** Whether {@link #numbers} has nothing to report, without building a path: the common case. */
    static boolean numbersFit(JsonNode node, Class<?> fieldType) {
        if (node.isContainerNode()) {
            for (JsonNode child : node) {
                if (!numbersFit(child, Object.class)) {
                    return false;
                }
            }
            return true;
        }
        if (!node.isNumber()) {
            return true;
        }
        if (!Double.isFinite(node.doubleValue())) {
            return false;
        }
        if ((fieldType == Integer.class || fieldType == int.class) && node.isIntegralNumber()) {
            return node.canConvertToInt();
        }
        if ((fieldType == Long.class || fieldType == long.class) && node.isIntegralNumber()) {
            return node.canConvertToLong();
        }
        return true;
    }

    static void numbers(JsonNode node, Class<?> fieldType, String path, Problems problems) {
        if (node.isContainerNode()) {
            if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    numbers(node.get(i), Object.class, path + "[" + i + "]", problems);
                }
            } else {
                for (Map.Entry<String, JsonNode> e : node.properties()) {
                    numbers(e.getValue(), Object.class, path + "." + e.getKey(), problems);
                }
            }
            return;
        }
        if (!node.isNumber()) {
            return;
        }
        if (!Double.isFinite(node.doubleValue())) {
            problems.fail(
                    Kind.FACT_VALUE,
                    path,
                    "number is too large: it overflows a 64-bit floating-point "
                            + "number (the largest is about 1.8e308)");
        } else if ((fieldType == Integer.class || fieldType == int.class)
                && node.isIntegralNumber()
                && !node.canConvertToInt()) {
            problems.fail(
                    Kind.FACT_VALUE,
                    path,
                    "number " + abbreviate(node.asText())
                            + " is out of range for a whole-number field (" + Integer.MIN_VALUE + " to "
                            + Integer.MAX_VALUE + ")");
        } else if ((fieldType == Long.class || fieldType == long.class)
                && node.isIntegralNumber()
                && !node.canConvertToLong()) {
            problems.fail(
                    Kind.FACT_VALUE,
                    path,
                    "number " + abbreviate(node.asText()) + " is out of range for a whole-number field ("
                            + Long.MIN_VALUE + " to " + Long.MAX_VALUE + ")");
        }
    }

    /**
     * An id in a {@code @ref} field (a string, or one of a list of strings) must be a fact of the named
     * type, or, when the field also names a {@code @vocabulary}, one of its canonical words (e.g. the
     * countries list shipped with the rule pack).
     */
    static void reference(
            String id,
            String wanted,
            String path,
            Map<String, String> typeOfId,
            Vocabulary vocabulary,
            Problems problems) {
        String actual = typeOfId.get(id);
        String what = wanted.isEmpty() ? "fact" : wanted;
        if (actual == null) {
            Vocabulary.Match match = vocabulary == null ? null : vocabulary.match(id);
            if (match != null && match.fit() == Vocabulary.Fit.CANONICAL) {
                return;
            }
            String suggestion = match != null && match.fit() == Vocabulary.Fit.SYNONYM ? match.suggestion() : null;
            if (suggestion == null) {
                List<String> ids = typeOfId.entrySet().stream()
                        .filter(e -> wanted.isEmpty() || wanted.equals(e.getValue()))
                        .map(Map.Entry::getKey)
                        .sorted()
                        .toList();
                suggestion = Suggest.closest(id, ids);
            }
            if (suggestion == null && match != null) {
                suggestion = match.suggestion();
            }
            problems.fail(
                    Kind.FACT_REFERENCE,
                    path,
                    "\"" + id + "\" is not the id of any " + what
                            + " in this fact set"
                            + (vocabulary == null ? "" : " nor a word of vocabulary \"" + vocabulary.name() + "\"")
                            + ValueChecks.didYouMean(suggestion),
                    suggestion);
        } else if (!wanted.isEmpty() && !wanted.equals(actual)) {
            problems.fail(
                    Kind.FACT_REFERENCE,
                    path,
                    "\"" + id + "\" is a " + actual + ", expected the id " + "of a " + wanted);
        }
    }

    private static String abbreviate(String number) {
        return number.length() > 24 ? number.substring(0, 12) + "…(" + number.length() + " digits)" : number;
    }
}
