package io.lodestone.output;

import io.lodestone.api.RunReport;
import java.io.IOException;
import java.io.Writer;

/** Renders a whole run in one output format. One class per format; register it in {@link Formatters}. */
public interface ReportFormatter {
    /** The {@code --format} name. */
    String name();

    /** One line for {@code --help}. */
    String description();

    void write(RunReport run, OutputOptions options, Writer out) throws IOException;
}
