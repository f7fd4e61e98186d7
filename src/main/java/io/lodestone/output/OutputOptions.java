package io.lodestone.output;

import io.lodestone.api.FactLocator;
import io.lodestone.api.Severity;

/**
 * How a formatter should render: {@code color} only ever applies to terminal-facing text formats;
 * {@code failOn} is the {@code --fail-on} threshold (null: nothing fails), for formats that report
 * pass/fail per rule (JUnit); {@code locator} finds where a fact is written in its file, for formats
 * that point into fact-set files (SARIF); {@code width} is the line width the text format wraps to.
 *
 * @param color   whether to use ANSI colours (text format only)
 * @param failOn  the {@code --fail-on} threshold, or null
 * @param locator where facts sit in their files
 * @param width   columns to wrap text to
 */
public record OutputOptions(boolean color, Severity failOn, FactLocator locator, int width) {
    /** The width used when the output is not a terminal (files, pipes, tests). */
    public static final int DEFAULT_WIDTH = 100;

    /** Null {@code locator} means none; a width below 1 means the default. */
    public OutputOptions {
        locator = locator == null ? FactLocator.NONE : locator;
        width = width < 1 ? DEFAULT_WIDTH : width;
    }

    /** Options at the default width. */
    public OutputOptions(boolean color, Severity failOn, FactLocator locator) {
        this(color, failOn, locator, DEFAULT_WIDTH);
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
