package io.lodestone.output;

/** How a formatter should render: {@code color} only ever applies to terminal-facing text formats. */
public record OutputOptions(boolean color) {
    public static OutputOptions plain() {
        return new OutputOptions(false);
    }
}
