package io.lodestone.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.lodestone.api.Diagnostic;
import io.lodestone.api.Fact;
import io.lodestone.api.FactSet;
import io.lodestone.api.FactSetException;
import io.lodestone.engine.DeclaredType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The loader against hand-made declared types (plain Java beans standing in for DRL {@code declare}s):
 * binding, the value checks and references, without compiling any rule.
 */
class FactSetLoaderBindingTest {
    /** Stands in for {@code declare Country id : String name : String end}. */
    public static final class Country {
        private String id;
        private String name;

        public String getId() {
            return id;
        }

        public void setId(String id) {
            this.id = id;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }
    }

    /** Stands in for a Deal with a number, an integer, a list and a {@code @ref(Country)} field. */
    public static final class Deal {
        private String id;
        private Double amountUsd = 0.0; // as Drools initialises a declared Double
        private Integer year;
        private List<String> parties;
        private String country;

        public String getId() {
            return id;
        }

        public void setId(String id) {
            this.id = id;
        }

        public Double getAmountUsd() {
            return amountUsd;
        }

        public void setAmountUsd(Double amountUsd) {
            this.amountUsd = amountUsd;
        }

        public Integer getYear() {
            return year;
        }

        public void setYear(Integer year) {
            this.year = year;
        }

        public List<String> getParties() {
            return parties;
        }

        public void setParties(List<String> parties) {
            this.parties = parties;
        }

        public String getCountry() {
            return country;
        }

        public void setCountry(String country) {
            this.country = country;
        }
    }

    private static final Map<String, DeclaredType> TYPES = Map.of(
            "Country",
                    new DeclaredType(
                            "Country",
                            "m.Country",
                            Country.class,
                            Map.of("id", String.class, "name", String.class),
                            "rules/m/model.drl",
                            3),
            "Deal",
                    new DeclaredType(
                            "Deal",
                            "m.Deal",
                            Deal.class,
                            Map.of(
                                    "id",
                                    String.class,
                                    "amountUsd",
                                    Double.class,
                                    "year",
                                    Integer.class,
                                    "parties",
                                    List.class,
                                    "country",
                                    String.class),
                            "rules/m/model.drl",
                            8,
                            Map.of("country", "Country")));

    private static String set(String facts) {
        return "{\"lodestone\": 1, \"id\": \"s\", \"facts\": [\n" + facts + "\n]}";
    }

    private static FactSet load(String json) throws FactSetException {
        return new FactSetLoader(TYPES).load(json.getBytes(StandardCharsets.UTF_8), "s.json");
    }

    @Test
    void factsBindToTheirDeclaredTypes() throws Exception {
        FactSet set = load(set("""
                {"type": "Country", "id": "ua", "name": "Ukraine"},
                {"type": "Deal", "id": "d1", "amountUsd": 3.5e11, "year": 2025, "parties": ["ua"], "country": "ua"}"""));
        assertEquals(
                List.of("Country ua", "Deal d1"),
                set.facts().stream().map(f -> f.type() + " " + f.id()).toList());
        Deal deal = (Deal) set.facts().get(1).value();
        assertEquals(3.5e11, deal.getAmountUsd());
        assertEquals(2025, deal.getYear());
        assertEquals(List.of("ua"), deal.getParties());
        assertEquals("facts[1]", set.facts().get(1).path());
    }

    @Test
    void anAbsentNumberIsUnknownNotZero() throws Exception {
        Fact deal = load(set("{\"type\": \"Deal\", \"id\": \"d1\"}")).facts().get(0);
        assertNull(((Deal) deal.value()).getAmountUsd());
    }

