package io.lodestone.output;

import io.lodestone.api.TestRun;
import java.io.IOException;
import java.io.Writer;
import java.util.Map;
import java.util.function.Supplier;

/** Renders the result of {@code lodestone test}; one class per format, registered in {@link #FORMATS}. */
public interface TestRunFormatter {
    Map<String, Supplier<TestRunFormatter>> FORMATS = Map.of(
            "text", TestTextFormatter::new,
            "json", TestJsonFormatter::new);

    void write(TestRun run, boolean coverage, Writer out) throws IOException;
}
