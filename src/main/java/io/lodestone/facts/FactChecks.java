package io.lodestone.facts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lodestone.api.Diagnostic.Kind;
import io.lodestone.engine.DeclaredType;
import io.lodestone.engine.FieldValues;
import io.lodestone.engine.Suggest;
import io.lodestone.engine.ValueModel;
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

    /** A fact that bound to a declared type, kept for the checks that need the whole set. */
    record Checked(String path, DeclaredType type, ObjectNode node) {}

    private FactChecks() {}

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
     * Every id in a {@code @ref} field (a string, or a list of strings) must be a fact of the named type,
     * or, when the field also names a {@code @vocabulary}, one of its canonical words (e.g. the countries
     * list shipped with the rule pack).
     */
    static void references(List<Checked> facts, Map<String, String> typeOfId, ValueModel values, Problems problems) {
        for (Checked fact : facts) {
            for (Map.Entry<String, String> ref : fact.type().refs().entrySet()) {
                JsonNode value = fact.node().get(ref.getKey());
                String path = fact.path() + "." + ref.getKey();
                if (value == null || value.isNull()) {
                    continue;
                }
                FieldValues declared = values.of(fact.type().name(), ref.getKey());
                Vocabulary vocabulary = declared == null ? null : declared.vocabulary();
                if (value.isTextual()) {
                    reference(value.textValue(), ref.getValue(), path, typeOfId, vocabulary, problems);
                } else if (value.isArray()) {
                    for (int i = 0; i < value.size(); i++) {
                        if (value.get(i).isTextual()) {
                            reference(
                                    value.get(i).textValue(),
                                    ref.getValue(),
                                    path + "[" + i + "]",
                                    typeOfId,
                                    vocabulary,
                                    problems);
                        }
                    }
                }
            }
        }
    }

    private static void reference(
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
