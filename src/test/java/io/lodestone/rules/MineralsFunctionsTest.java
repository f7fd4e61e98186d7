package io.lodestone.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.drools.compiler.builder.impl.KnowledgeBuilderImpl;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;

/**
 * The helper functions of rules/minerals/functions.drl, called directly. Only that file and the model it
 * uses are compiled (once, well under a second warm): Drools turns each DRL function into a static method of a class
 * named after it, which the tests look up and call.
 */
class MineralsFunctionsTest {
    private static ClassLoader functions;

    @BeforeAll
    static void compileOnlyTheFunctions() throws Exception {
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
        // the model too: some functions take declared types (rateBetween reads ExchangeRate facts)
        for (String file : new String[] {"model.drl", "functions.drl"}) {
            builder.add(
                    ResourceFactory.newByteArrayResource(Files.readAllBytes(Path.of("rules/minerals", file)))
                            .setSourcePath("minerals/" + file),
                    ResourceType.DRL);
        }
        assertFalse(builder.hasErrors(), builder.getErrors().toString());
        functions = ((KnowledgeBuilderImpl) builder).getRootClassLoader();
    }

    /** Calls DRL function {@code name} (class minerals.Name, static method name). */
    private static Object call(String name, Object... args) throws Exception {
        Class<?> type =
                functions.loadClass("minerals." + name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1));
        Method method = Arrays.stream(type.getMethods())
                .filter(m -> m.getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no function " + name));
        try {
            return method.invoke(null, args);
        } catch (InvocationTargetException e) {
            throw new AssertionError(name + " threw", e.getCause());
        }
    }

    static Stream<Arguments> spread() {
        return Stream.of(
                Arguments.of(100.0, 175.0, 0.75),
                Arguments.of(175.0, 100.0, 0.75),
                Arguments.of(-100.0, 175.0, 0.75),
                Arguments.of(5.0, 5.0, 0.0),
                Arguments.of(0.0, 0.0, 0.0),
                Arguments.of(0.0, 5.0, Double.POSITIVE_INFINITY));
    }

    @ParameterizedTest(name = "spread({0}, {1}) = {2}")
    @MethodSource
    void spread(double a, double b, double expected) throws Exception {
        assertEquals(expected, (double) call("spread", a, b), 1e-12);
    }

    static Stream<Arguments> asNumber() {
        return Stream.of(
                Arguments.of(5, 5.0),
                Arguments.of(2.5e11, 2.5e11),
                Arguments.of(" 2.5 ", 2.5),
                Arguments.of("350 billion", Double.NaN),
                Arguments.of(true, Double.NaN),
                Arguments.of(null, Double.NaN));
    }

    @ParameterizedTest(name = "asNumber({0}) = {1}")
    @MethodSource
    void asNumber(Object value, double expected) throws Exception {
        assertEquals(expected, (double) call("asNumber", value));
    }

    /**
     * asNumber only parses text whose first character could start a number (most claim values are words,
     * and a thrown NumberFormatException is slow): it must still agree with Double.parseDouble on everything
     * that method accepts, including the forms that start with a letter.
     */
    @ParameterizedTest(name = "asNumber(\"{0}\") agrees with Double.parseDouble")
    @org.junit.jupiter.params.provider.ValueSource(
            strings = {
                "",
                "  ",
                "cancelled",
                "Iran",
                "Nigeria",
                "NaN",
                " NaN ",
                "Infinity",
                "-Infinity",
                "+Infinity",
                "infinity",
                "nan",
                "+5",
                "-0.5",
                ".5",
                "5.",
                "1e3",
                "1E-3",
                "0x1p3",
                "0X1.8P1",
                "1.5d",
                "2f",
                "-",
                "+",
                ".",
                "e5",
                "12 billion",
                "2025-02-28",
                "\t7\n"
            })
    void asNumberAgreesWithParseDouble(String text) throws Exception {
        double expected;
        try {
            expected = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            expected = Double.NaN;
        }
        assertEquals(expected, (double) call("asNumber", text));
    }

