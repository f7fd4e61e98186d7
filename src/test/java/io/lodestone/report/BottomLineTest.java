package io.lodestone.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The bottom line writes scores without the Formatter, and must write exactly what it wrote. */
class BottomLineTest {
    @ParameterizedTest(name = "{0}")
    @ValueSource(
            doubles = {
                0.0,
                -0.0,
                1.5,
                -1.5,
                2.0,
                -2.0,
                0.125,
                0.375,
                -0.005,
                0.005,
                1.005,
                2.675,
                0.333333333,
                -7.25,
                1e9,
                Double.NaN
            })
    void writesNumbersAsStringFormatDoes(double v) {
        assertEquals(String.format(Locale.ROOT, "%.1f", v), BottomLine.fixed(v, 1));
        assertEquals(String.format(Locale.ROOT, "%.2f", v), BottomLine.fixed(v, 2));
        String old = v == Math.rint(v) ? String.format(Locale.ROOT, "%.1f", v) : String.format(Locale.ROOT, "%.2f", v);
        assertEquals(v > 0 ? "+" + old : old.replace('-', '\u2212'), BottomLine.signed(v));
    }
}