    static Stream<Arguments> rejected() {
        return Stream.of(
                Arguments.of(
                        "an unknown type",
                        "{\"type\": \"Dael\", \"id\": \"d1\"}",
                        List.of("fact-type facts[0].type 2")),
                Arguments.of(
                        "an unknown field",
                        "{\"type\": \"Deal\", \"id\": \"d1\", \"amount\": 1}",
                        List.of("fact-shape facts[0].amount 2")),
                Arguments.of(
                        "a number as a string",
                        "{\"type\": \"Deal\", \"id\": \"d1\", \"amountUsd\": \"5\"}",
                        List.of("fact-value facts[0].amountUsd 2")),
                Arguments.of(
                        "a fraction for an integer",
                        "{\"type\": \"Deal\", \"id\": \"d1\", \"year\": 2025.5}",
                        List.of("fact-value facts[0].year 2")),
                Arguments.of(
                        "a list as a string",
                        "{\"type\": \"Deal\", \"id\": \"d1\", \"parties\": \"ua\"}",
                        List.of("fact-value facts[0].parties 2")),
                Arguments.of("a missing id", "{\"type\": \"Deal\"}", List.of("fact-shape facts[0] 2")),
                Arguments.of(
                        "a duplicate id",
                        "{\"type\": \"Country\", \"id\": \"x\"},\n{\"type\": \"Deal\", \"id\": \"x\"}",
                        List.of("fact-shape facts[1].id 3")),
                Arguments.of(
                        "a reference to no fact",
                        "{\"type\": \"Deal\", \"id\": \"d1\", \"country\": \"xx\"}",
                        List.of("fact-reference facts[0].country 2")),
                Arguments.of(
                        "a reference to a fact of another type",
                        "{\"type\": \"Deal\", \"id\": \"d0\"},\n{\"type\": \"Deal\", \"id\": \"d1\", \"country\": \"d0\"}",
                        List.of("fact-reference facts[1].country 3")),
                Arguments.of(
                        "every error of a set, not only the first",
                        "{\"type\": \"Dael\", \"id\": \"d1\"},\n{\"type\": \"Deal\", \"id\": \"d2\", \"year\": \"x\"}",
                        List.of("fact-type facts[0].type 2", "fact-value facts[1].year 3")));
    }

    /** Errors compared as "kind path line": what and where, not the wording. */
    @ParameterizedTest(name = "{0}")
    @MethodSource
    void rejected(String name, String facts, List<String> errors) {
        FactSetException e = assertThrows(FactSetException.class, () -> load(set(facts)));
        assertEquals(
                errors,
                e.errors().stream()
                        .map(x -> x.kind() + " " + x.path() + " " + x.line())
                        .toList(),
                e.errors().toString());
        e.errors().forEach(x -> assertEquals("s.json", x.file()));
    }

