package io.lodestone.facts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Finding a JSON path's line and column in a document, and the first too-deep bracket. */
class JsonLocatorTest {
    private static final byte[] DOC = String.join(
                    "\n",
                    "{", // 1
                    "  \"lodestone\": 1,", // 2
                    "  \"facts\": [", // 3
                    "    {\"type\": \"Deal\", \"id\": \"d1\"},", // 4
                    "    {\"type\": \"Deal\", \"id\": \"d2\",", // 5
                    "     \"amount\": 5}", // 6
                    "  ]", // 7
                    "}")
            .getBytes(StandardCharsets.UTF_8);

    static Stream<Arguments> locate() {
        return Stream.of(
                Arguments.of("", new int[] {1, 1}),
                Arguments.of("lodestone", new int[] {2, 3}),
                Arguments.of("facts", new int[] {3, 3}),
                Arguments.of("facts[0]", new int[] {4, 5}),
                Arguments.of("facts[0].id", new int[] {4, 22}),
                Arguments.of("facts[1].amount", new int[] {6, 6}),
                // a path that does not exist resolves to its nearest existing parent
                Arguments.of("facts[1].missing", new int[] {5, 5}),
                Arguments.of("facts[7].id", new int[] {3, 3}),
                Arguments.of("nothing.here", new int[] {1, 1}));
    }

    @ParameterizedTest(name = "path ''{0}''")
    @MethodSource
    void locate(String path, int[] expected) {
        assertArrayEquals(expected, JsonLocator.locate(DOC, path));
    }

    @org.junit.jupiter.api.Test
    void locatingManyPathsInOnePassGivesWhatLocatingEachGives() {
        java.util.List<String> paths = java.util.List.of(
                "",
                "lodestone",
                "facts",
                "facts[0]",
                "facts[0].id",
                "facts[1].amount",
                "facts[1].missing",
                "facts[7].id",
                "nothing.here",
                "facts[1]",
                "facts[1].type",
                "facts[0].type.deeper[3]");
        java.util.Map<String, int[]> all =
                JsonLocator.locateAll(new com.fasterxml.jackson.core.JsonFactory(), f -> f.createParser(DOC), paths);
        for (String path : paths) {
            assertArrayEquals(JsonLocator.locate(DOC, path), all.get(path), path);
        }
        byte[] cut = "{\"facts\": [".getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(
                JsonLocator.locate(cut, "facts[0].id"),
                JsonLocator.locateAll(
                                new com.fasterxml.jackson.core.JsonFactory(),
                                f -> f.createParser(cut),
                                java.util.List.of("facts[0].id"))
                        .get("facts[0].id"));
    }

    @ParameterizedTest(name = "document ''{0}''")
    @CsvSource({"''", "'   '", "}", "]"})
    void aDocumentWithoutARootHasNoLocation(String json) {
        assertArrayEquals(null, JsonLocator.locate(json.getBytes(StandardCharsets.UTF_8), "facts[0]"));
    }

    @org.junit.jupiter.api.Test
    void aDocumentCutShortIsLocatedAsFarAsItGoes() {
        byte[] cut = "{\"facts\": [".getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(new int[] {1, 2}, JsonLocator.locate(cut, "facts[0].id"));
    }

    @ParameterizedTest(name = "parent of ''{0}''")
    @CsvSource({
        "facts[12].amountUsd, facts[12]",
        "facts[12], facts",
        "facts, ''",
        "'', ''",
        "facts[0].sources[1].ref, facts[0].sources[1]"
    })
    void parent(String path, String parent) {
        assertEquals(parent, JsonLocator.parent(path));
    }

    static Stream<Arguments> deeperThan() {
        return Stream.of(
                Arguments.of("one level too deep", "{\"a\": [[1]]}", 2, new int[] {1, 8}),
                Arguments.of("within the limit", "{\"a\": [[1]]}", 3, null),
                Arguments.of("brackets inside a string", "{\"a\": \"[[[[\"}", 1, null),
                Arguments.of("an escaped quote inside a string", "{\"a\": \"\\\"[[\"}", 1, null),
                Arguments.of("on a later line", "{\n  \"a\": [\n [1]]}", 2, new int[] {3, 2}),
                Arguments.of("siblings do not add up", "[[], [], []]", 2, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void deeperThan(String name, String json, int maxDepth, int[] expected) {
        assertArrayEquals(expected, JsonLocator.deeperThan(json.getBytes(StandardCharsets.UTF_8), maxDepth));
    }
}
