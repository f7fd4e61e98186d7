package io.lodestone.output;

import io.lodestone.api.Severity;

/**
 * How a report is rendered.
 *
 * @param color  whether to use ANSI colours (text format only)
 * @param failOn the {@code --fail-on} threshold, for formats that mark failing findings; null for never
 * @param width  the line width the text format wraps to (columns)
 */
public record OutputOptions(boolean color, Severity failOn, int width) {
    /** The width used when the output is not a terminal (files, pipes, tests). */
    public static final int DEFAULT_WIDTH = 100;

    /**
     * Options at the default width.
     *
     * @param color  whether to use ANSI colours
     * @param failOn the {@code --fail-on} threshold, or null
     */
    public OutputOptions(boolean color, Severity failOn) {
        this(color, failOn, DEFAULT_WIDTH);
    }

    /**
     * Options without a {@code --fail-on} threshold, at the default width.
     *
     * @param color whether to use ANSI colours
     */
    public OutputOptions(boolean color) {
        this(color, null);
    }

    /**
     * No colour, no threshold, the default width.
     *
     * @return plain options
     */
    public static OutputOptions plain() {
        return new OutputOptions(false);
    }

    /**
     * Whether a finding of this severity is at or above {@code --fail-on}.
     *
     * @param severity a finding's severity
     * @return true when it fails the run
     */
    public boolean fails(Severity severity) {
        return failOn != null && severity.atLeast(failOn);
    }
}
