package io.lodestone.facts;

import com.fasterxml.jackson.databind.JsonNode;
import io.lodestone.api.Diagnostic.Kind;
import io.lodestone.engine.FieldValues;
import io.lodestone.engine.Suggest;
import io.lodestone.engine.Vocabulary;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * Checks a bound field's JSON value against its declared values: a word outside {@code @values} and a
 * number outside {@code @range}/{@code @min} are errors, a word outside an open {@code @vocabulary} is a
 * warning (an error when the vocabulary is closed). Each problem carries the value to write instead
 * when one is close ("did you mean").
 */
final class ValueChecks {
    /** Where problems go, with the suggested replacement (or null). */
    interface Sink {
        void error(Kind kind, String path, String message, String suggestion);

        void warning(Kind kind, String path, String message, String suggestion);
    }

    private ValueChecks() {}

    /**
     * Whether {@link #check} would report nothing, without building a path or a message; {@code vocabulary}
     * is the one to check words against (null for none).
     */
    static boolean fits(JsonNode node, FieldValues declared, Vocabulary vocabulary) {
        if (node == null || node.isNull()) {
            return true;
        }
        if (node.isArray()) {
            for (JsonNode child : node) {
                if (!fits(child, declared, vocabulary)) {
                    return false;
                }
            }
            return true;
        }
        if (node.isTextual()) {
            String value = node.textValue();
            if (declared.values() != null && !declared.values().contains(value)) {
                return false;
            }
            return vocabulary == null || vocabulary.match(value).fit() == Vocabulary.Fit.CANONICAL;
        }
        if (node.isNumber() && Double.isFinite(node.doubleValue())) {
            double v = node.doubleValue();
            return !(declared.min() != null && v < declared.min()) && !(declared.max() != null && v > declared.max());
        }
        return true;
    }

    static void check(String typeAndField, JsonNode node, FieldValues declared, String path, Sink sink) {
        if (node == null || node.isNull()) {
            return;
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                check(typeAndField, node.get(i), declared, path + "[" + i + "]", sink);
            }
            return;
        }
        if (node.isTextual()) {
            word(typeAndField, node.textValue(), declared, path, sink);
        } else if (node.isNumber() && Double.isFinite(node.doubleValue())) { // overflow is reported elsewhere
            number(typeAndField, node.decimalValue(), declared, path, sink);
        }
    }

    private static void word(String field, String value, FieldValues declared, String path, Sink sink) {
        if (declared.values() != null && !declared.values().contains(value)) {
            String suggestion = Suggest.closest(value, declared.values());
            sink.error(
                    Kind.FACT_VALUE,
                    path,
                    "\"" + value + "\" is not a value of " + field + " (expected " + "one of "
                            + String.join(", ", declared.values()) + ")" + didYouMean(suggestion),
                    suggestion);
            return;
        }
        Vocabulary vocabulary = declared.vocabulary();
        if (vocabulary == null) {
            return;
        }
        Vocabulary.Match match = vocabulary.match(value);
        String message;
        switch (match.fit()) {
            case CANONICAL -> {
                return;
            }
            case SYNONYM ->
                message = "\"" + value + "\" is a synonym in vocabulary \"" + vocabulary.name()
                        + "\"; rules join on the canonical word, write \"" + match.suggestion() + "\"";
            default ->
                message = "\"" + value + "\" is not a word of vocabulary \"" + vocabulary.name() + "\" ("
                        + vocabulary.file() + "), so rules that join " + field + " on it will not see it"
                        + didYouMean(match.suggestion())
                        + (match.suggestion() == null ? "; add it to the vocabulary if it is a new word" : "");
        }
        if (vocabulary.closed()) {
            sink.error(Kind.FACT_VOCABULARY, path, message, match.suggestion());
        } else {
            sink.warning(Kind.FACT_VOCABULARY, path, message, match.suggestion());
        }
    }

    private static void number(String field, BigDecimal value, FieldValues declared, String path, Sink sink) {
        double v = value.doubleValue();
        boolean low = declared.min() != null && v < declared.min();
        boolean high = declared.max() != null && v > declared.max();
        if (!low && !high) {
            return;
        }
        String bounds = declared.max() == null
                ? "at least " + plain(declared.min())
                : declared.min() == null
                        ? "at most " + plain(declared.max())
                        : "from " + plain(declared.min()) + " to " + plain(declared.max());
        String suggestion = null;
        String hint = "";
        if (high && declared.isFraction() && v <= 100) {
            suggestion = value.movePointLeft(2).stripTrailingZeros().toPlainString();
            hint = "; looks like a percentage: write " + suggestion;
        }
        sink.error(
                Kind.FACT_VALUE,
                path,
                value.stripTrailingZeros().toPlainString() + " is out of range for " + field + " (" + bounds
                        + (declared.isFraction() ? ", a fraction" : "") + ")" + hint,
                suggestion);
    }

    static String didYouMean(String suggestion) {
        return suggestion == null ? "" : "; did you mean \"" + suggestion + "\"?";
    }

    private static String plain(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15
                ? String.format(Locale.ROOT, "%.0f", d)
                : BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
}
