package io.lodestone.output;

import io.lodestone.api.CheckResult;
import java.io.IOException;
import java.io.Writer;

/** Renders the result of {@code lodestone check}. One class per format; register it in {@link Formatters}. */
public interface CheckFormatter {
    /** The {@code --format} name. */
    String name();

    void write(CheckResult result, Writer out) throws IOException;
}
