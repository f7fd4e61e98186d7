package io.lodestone.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.lodestone.api.FactLocator;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The run-level fields the multitool's Azure DevOps rules (and SARIF2005) ask for. */
class SarifAutomationTest {
    static final Map<String, String> AZURE_PIPELINES = Map.of(
            "TF_BUILD",
            "True",
            "SYSTEM_COLLECTIONURI",
            "https://dev.azure.com/acme/",
            "SYSTEM_TEAMPROJECT",
            "policy",
            "SYSTEM_DEFINITIONID",
            "42",
            "BUILD_DEFINITIONNAME",
            "lodestone-ci",
            "SYSTEM_PHASEID",
            "3dc8fd7e-4368-5a92-293e-d53cefc8c4c3",
            "SYSTEM_PHASENAME",
            "Job",
            "BUILD_SOURCEBRANCH",
            "refs/heads/main",
            "BUILD_BUILDID",
            "1234");

    private static JsonNode sarif(Map<String, String> env) {
        return SarifFormatter.toSarif(SampleRuns.small(), FactLocator.NONE, env);
    }

    @Test
    void driverNamesItselfFully() {
        JsonNode driver = sarif(Map.of()).at("/runs/0/tool/driver");
        assertFalse(driver.path("fullName").asText().isBlank());
        assertTrue(URI.create(driver.path("informationUri").asText()).isAbsolute());
    }

    @Test
    void outsideAzurePipelinesTheIdIsOnlyTheCategory() {
        JsonNode details = sarif(Map.of("CI", "true")).at("/runs/0/automationDetails");
        assertEquals("lodestone/", details.path("id").asText());
        assertTrue(details.path("properties").isMissingNode());
        assertEquals(sarif(Map.of()), sarif(Map.of()), "deterministic");
    }

    @Test
    void inAzurePipelinesTheIdAndPropertiesNameTheBuild() {
        JsonNode details = sarif(AZURE_PIPELINES).at("/runs/0/automationDetails");
        assertEquals(
                "azuredevops/pipeline/build/acme/policy/42/3dc8fd7e-4368-5a92-293e-d53cefc8c4c3/refs/heads/main/1234",
                details.path("id").asText());
        JsonNode props = details.path("properties");
        assertEquals(
                "42", props.path("azuredevops/pipeline/build/buildDefinitionId").asText());
        assertEquals(
                "lodestone-ci",
                props.path("azuredevops/pipeline/build/buildDefinitionName").asText());
        assertEquals(
                "3dc8fd7e-4368-5a92-293e-d53cefc8c4c3",
                props.path("azuredevops/pipeline/build/phaseId").asText());
        assertEquals("Job", props.path("azuredevops/pipeline/build/phaseName").asText());
    }

    @Test
    void organizationFromEitherCollectionUri() {
        assertEquals("acme", SarifAutomation.organization("https://dev.azure.com/acme/"));
        assertEquals("acme", SarifAutomation.organization("https://acme.visualstudio.com/"));
    }
}
