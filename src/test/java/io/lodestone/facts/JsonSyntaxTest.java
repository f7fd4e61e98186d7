package io.lodestone.facts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Jackson's syntax errors restated for a fact-set author, at the place of the mistake. */
class JsonSyntaxTest {
    /** Parses as the loader does: duplicate keys are errors. */
    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private static JsonParseException failure(String json) {
        try {
            STRICT.readTree(json.getBytes(StandardCharsets.UTF_8));
        } catch (JsonParseException e) {
            return e;
        } catch (IOException e) {
            throw new AssertionError("not a syntax error: " + e, e);
        }
        throw new AssertionError("parsed: " + json);
    }

    static Stream<Arguments> restated() {
        return Stream.of(
                Arguments.of("a comment", "{\"a\": 1, // note\n\"b\": 2}", "comments are not allowed"),
                Arguments.of("a line break in a string", "{\"a\": \"x\ny\"}", "line break inside a string"),
                Arguments.of("a missing bracket", "{\"a\": [1, 2", "unexpected end of file"),
                Arguments.of("a duplicate key", "{\"a\": 1, \"a\": 2}", "duplicate key 'a'"));
    }

    /** The opening words of each restatement are what an author acts on; the rest may be reworded. */
    @ParameterizedTest(name = "{0}")
    @MethodSource
    void restated(String name, String json, String opening) {
        String message = JsonSyntax.message(failure(json));
        assertTrue(message.startsWith(opening), message);
        assertFalse(message.contains("\n"), "one line: " + message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("others")
    void otherErrorsKeepJacksonsWordsWithoutTheSourceEcho(String name, String json) {
        String message = JsonSyntax.message(failure(json));
        assertFalse(message.contains("[Source"), message);
        assertFalse(message.contains("\n"), message);
    }

    static Stream<Arguments> others() {
        return Stream.of(
                Arguments.of("single quotes", "{'a': 1}"),
                Arguments.of("an unquoted key", "{a: 1}"),
                Arguments.of("a missing comma", "{\"a\": 1 \"b\": 2}"));
    }

    /** Only a duplicate key is moved: Jackson reports the place after it. */
    static Stream<Arguments> location() {
        return Stream.of(
                Arguments.of("a duplicate key: the second key itself", "{\"a\": 1,\n \"b\": 2, \"a\": 3}", 2, 10),
                Arguments.of("a duplicate key on the first line", "{\"a\": 1, \"a\": 2}", 1, 10));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void location(String name, String json, int line, int column) {
        byte[] content = json.getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(new int[] {line, column}, JsonSyntax.location(failure(json), content));
    }
}
