package io.lodestone.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lodestone.api.RunReport;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Microsoft's SARIF multitool with GitHub's ingestion rules ({@code validate --rule-kind Gh}) finds no
 * error in our SARIF: for the bundled fact sets, and for a batch with a file that does not load. The
 * tool is the npm package {@code @microsoft/sarif-multitool}; .ci/run installs it under
 * {@code ~/.cache/lodestone/tools} and sets {@code SARIF_MULTITOOL}. Without it the test is skipped with a
 * notice, unless {@code SARIF_MULTITOOL} is set (then a missing tool fails).
 */
class SarifMultitoolIT {
    static final Path CACHED = Path.of(
            System.getProperty("user.home"),
            ".cache/lodestone/tools/sarif-multitool/node_modules/.bin/sarif-multitool");

    @Test
    void githubIngestionRulesFindNoError(@TempDir Path dir) throws Exception {
        String tool = findTool();
        List<String> errors = new ArrayList<>();
        RunReport bundled = SampleRuns.lodestone().evaluateAll(List.of(Path.of("facts")));
        errors.addAll(validate(tool, dir, "bundled", SampleRuns.render("sarif", bundled)));
        errors.addAll(validate(tool, dir, "broken", SampleRuns.render("sarif", SampleRuns.batchWithLoadError(dir))));
        assertEquals(List.of(), errors, "sarif-multitool validate --rule-kind Gh");
    }

    /**
     * The Azure DevOps rules (GHAzDO) need the pipeline's build identity in automationDetails, which
     * Lodestone writes when it runs in Azure Pipelines; the test gives it that pipeline's variables.
     */
    @Test
    void azureDevOpsRulesFindNoErrorInAPipeline(@TempDir Path dir) throws Exception {
        String tool = findTool();
        List<String> errors = new ArrayList<>();
        RunReport bundled = SampleRuns.lodestone().evaluateAll(List.of(Path.of("facts")));
        errors.addAll(validate(tool, dir, "ado-bundled", inAzurePipelines(bundled), "Ado"));
        errors.addAll(validate(tool, dir, "ado-broken", inAzurePipelines(SampleRuns.batchWithLoadError(dir)), "Ado"));
        assertEquals(List.of(), errors, "sarif-multitool validate --rule-kind Ado");
    }

    private static String inAzurePipelines(RunReport run) throws Exception {
        java.io.StringWriter out = new java.io.StringWriter();
        JsonDocuments.write(SarifFormatter.toSarif(run, run.locator(), SarifAutomationTest.AZURE_PIPELINES), out);
        return out.toString();
    }

    private static List<String> validate(String tool, Path dir, String name, String sarif) throws Exception {
        return validate(tool, dir, name, sarif, "Gh");
    }

    private static List<String> validate(String tool, Path dir, String name, String sarif, String ruleKind)
            throws Exception {
        Path input = dir.resolve(name + ".sarif");
        Path output = dir.resolve(name + ".validation.sarif");
        Files.writeString(input, sarif);
        Process p = new ProcessBuilder(
                        tool,
                        "validate",
                        "--rule-kind",
                        ruleKind,
                        "--log",
                        "ForceOverwrite",
                        "--output",
                        output.toString(),
                        input.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile())
                .start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("sarif-multitool did not finish within 180 s");
        }
        String log = Files.readString(dir.resolve(name + ".log"), StandardCharsets.UTF_8);
        assertTrue(Files.exists(output), "the multitool wrote its result (exit " + p.exitValue() + "):\n" + log);
        JsonNode result = new ObjectMapper().readTree(output.toFile());
        assertTrue(
                result.at("/runs/0/tool/driver/name")
                        .asText()
                        .toLowerCase(java.util.Locale.ROOT)
                        .contains("sarif"),
                "the validation log comes from the multitool");
        List<String> errors = new ArrayList<>();
        for (JsonNode r : result.at("/runs/0/results")) {
            if ("error".equals(r.path("level").asText("warning"))) {
                errors.add(name + ": " + r.path("ruleId").asText() + " " + r.path("message"));
            }
        }
        return errors;
    }

    private static String findTool() {
        String configured = System.getenv("SARIF_MULTITOOL");
        if (configured != null && !configured.isBlank()) {
            return Files.isExecutable(Path.of(configured))
                    ? configured
                    : fail("SARIF_MULTITOOL=" + configured + " is not an executable file");
        }
        if (Files.isExecutable(CACHED)) {
            return CACHED.toString();
        }
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator, -1)) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, "sarif-multitool"))) {
                return Path.of(d, "sarif-multitool").toString();
            }
        }
        String notice = "SarifMultitoolIT skipped: Microsoft's SARIF multitool is not installed (.ci/run installs "
                + "it: npm install --prefix ~/.cache/lodestone/tools/sarif-multitool @microsoft/sarif-multitool)";
        System.err.println(notice);
        Assumptions.abort(notice);
        return null;
    }
}
