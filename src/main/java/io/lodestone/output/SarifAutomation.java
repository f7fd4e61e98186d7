package io.lodestone.output;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * The SARIF run's {@code automationDetails}: which pipeline run produced it. In Azure Pipelines
 * ({@code TF_BUILD}) it has the id and properties GitHub Advanced Security for Azure DevOps requires
 * (multitool rules GHAzDO1014, 1019, 1020), taken from the pipeline's predefined variables; anywhere else
 * the category {@code lodestone/} with no run instance, so the output stays the same from run to run.
 */
final class SarifAutomation {
    static final String CATEGORY = "lodestone/";
    private static final String ADO = "azuredevops/pipeline/build/";

    private SarifAutomation() {}

    static ObjectNode of(Map<String, String> env, String description) {
        ObjectNode details = JsonNodeFactory.instance.objectNode();
        details.putObject("description").put("text", description);
        if (!"true".equalsIgnoreCase(env.get("TF_BUILD"))) {
            details.put("id", CATEGORY);
            return details;
        }
        String definitionId = env.getOrDefault("SYSTEM_DEFINITIONID", "");
        String phaseId = env.getOrDefault("SYSTEM_PHASEID", "");
        // azuredevops/pipeline/build/<org>/<project>/<buildDefId>/<phaseId>/<branch>/<buildId>
        details.put(
                "id",
                ADO + organization(env.getOrDefault("SYSTEM_COLLECTIONURI", "")) + "/"
                        + env.getOrDefault("SYSTEM_TEAMPROJECT", "") + "/" + definitionId + "/" + phaseId + "/"
                        + env.getOrDefault("BUILD_SOURCEBRANCH", "") + "/" + env.getOrDefault("BUILD_BUILDID", ""));
        ObjectNode props = details.putObject("properties");
        props.put(ADO + "buildDefinitionId", definitionId);
        props.put(ADO + "buildDefinitionName", env.getOrDefault("BUILD_DEFINITIONNAME", ""));
        props.put(ADO + "phaseId", phaseId);
        props.put(ADO + "phaseName", env.getOrDefault("SYSTEM_PHASENAME", ""));
        return details;
    }

    /** {@code https://dev.azure.com/ORG/} or {@code https://ORG.visualstudio.com/} to ORG. */
    static String organization(String collectionUri) {
        String u = collectionUri.replaceFirst("^https?://", "");
        if (u.startsWith("dev.azure.com/")) {
            String rest = u.substring("dev.azure.com/".length());
            int slash = rest.indexOf('/');
            return slash < 0 ? rest : rest.substring(0, slash);
        }
        int dot = u.indexOf('.');
        return dot < 0 ? u.replace("/", "") : u.substring(0, dot);
    }
}
