package io.lodestone.output;

import io.lodestone.api.TestRun;
import java.io.IOException;
import java.io.Writer;

/** Renders the result of {@code lodestone test}. One class per format; register it in {@link Formatters}. */
public interface TestRunFormatter {
    /** The {@code --format} name. */
    String name();

    void write(TestRun run, boolean coverage, Writer out) throws IOException;
}
