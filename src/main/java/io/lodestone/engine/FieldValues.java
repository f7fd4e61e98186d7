package io.lodestone.engine;

import java.util.List;

/**
 * What values one declared field admits, from its annotations in the model ({@code docs/fact-format.md},
 * "Declared values"). Every part is optional (null: no constraint of that sort).
 *
 * @param values     {@code @values("a", "b")}: the closed list of words (a string, or each element of a list)
 * @param min        {@code @range(min, max)} or {@code @min(min)}: the smallest number allowed
 * @param max        {@code @range(min, max)}: the largest number allowed
 * @param vocabulary {@code @vocabulary("name")}: a vocabulary of the rules folder (open: warnings)
 */
public record FieldValues(List<String> values, Double min, Double max, Vocabulary vocabulary) {
    public FieldValues {
        values = values == null ? null : List.copyOf(values);
    }

    /** Whether a field marked with this is a fraction 0..1, where 98 is likely meant as 98%. */
    public boolean isFraction() {
        return min != null && max != null && min == 0 && max == 1;
    }
}
