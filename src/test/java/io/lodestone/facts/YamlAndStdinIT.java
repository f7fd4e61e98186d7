package io.lodestone.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.lodestone.Lodestone;
import io.lodestone.TestFiles;
import io.lodestone.api.Diagnostic;
import io.lodestone.api.FactSetException;
import io.lodestone.api.Report;
import io.lodestone.api.RunReport;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** YAML fact sets and "-" (standard input) give exactly the findings of the JSON file. */
class YamlAndStdinIT {
    private static final Path SEED = Path.of("facts/us-ua-minerals-2025-02.json");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Lodestone lodestone;

    @BeforeAll
    static void compile() throws Exception {
        lodestone = Lodestone.fromRules(Path.of("rules"));
    }

    /** What a finding says, without where it came from. */
    private static List<String> findings(Report r) {
        List<String> out = new ArrayList<>();
        r.findings()
                .forEach(f -> out.add(f.getRuleId() + "|" + f.getSeverity() + "|" + f.getWeight() + "|" + f.getMessage()
                        + "|" + f.getFacts()));
        return out;
    }

    private static String seedAsYaml() throws Exception {
        return new YAMLMapper().writeValueAsString(JSON.readTree(SEED.toFile()));
    }

    @Test
    void yamlFileGivesTheJsonFilesFindings(@TempDir Path dir) throws Exception {
        Path yaml = TestFiles.write(dir.resolve("seed.yaml"), seedAsYaml());
        Path yml = TestFiles.write(dir.resolve("seed.yml"), seedAsYaml());
        Report fromJson = lodestone.evaluate(SEED);
        assertFalse(fromJson.findings().isEmpty());
        for (Path p : List.of(yaml, yml)) {
            Report fromYaml = lodestone.evaluate(p);
            assertEquals(findings(fromJson), findings(fromYaml), p.toString());
            assertEquals(fromJson.alignment().score(), fromYaml.alignment().score());
            assertEquals(fromJson.id(), fromYaml.id());
            assertEquals(p.toString(), fromYaml.file());
        }
    }

    @Test
    void folderWalkTakesYamlAndYmlButNotExpectations(@TempDir Path dir) throws Exception {
        TestFiles.write(dir.resolve("a.yaml"), seedAsYaml());
        TestFiles.write(dir.resolve("b/c.yml"), seedAsYaml().replace("id: \"us-ua-minerals-2025-02\"", "id: \"c\""));
        TestFiles.write(dir.resolve("d.expect.yaml"), "must: []\n");
        TestFiles.write(dir.resolve("notes.txt"), "not a fact set\n");
        FactSetPaths.Expansion e = FactSetPaths.expand(List.of(dir));
        assertEquals(List.of(dir.resolve("a.yaml"), dir.resolve("b/c.yml")), e.files());
        RunReport run = lodestone.evaluateAll(List.of(dir));
        assertEquals(List.of(), run.errors());
        assertEquals(2, run.reports().size());
    }

    @Test
    void yamlErrorsPointIntoTheYamlFile(@TempDir Path dir) {
        Path bad = TestFiles.write(dir.resolve("bad.yaml"), """
                lodestone: 1
                id: bad
                sources:
                  - id: s1
                    title: A source
                facts:
                  - type: Deal
                    id: d1
                    amountUsdd: 5
                  - type: Deall
                    id: d2
                """);
        FactSetException e = assertThrows(FactSetException.class, () -> lodestone.load(bad));
        Diagnostic unknownField = e.errors().stream()
                .filter(x -> "facts[0].amountUsdd".equals(x.path()))
                .findFirst()
                .orElseThrow();
        assertEquals(Diagnostic.Kind.FACT_SHAPE, unknownField.kind());
        assertEquals(bad.toString(), unknownField.file());
        assertEquals(9, unknownField.line());
        assertEquals(5, unknownField.column());
        Diagnostic unknownType = e.errors().stream()
                .filter(x -> "facts[1].type".equals(x.path()))
                .findFirst()
                .orElseThrow();
        assertEquals(Diagnostic.Kind.FACT_TYPE, unknownType.kind());
        assertEquals(10, unknownType.line());
    }

