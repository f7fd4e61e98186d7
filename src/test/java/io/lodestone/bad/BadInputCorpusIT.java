package io.lodestone.bad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lodestone.Lodestone;
import io.lodestone.TestFiles;
import io.lodestone.api.Diagnostic;
import io.lodestone.api.FactSetException;
import io.lodestone.api.LodestoneException;
import io.lodestone.api.RulesException;
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
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The corpus of broken inputs in {@code src/test/resources/bad/}: each DRL case is compiled together
 * with {@code base/model.drl}, each JSON case is loaded against the bundled rules' model, and the
 * manifest {@code expected.json} names the error it must produce — kind, file, line, and column or JSON
 * path — and how many errors in all (1 unless given: one mistake, one message). Adding a case is one
 * file and one manifest line.
 */
class BadInputCorpusIT {
    private static final Path CORPUS = Path.of("src/test/resources/bad");

    @TempDir
    static Path tmp;

    private static Lodestone bundled;

    @TestFactory
    Stream<DynamicTest> everyBrokenInputGivesItsLocatedError() throws IOException {
        JsonNode manifest =
                new ObjectMapper().readTree(CORPUS.resolve("expected.json").toFile());
        Set<String> listed = new TreeSet<>();
        manifest.fieldNames().forEachRemaining(listed::add);
        Set<String> present = new TreeSet<>();
        for (String folder : List.of("drl", "facts")) {
            try (Stream<Path> walk = Files.list(CORPUS.resolve(folder))) {
                walk.map(p -> CORPUS.relativize(p).toString().replace('\\', '/'))
                        .forEach(present::add);
            }
        }
        Set<String> unlisted = new TreeSet<>(present);
        unlisted.removeAll(listed);
        Set<String> missing = new TreeSet<>(listed);
        missing.removeAll(present);
        assertEquals(Set.of(), unlisted, "corpus files without a line in expected.json");
        assertEquals(Set.of(), missing, "expected.json lines without a corpus file");
        assertTrue(listed.size() >= 25, "at least 25 distinct broken inputs");
        List<DynamicTest> tests = new ArrayList<>();
        for (Map.Entry<String, JsonNode> c : manifest.properties()) {
            tests.add(DynamicTest.dynamicTest(c.getKey(), () -> check(c.getKey(), c.getValue())));
        }
        return tests.stream();
    }

    private static void check(String name, JsonNode expected) throws Exception {
        List<Diagnostic> errors = errorsOf(name);
        String all = errors.stream().map(Diagnostic::toCompilerString).collect(Collectors.joining("\n"));
        assertEquals(expected.path("count").asInt(1), errors.size(), "error count; got:\n" + all);
        Diagnostic e = errors.get(0);
        String fileName = Path.of(name).getFileName().toString();
        assertTrue(e.file() != null && e.file().replace('\\', '/').endsWith(fileName), "file; got:\n" + all);
        assertEquals(expected.get("kind").asText(), e.kind().label(), "kind; got:\n" + all);
        assertEquals(expected.get("line").asInt(), e.line(), "line; got:\n" + all);
        if (expected.has("column")) {
            assertEquals(expected.get("column").asInt(), e.column(), "column; got:\n" + all);
        }
        if (expected.has("path")) {
            assertEquals(expected.get("path").asText(), e.path(), "JSON path; got:\n" + all);
        }
    }

    private static List<Diagnostic> errorsOf(String name) throws Exception {
        Path file = CORPUS.resolve(name);
        LodestoneException thrown;
        if (name.endsWith(".drl")) {
            Path rules = tmp.resolve(name.replace('/', '_').replace(".drl", ""));
            TestFiles.copyTree(CORPUS.resolve("base"), rules.resolve("base"));
            TestFiles.write(rules.resolve("case").resolve(file.getFileName().toString()), Files.readString(file));
            thrown = assertThrows(RulesException.class, () -> Lodestone.fromRules(rules));
        } else {
            thrown = assertThrows(FactSetException.class, () -> bundled().load(file));
        }
        return thrown.errors();
    }

    private static synchronized Lodestone bundled() throws RulesException {
        if (bundled == null) {
            bundled = Lodestone.fromRules(Path.of("rules"));
        }
        return bundled;
    }
}
