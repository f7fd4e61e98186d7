package io.lodestone.bad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lodestone.Lodestone;
import io.lodestone.api.Diagnostic;
import io.lodestone.api.FactSet;
import io.lodestone.api.FactSetException;
import io.lodestone.api.RunReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The corpus of value mistakes in {@code src/test/resources/values/}: each file is a fact set that is
 * well-formed but holds one value outside its declaration in the bundled model (a misspelled status, a
 * percentage in a fraction, a country typo, a quote not in its source, ...). The manifest
 * {@code expected.json} names the problem it must produce: kind, error or warning, line, column, JSON
 * path and the suggested value. With {@code strict} every one of them keeps the fact set from being
 * evaluated, so no finding can rest on the misread value.
 */
class ValueMistakesCorpusTest {
    private static final Path CORPUS = Path.of("src/test/resources/values");

    private static Lodestone lenient;
    private static Lodestone strict;

    @BeforeAll
    static void compile() throws Exception {
        lenient = Lodestone.builder(Path.of("rules")).build();
        strict = Lodestone.builder(Path.of("rules")).strict(true).build();
    }

    @TestFactory
    Stream<DynamicTest> everyValueMistakeIsReportedAtItsPlaceWithASuggestion() throws IOException {
        JsonNode manifest =
                new ObjectMapper().readTree(CORPUS.resolve("expected.json").toFile());
        Set<String> listed = new TreeSet<>();
        manifest.fieldNames().forEachRemaining(listed::add);
        Set<String> present;
        try (Stream<Path> files = Files.list(CORPUS)) {
            present = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".json") && !n.equals("expected.json"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(present, listed, "every corpus file has a manifest line and every line a file");
        assertTrue(listed.size() >= 20, "at least 20 value mistakes");
        List<DynamicTest> tests = new ArrayList<>();
        for (Map.Entry<String, JsonNode> c : manifest.properties()) {
            tests.add(DynamicTest.dynamicTest(c.getKey(), () -> check(c.getKey(), c.getValue())));
        }
        return tests.stream();
    }

    private static void check(String name, JsonNode expected) throws Exception {
        Path file = CORPUS.resolve(name);
        List<Diagnostic> problems;
        if (expected.get("severity").asText().equals("error")) {
            problems = assertThrows(FactSetException.class, () -> lenient.load(file))
                    .errors();
        } else {
            FactSet loaded = lenient.load(file);
            problems = loaded.warnings();
        }
        String all = problems.stream().map(Diagnostic::toCompilerString).collect(Collectors.joining("\n"));
        assertEquals(1, problems.size(), "one mistake, one message; got:\n" + all);
        Diagnostic e = problems.get(0);
        assertTrue(e.file() != null && e.file().replace('\\', '/').endsWith(name), "file; got:\n" + all);
        assertEquals(expected.get("kind").asText(), e.kind().label(), "kind; got:\n" + all);
        assertEquals(expected.get("line").asInt(), e.line(), "line; got:\n" + all);
        assertEquals(expected.get("column").asInt(), e.column(), "column; got:\n" + all);
        assertEquals(expected.get("path").asText(), e.path(), "JSON path; got:\n" + all);
        assertEquals(
                expected.get("suggestion").isNull()
                        ? null
                        : expected.get("suggestion").asText(),
                e.suggestion(),
                "suggestion; got:\n" + all);

        // --strict: the fact set is refused, so no finding can depend on the misread value
        RunReport run = strict.evaluateAll(List.of(file));
        assertEquals(List.of(), run.reports(), "nothing evaluated under strict");
        assertTrue(
                run.errors().stream()
                        .anyMatch(err -> expected.get("path").asText().equals(err.path())),
                "the mistake is an error under strict: " + run.errors());
    }

    @TestFactory
    Stream<DynamicTest> everyBundledFactSetAndRuleCaseLoadsWithoutErrorsOrWarnings() throws IOException {
        List<Path> sets = new ArrayList<>();
        try (Stream<Path> facts = Files.list(Path.of("facts"));
                Stream<Path> cases = Files.list(Path.of("rules/minerals/tests"))) {
            facts.filter(p -> p.toString().endsWith(".json")).forEach(sets::add);
            cases.filter(p -> p.toString().endsWith(".facts.json")).forEach(sets::add);
        }
        assertTrue(sets.size() > 3);
        return sets.stream()
                .sorted()
                .map(p -> DynamicTest.dynamicTest(p.toString(), () -> {
                    FactSet set = strict.load(p);
                    assertEquals(List.of(), set.warnings());
                    assertNotNull(set.id());
                }));
    }
}