    @Test
    void yamlSyntaxErrorsAreLocated(@TempDir Path dir) {
        Path tab = TestFiles.write(dir.resolve("tab.yml"), "lodestone: 1\nfacts:\n\t- type: Deal\n");
        Diagnostic e = assertThrows(FactSetException.class, () -> lodestone.load(tab))
                .errors()
                .get(0);
        assertEquals(Diagnostic.Kind.YAML_SYNTAX, e.kind());
        assertEquals(3, e.line());
        assertEquals(1, e.column());
        assertFalse(e.message().contains("\n"), "one line");

        Path dup = TestFiles.write(dir.resolve("dup.yaml"), "lodestone: 1\nid: a\nid: b\nfacts: []\n");
        Diagnostic d = assertThrows(FactSetException.class, () -> lodestone.load(dup))
                .errors()
                .get(0);
        assertEquals(Diagnostic.Kind.YAML_SYNTAX, d.kind());
        assertEquals(3, d.line());
        assertEquals(1, d.column());

        Path two = TestFiles.write(dir.resolve("two.yaml"), "lodestone: 1\nfacts: []\n---\nlodestone: 1\nfacts: []\n");
        Diagnostic second = assertThrows(FactSetException.class, () -> lodestone.load(two))
                .errors()
                .get(0);
        assertEquals(Diagnostic.Kind.YAML_SYNTAX, second.kind(), "a second document is not ignored");
        assertEquals(4, second.line(), "the first line of the second document");

        Path empty = TestFiles.write(dir.resolve("empty.yaml"), "");
        assertEquals(
                Diagnostic.Kind.YAML_SYNTAX,
                assertThrows(FactSetException.class, () -> lodestone.load(empty))
                        .errors()
                        .get(0)
                        .kind());
    }

    @Test
    void yamlTooDeepIsALocatedLimitError(@TempDir Path dir) throws Exception {
        Path deep = TestFiles.write(
                dir.resolve("deep.yaml"),
                "lodestone: 1\nfacts:\n  - type: Deal\n    id: d\n    parties: [[[[\"x\"]]]]\n");
        Lodestone shallow = Lodestone.builder(Path.of("rules")).maxDepth(3).build();
        Diagnostic e = assertThrows(FactSetException.class, () -> shallow.load(deep))
                .errors()
                .get(0);
        assertEquals(Diagnostic.Kind.LIMIT, e.kind());
        assertEquals(5, e.line());
        assertEquals(14, e.column(), "the bracket that opens level 4");
    }

    @Test
    void stdinJsonAndYamlGiveTheFilesFindings() throws Exception {
        List<String> expected = findings(lodestone.evaluate(SEED));
        for (byte[] input :
                List.of(Files.readAllBytes(SEED), seedAsYaml().getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
            TestFiles.Run run = withStdin(input, "evaluate", "--format", "json", "-");
            assertEquals(0, run.code(), run.err());
            JsonNode report = JSON.readTree(run.out()).get("reports").get(0);
            assertEquals(Lodestone.STDIN_NAME, report.get("file").asText());
            List<String> got = new ArrayList<>();
            report.get("findings").forEach(f -> got.add(f.get("ruleId").asText()));
            assertEquals(
                    expected.stream().map(s -> s.substring(0, s.indexOf('|'))).toList(), got);
        }
    }

    @Test
    void stdinErrorsAreNamedStdin() throws Exception {
        TestFiles.Run run = withStdin(
                "{\n  \"lodestone\": 1,\n  \"facts\": [ oops ]\n}\n".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "check",
                "--format",
                "json",
                "-");
        assertEquals(3, run.code());
        JsonNode error = JSON.readTree(run.out()).get("errors").get(0);
        assertEquals(Lodestone.STDIN_NAME, error.get("file").asText());
        assertEquals(Diagnostic.Kind.JSON_SYNTAX.label(), error.get("kind").asText());
        assertEquals(3, error.get("line").asInt());
        assertTrue(run.err().isEmpty() || !run.err().contains("no such file"));
    }

    private static TestFiles.Run withStdin(byte[] input, String... args) {
        InputStream saved = System.in;
        System.setIn(new ByteArrayInputStream(input));
        try {
            return TestFiles.cli(args);
        } finally {
            System.setIn(saved);
        }
    }
}
