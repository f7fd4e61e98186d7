package io.lodestone.output;

import io.lodestone.api.FactLocator;
import io.lodestone.api.Severity;

/**
 * How a formatter should render: {@code color} only ever applies to terminal-facing text formats;
 * {@code failOn} is the {@code --fail-on} threshold (null: nothing fails), for formats that report
 * pass/fail per rule (JUnit); {@code locator} finds where a fact is written in its file, for formats
 * that point into fact-set files (SARIF).
 */
public record OutputOptions(boolean color, Severity failOn, FactLocator locator) {
    /** Null {@code locator} means none. */
    public OutputOptions {
        locator = locator == null ? FactLocator.NONE : locator;
    }

    /** Options without fact locations. */
    public OutputOptions(boolean color, Severity failOn) {
        this(color, failOn, FactLocator.NONE);
    }

    /** Options without a threshold or fact locations. */
    public OutputOptions(boolean color) {
        this(color, null);
    }

    public static OutputOptions plain() {
        return new OutputOptions(false);
    }

    /** True when {@code severity} reaches the {@code --fail-on} threshold. */
    public boolean fails(Severity severity) {
        return failOn != null && severity.atLeast(failOn);
    }
}
