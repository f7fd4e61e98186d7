package io.lodestone.output;

import io.lodestone.api.Severity;

/**
 * How a formatter should render: {@code color} only ever applies to terminal-facing text formats;
 * {@code failOn} is the {@code --fail-on} threshold (null: nothing fails), for formats that report
 * pass/fail per rule (JUnit).
 */
public record OutputOptions(boolean color, Severity failOn) {
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
