package io.lodestone.output;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The registries of output formats by {@code --format} name, one per command ({@code evaluate},
 * {@code check}, {@code test}); adding a format is one class and one line here.
 */
public final class Formatters {
    private static final Map<String, Supplier<ReportFormatter>> FORMATS = new LinkedHashMap<>();
    private static final Map<String, Supplier<CheckFormatter>> CHECK = new LinkedHashMap<>();
    private static final Map<String, Supplier<TestRunFormatter>> TEST = new LinkedHashMap<>();

    static {
        register(TextFormatter::new);
        register(JsonFormatter::new);
        register(JsonLinesFormatter::new);
        register(SarifFormatter::new);
        register(JUnitFormatter::new);
        register(CsvFormatter::new);
        register(MarkdownFormatter::new);
        register(HtmlFormatter::new);
        CHECK.put("text", CheckTextFormatter::new);
        CHECK.put("json", CheckJsonFormatter::new);
        TEST.put("text", TestTextFormatter::new);
        TEST.put("json", TestJsonFormatter::new);
    }

    private Formatters() {}

    private static void register(Supplier<ReportFormatter> factory) {
        FORMATS.put(factory.get().name(), factory);
    }

    /** The formatter for {@code name}, or null when there is none. */
    public static ReportFormatter get(String name) {
        Supplier<ReportFormatter> f = FORMATS.get(name);
        return f == null ? null : f.get();
    }

    /** The {@code check} formatter for {@code name}, or null when there is none. */
    public static CheckFormatter check(String name) {
        Supplier<CheckFormatter> f = CHECK.get(name);
        return f == null ? null : f.get();
    }

    /** The {@code test} formatter for {@code name}, or null when there is none. */
    public static TestRunFormatter test(String name) {
        Supplier<TestRunFormatter> f = TEST.get(name);
        return f == null ? null : f.get();
    }

    /** The {@code check} format names, in registration order. */
    public static Iterable<String> checkNames() {
        return CHECK.keySet();
    }

    /** The {@code test} format names, in registration order. */
    public static Iterable<String> testNames() {
        return TEST.keySet();
    }

    public static Iterable<String> names() {
        return FORMATS.keySet();
    }

    /** "name: description" lines for help texts. */
    public static String describeAll() {
        StringBuilder sb = new StringBuilder();
        FORMATS.forEach((name, f) ->
                sb.append(String.format("  %-9s %s%n", name, f.get().description())));
        return sb.toString();
    }
}
