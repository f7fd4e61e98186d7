package io.lodestone.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.lodestone.api.Finding;
import io.lodestone.api.Report;
import io.lodestone.api.RunReport;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SarifFormatterTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonSchema schema;

    @BeforeAll
    static void loadSchema() throws Exception {
        try (InputStream in = SarifFormatterTest.class.getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
            assertNotNull(in, "the official SARIF 2.1.0 schema is in src/test/resources/sarif");
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
        }
    }

    private static JsonNode validSarif(RunReport run) throws Exception {
        JsonNode sarif = JSON.readTree(SampleRuns.render("sarif", run));
        Set<ValidationMessage> problems = schema.validate(sarif);
        assertTrue(problems.isEmpty(), "SARIF schema violations: " + problems);
        return sarif;
    }

    @Test
    void seedIsValidSarifWithOneResultPerFindingAndOneRulePerFindingRule() throws Exception {
        RunReport run = SampleRuns.seed();
        JsonNode sarifRun = validSarif(run).get("runs").get(0);
        Report report = run.reports().get(0);
        assertEquals(report.findings().size(), sarifRun.get("results").size());
        long findingRules = run.rules().stream().filter(r -> !r.isDerivation()).count();
        assertEquals(findingRules, sarifRun.at("/tool/driver/rules").size());
        assertTrue(sarifRun.at("/invocations/0/executionSuccessful").asBoolean());

        JsonNode result = sarifRun.get("results").get(0);
        Finding first = report.findings().get(0);
        assertEquals(first.getRuleId(), result.get("ruleId").asText());
        assertEquals(
                first.getRuleId(),
                sarifRun.at("/tool/driver/rules/" + result.get("ruleIndex").asInt() + "/id")
                        .asText());
        assertEquals(
                SarifFormatter.level(first.getSeverity()), result.get("level").asText());
        assertEquals(
                "facts/us-ua-minerals-2025-02.json",
                result.at("/locations/0/physicalLocation/artifactLocation/uri").asText());
        // the region is the first cited fact's object in the file; its logical location names the JSON path
        String path =
                result.at("/locations/0/logicalLocations/0/fullyQualifiedName").asText();
        assertTrue(path.matches("facts\\[\\d+]"), path);
        assertEquals(
                first.getFacts().get(0),
                result.at("/locations/0/logicalLocations/0/name").asText());
        int line = result.at("/locations/0/physicalLocation/region/startLine").asInt();
        List<String> lines = Files.readAllLines(Path.of(report.file()));
        String idLine = "\"id\": \"" + first.getFacts().get(0) + "\"";
        assertTrue(
                lines.get(line - 1).contains(idLine)
                        || lines.get(line).contains(idLine)
                        || lines.get(line - 1).trim().startsWith("{"),
                "line " + line + ": " + lines.get(line - 1));
    }

    @Test
    void levelsFollowSeverity() throws Exception {
        JsonNode sarifRun = validSarif(SampleRuns.small()).get("runs").get(0);
        List<String> levels = new ArrayList<>();
        sarifRun.get("results")
                .forEach(r -> levels.add(
                        r.get("ruleId").asText() + "=" + r.get("level").asText()));
        assertEquals(List.of("ALIGN-Y=note", "RISK-X=error", "INC-Z=warning"), levels);
        List<String> defaults = new ArrayList<>();
        sarifRun.at("/tool/driver/rules")
                .forEach(r -> defaults.add(r.get("id").asText() + "="
                        + r.at("/defaultConfiguration/level").asText() + "/"
                        + r.at("/shortDescription/text").asText()));
        assertEquals(
                List.of(
                        "ALIGN-Y=note/It aligns.",
                        "RISK-X=error/It is risky.",
                        "RISK-QUIET=note/Quiet",
                        "INC-Z=warning/Differs."),
                defaults);
    }

    @Test
    void batchWithLoadErrorIsValidAndReportsTheErrorAsANotification(@TempDir Path dir) throws Exception {
        RunReport run = SampleRuns.batchWithLoadError(dir);
        assertEquals(2, run.reports().size());
        JsonNode sarifRun = validSarif(run).get("runs").get(0);
        assertFalse(sarifRun.at("/invocations/0/executionSuccessful").asBoolean());
        JsonNode notes = sarifRun.at("/invocations/0/toolExecutionNotifications");
        assertEquals(run.errors().size(), notes.size());
        assertEquals("json-syntax", notes.get(0).at("/descriptor/id").asText());
        assertTrue(notes.get(0)
                .at("/locations/0/physicalLocation/artifactLocation/uri")
                .asText()
                .endsWith("broken.json"));
        assertEquals(
                3,
                notes.get(0)
                        .at("/locations/0/physicalLocation/region/startLine")
                        .asInt());
        int findings = run.reports().stream().mapToInt(r -> r.findings().size()).sum();
        assertEquals(findings, sarifRun.get("results").size());
    }

    @Test
    void fingerprintsAreStableAcrossRunsAndDistinguishFactSets(@TempDir Path dir) throws Exception {
        JsonNode a = validSarif(SampleRuns.seed());
        JsonNode b = JSON.readTree(SampleRuns.render(
                "sarif", SampleRuns.lodestone().evaluateAll(List.of(Path.of("facts/us-ua-minerals-2025-02.json")))));
        List<String> fa = fingerprints(a);
        assertEquals(fa, fingerprints(b));
        assertEquals(fa.size(), Set.copyOf(fa).size(), "each finding of the seed has its own fingerprint");
        List<String> both = fingerprints(JSON.readTree(SampleRuns.render("sarif", SampleRuns.batchWithLoadError(dir))));
        assertEquals(2 * fa.size(), Set.copyOf(both).size(), "the same finding in another fact set differs");
    }

    private static List<String> fingerprints(JsonNode sarif) {
        List<String> out = new ArrayList<>();
        sarif.at("/runs/0/results")
                .forEach(r -> out.add(r.at("/partialFingerprints/" + SarifFormatter.FINGERPRINT.replace("/", "~1"))
                        .asText()));
        return out;
    }
}