    static Stream<Arguments> envelope() {
        return Stream.of(
                Arguments.of("a missing version", "{\"id\": \"s\", \"facts\": []}", "fact-shape lodestone"),
                Arguments.of("another version", "{\"lodestone\": 2, \"facts\": []}", "fact-shape lodestone"),
                Arguments.of("facts not an array", "{\"lodestone\": 1, \"facts\": {}}", "fact-shape facts"),
                Arguments.of(
                        "an unknown envelope field",
                        "{\"lodestone\": 1, \"fcts\": [], \"facts\": []}",
                        "fact-shape fcts"),
                Arguments.of("a top-level array", "[]", "fact-shape $"),
                Arguments.of("a syntax error", "{\"lodestone\": 1,, \"facts\": []}", "json-syntax null"),
                Arguments.of("an empty file", "", "json-syntax null"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void envelope(String name, String json, String error) {
        FactSetException e = assertThrows(FactSetException.class, () -> load(json));
        assertEquals(
                error,
                e.errors().get(0).kind() + " " + e.errors().get(0).path(),
                e.errors().toString());
    }

    @Test
    void lenientLoadingDropsUnknownFieldsWithAWarning() throws Exception {
        FactSet set = new FactSetLoader(TYPES, FactSetLoader.DEFAULT_MAX_BYTES, FactSetLoader.DEFAULT_MAX_DEPTH, true)
                .load(
                        set("{\"type\": \"Deal\", \"id\": \"d1\", \"amount\": 1}")
                                .getBytes(StandardCharsets.UTF_8),
                        "s.json");
        assertEquals(List.of("d1"), set.facts().stream().map(Fact::id).toList());
        assertEquals(
                List.of("facts[0].amount"),
                set.warnings().stream().map(Diagnostic::path).toList());
    }

    @Test
    void limitsAreLocated() {
        FactSetLoader small = new FactSetLoader(TYPES, 40, 3, false);
        FactSetException big = assertThrows(
                FactSetException.class,
                () -> small.load(set("{\"type\": \"Country\", \"id\": \"ua\"}").getBytes(StandardCharsets.UTF_8), "s"));
        assertEquals(Diagnostic.Kind.LIMIT, big.errors().get(0).kind());
        FactSetException deep = assertThrows(
                FactSetException.class, () -> small.load("{\"a\": [[[1]]]}".getBytes(StandardCharsets.UTF_8), "s"));
        assertEquals(
                List.of(Diagnostic.Kind.LIMIT, 1, 9),
                List.of(
                        deep.errors().get(0).kind(),
                        deep.errors().get(0).line(),
                        deep.errors().get(0).column()));
    }

    private static List<String> problems(FactSetException e) {
        return e.errors().stream()
                .map(x -> x.kind() + " " + x.path() + " " + x.message())
                .toList();
    }

    @Test
    void theEnvelopesKeysMayComeInAnyOrderWithTheSameProblemsInTheSameOrder() {
        String facts = """
                "facts": [
                  {"type": "Deal", "id": "d1", "country": "nowhere", "source": {"ref": "art"}, "colour": "red"},
                  {"type": "Country", "id": "ua", "source": {"ref": "missing"}},
                  {"type": "Deal", "id": "d2", "country": "ua", "year": 2.5}
                ]""";
        String rest = """
                "lodestone": 2, "note": "x", "asOf": "yesterday",
                "sources": [{"id": "art"}]""";
        FactSetException envelopeFirst =
                assertThrows(FactSetException.class, () -> load("{" + rest + ",\n" + facts + "}"));
        FactSetException factsFirst =
                assertThrows(FactSetException.class, () -> load("{" + facts + ",\n" + rest + "}"));
        assertEquals(problems(envelopeFirst), problems(factsFirst));
        assertEquals(
                List.of(
                        "fact-shape note",
                        "fact-shape lodestone",
                        "fact-value asOf",
                        "fact-shape facts[0].colour",
                        "fact-reference facts[1].source.ref",
                        "fact-value facts[2].year",
                        "fact-reference facts[0].country"),
                problems(factsFirst).stream()
                        .map(p -> p.substring(0, p.indexOf(' ', p.indexOf(' ') + 1)))
                        .toList());
        // each is located where it is in its own document
        assertEquals(Integer.valueOf(4), envelopeFirst.errors().get(3).line());
        assertEquals(Integer.valueOf(2), factsFirst.errors().get(3).line());
        factsFirst.errors().forEach(e -> assertNotNull(e.line(), e.toString()));
    }

    @Test
    void aFileStreamedFromDiskIsReadAsTheSameBytesInMemory(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp)
            throws Exception {
        String json = set("""
                {"type": "Country", "id": "ua", "name": "Ukraine"},
                {"type": "Deal", "id": "d1", "country": "ru", "year": 1e400, "amountUsd": 0.0}""");
        java.nio.file.Path file = tmp.resolve("s.json");
        java.nio.file.Files.writeString(file, json);
        // what load(Path) does with a file over IN_MEMORY_BYTES
        FactSetException fromDisk = assertThrows(FactSetException.class, () -> new FactSetLoader(TYPES)
                .streamFromDisk(file, file.toString(), file.getParent()));
        FactSetException inMemory = assertThrows(FactSetException.class, () -> new FactSetLoader(TYPES)
                .load(json.getBytes(StandardCharsets.UTF_8), file.toString()));
        assertEquals(inMemory.errors(), fromDisk.errors());
        assertEquals(2, fromDisk.errors().size(), fromDisk.errors().toString());
        FactSet good = new FactSetLoader(TYPES)
                .streamFromDisk(
                        java.nio.file.Files.writeString(
                                tmp.resolve("g.json"), set("{\"type\": \"Country\", \"id\": \"ua\"}")),
                        "g.json",
                        tmp);
        assertEquals(List.of("ua"), good.facts().stream().map(Fact::id).toList());
    }

    @Test
    void aNumberTooSmallForADoubleIsFoundWhileStreamingAndAZeroIsNot() throws Exception {
        FactSet zero = load(set("{\"type\": \"Deal\", \"id\": \"d1\", \"amountUsd\": 0.0}"));
        assertEquals(0.0, ((Deal) zero.facts().get(0).value()).getAmountUsd());
        String json = set("{\"type\": \"Deal\", \"id\": \"d1\", \"amountUsd\": 0.0},\n"
                + "{\"type\": \"Deal\", \"id\": \"d2\", \"amountUsd\": 1e-400, \"colour\": 1}");
        FactSetException tiny = assertThrows(FactSetException.class, () -> load(json));
        assertEquals(
                List.of(Diagnostic.Kind.FACT_VALUE, 3, JsonLocator.underflow(json.getBytes(StandardCharsets.UTF_8))[1]),
                List.of(
                        tiny.errors().get(0).kind(),
                        tiny.errors().get(0).line(),
                        tiny.errors().get(0).column()));
        assertEquals(1, tiny.errors().size(), "the underflow alone, as when the file is read whole");
    }
}
