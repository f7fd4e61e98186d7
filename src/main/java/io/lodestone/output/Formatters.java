package io.lodestone.output;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** The registry of output formats by {@code --format} name; adding a format is one line here. */
public final class Formatters {
    private static final Map<String, Supplier<ReportFormatter>> FORMATS = new LinkedHashMap<>();

    static {
        register(TextFormatter::new);
        register(JsonFormatter::new);
        register(JsonLinesFormatter::new);
        register(SarifFormatter::new);
        register(JUnitFormatter::new);
        register(CsvFormatter::new);
        register(MarkdownFormatter::new);
        register(HtmlFormatter::new);
    }

    private Formatters() {
    }

    private static void register(Supplier<ReportFormatter> factory) {
        FORMATS.put(factory.get().name(), factory);
    }

    /** The formatter for {@code name}, or null when there is none. */
    public static ReportFormatter get(String name) {
        Supplier<ReportFormatter> f = FORMATS.get(name);
        return f == null ? null : f.get();
    }

    public static Iterable<String> names() {
        return FORMATS.keySet();
    }

    /** "name: description" lines for help texts. */
    public static String describeAll() {
        StringBuilder sb = new StringBuilder();
        FORMATS.forEach((name, f) -> sb.append(String.format("  %-9s %s%n", name, f.get().description())));
        return sb.toString();
    }
}