    static Stream<Arguments> valuesDiffer() {
        return Stream.of(
                Arguments.of("nothing claimed", null, "2004", "year", 0.1, false),
                Arguments.of("no reference", "2004", null, "year", 0.1, false),
                Arguments.of("the same year", "2004", "2004", "year", 0.1, false),
                Arguments.of("another year", "2004", "2005", "year", 0.1, true),
                Arguments.of("a month within a date", "2025-01", "2025-01-20", null, 0.1, false),
                Arguments.of("another month", "2025-02", "2025-01-20", null, 0.1, true),
                Arguments.of("a date inside a claimed week", "2025-02-17/2025-02-23", "2025-02-20", "date", 0.1, false),
                Arguments.of(
                        "a date on the week's last day", "2025-02-17/2025-02-23", "2025-02-23", "date", 0.1, false),
                Arguments.of("a date after the claimed week", "2025-02-17/2025-02-23", "2025-03-01", "date", 0.1, true),
                Arguments.of("numbers within the tolerance", 100, 105, "usd", 0.1, false),
                Arguments.of("numbers beyond the tolerance", 100, 150, "usd", 0.1, true),
                Arguments.of("a number and numeric text", "3.5e11", 3.5e11, "usd", 0.01, false),
                Arguments.of("a year-like amount held as a double", 2004.0, "2004", null, 0.0, false),
                Arguments.of("words, whatever their case", "Ukraine", "ukraine", null, 0.0, false),
                Arguments.of("other words", "Ukraine", "Russia", null, 0.0, true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void valuesDiffer(String name, Object claimed, Object reference, String unit, double tolerance, boolean differ)
            throws Exception {
        assertEquals(differ, call("valuesDiffer", claimed, reference, unit, tolerance, 0)); // no day tolerance
    }

    static Stream<Arguments> isKnownSpelling() {
        return Stream.of(
                Arguments.of("no text", null, "Donald Trump", List.of(), true),
                Arguments.of("the full name, any case", "donald trump", "Donald Trump", List.of(), true),
                Arguments.of("a surname alone", "Trump", "Donald Trump", List.of(), true),
                Arguments.of("an alias", "POTUS", "Donald Trump", List.of("POTUS"), true),
                Arguments.of("an initial is not a word of the name", "D", "D Trump", List.of(), false),
                Arguments.of("another person", "Biden", "Donald Trump", List.of("POTUS"), false),
                Arguments.of("nothing to compare with", "Trump", null, null, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void isKnownSpelling(String name, String text, String fullName, List<String> aliases, boolean known)
            throws Exception {
        assertEquals(known, call("isKnownSpelling", text, fullName, aliases, null)); // no role words
    }

    static Stream<Arguments> pct() {
        return Stream.of(
                Arguments.of(0.75, "75%"),
                Arguments.of(1.0, "100%"),
                Arguments.of(0.1234, "12.3%"),
                Arguments.of(0.0, "0%"),
                Arguments.of(-0.5, "-50%"));
    }

    @ParameterizedTest(name = "pct({0}) = {1}")
    @MethodSource
    void pct(double fraction, String text) throws Exception {
        assertEquals(text, call("pct", fraction));
    }

    static Stream<Arguments> usd() {
        return Stream.of(
                Arguments.of(3.5e11, "$350 billion"),
                Arguments.of(2.5e12, "$2.5 trillion"),
                Arguments.of(5e6, "$5 million"),
                Arguments.of(1.2e9, "$1.2 billion"),
                Arguments.of(1234.0, "$1,234"),
                Arguments.of(999_999.0, "$999,999"),
                Arguments.of(-2e9, "-$2 billion"));
    }

    @ParameterizedTest(name = "usd({0}) = {1}")
    @MethodSource
    void usd(double amount, String text) throws Exception {
        assertEquals(text, call("usd", amount));
    }

    /** A fact as rules see it: anything with getId(). */
    public static final class Named {
        private final String id;

        Named(String id) {
            this.id = id;
        }

        public String getId() {
            return id;
        }
    }

    static Stream<Arguments> ref() {
        return Stream.of(
                Arguments.of("an id held in a field", "cn", "{{cn}}"),
                Arguments.of("a fact", new Named("deal-1"), "{{deal-1}}"),
                Arguments.of("a fact without an id", new Named(null), "an unnamed fact"),
                Arguments.of("nothing", null, "an unnamed party"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void ref(String name, Object factOrId, String text) throws Exception {
        assertEquals(text, call("ref", factOrId));
    }

    /** fixed and grouped replace String.format in messages: they must write exactly what it writes. */
    static Stream<Double> formattedValues() {
        Stream<Double> edges = Stream.of(
                0.0,
                -0.0,
                0.05,
                0.15,
                0.25,
                0.35,
                0.45,
                -0.04,
                -0.05,
                1.45,
                2.5,
                -2.5,
                9.95,
                99.95,
                999.95,
                1234.5,
                -1234567.5,
                123456789.5,
                1e15,
                1e16,
                1e-7,
                Double.MIN_VALUE,
                Double.NaN,
                Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY);
        java.util.Random random = new java.util.Random(17);
        Stream<Double> drawn = Stream.generate(() -> switch (random.nextInt(4)) {
                    case 0 -> random.nextDouble() * 100;
                    case 1 -> Math.round(random.nextDouble() * 10_000) / 100.0 + 0.05;
                    case 2 -> random.nextGaussian() * 1e9;
                    default -> Math.round(random.nextDouble() * 1000) / 20.0;
                })
                .limit(2000);
        return Stream.concat(edges, drawn);
    }

    @ParameterizedTest(name = "fixed and grouped write {0} as String.format does")
    @MethodSource("formattedValues")
    void fixedAndGroupedWriteWhatStringFormatWrites(double v) throws Exception {
        assertEquals(String.format(Locale.ROOT, "%.0f", v), call("fixed", v, 0));
        assertEquals(String.format(Locale.ROOT, "%.1f", v), call("fixed", v, 1));
        assertEquals(String.format(Locale.ROOT, "%,.0f", v), call("grouped", v));
    }

    static Stream<Arguments> tokens() {
        return Stream.of(
                Arguments.of("Prime Minister  Jane\tDoe", false),
                Arguments.of("a\u000Bb\fc\rd\ne", false),
                Arguments.of("solo", false),
                Arguments.of("Secretary, Treasury  ,Deputy", true),
                Arguments.of("a,b", false),
                Arguments.of("x\u00A0y", false));
    }

    @ParameterizedTest(name = "tokens({0}, commas={1}) splits as String.split does, without empty words")
    @MethodSource
    void tokens(String text, boolean commas) throws Exception {
        List<String> expected = Arrays.stream(text.split(commas ? "[\\s,]+" : "\\s+"))
                .filter(w -> !w.isEmpty())
                .toList();
        assertEquals(expected, call("tokens", text, commas));
    }

    static Stream<Arguments> yearMonthOrDate() {
        return Stream.of(
                Arguments.of("2025", true),
                Arguments.of("2025-01", true),
                Arguments.of("2025-01-20", true),
                Arguments.of("2025-1-20", false),
                Arguments.of("20250", false),
                Arguments.of("２０２５", false), // full-width digits are not \\d
                Arguments.of("2025-01-20/2025-01-27", false),
                Arguments.of("", false));
    }

    @ParameterizedTest(name = "isYearMonthOrDate({0}) = {1}, as the regex \\d{4}(-\\d{2}(-\\d{2})?)? says")
    @MethodSource
    void yearMonthOrDate(String text, boolean expected) throws Exception {
        assertEquals(text.matches("\\d{4}(-\\d{2}(-\\d{2})?)?"), expected, "the table itself");
        assertEquals(expected, call("isYearMonthOrDate", text));
    }
}
