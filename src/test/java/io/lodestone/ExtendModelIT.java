package io.lodestone;

import static io.lodestone.TestFiles.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.lodestone.TestFiles.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An analyst adds a field to a declared type and a rule that reads it: no Java change, no rebuild. */
class ExtendModelIT {
    @Test
    void aNewFieldAndRuleWorkFromTheRulesFolderAlone(@TempDir Path tmp) throws Exception {
        Path rules = TestFiles.copyTree(Path.of("rules"), tmp.resolve("rules"));
        Path model = rules.resolve("minerals/model.drl");
        Files.writeString(
                model,
                Files.readString(model)
                        .replace(
                                "    requiresRatification : Boolean\n",
                                "    requiresRatification : Boolean\n    exclusiveRights : Boolean\n"));
        TestFiles.write(rules.resolve("minerals/exclusivity.drl"), """
                package minerals;
                import io.lodestone.api.Finding;

                rule "Deal grants exclusive rights"
                    @id("RISK-EXCLUSIVE-RIGHTS") @category("RISK") @severity("low")
                    @description("A deal grants one party exclusive rights.")
                when
                    $d : Deal( exclusiveRights == true )
                then
                    insert(new Finding("Deal " + $d.getId() + " grants exclusive rights.", $d));
                end
                """);
        Path facts = TestFiles.write(tmp.resolve("exclusive.json"), """
                {"lodestone": 1, "id": "x", "facts": [
                  {"type": "Deal", "id": "d1", "parties": ["north", "south"], "status": "signed", "exclusiveRights": true}]}
                """);
        Run run = cli("evaluate", "--rules", rules.toString(), "--format", "json", facts.toString());
        assertEquals(0, run.code(), run.err());
        List<JsonNode> exclusive = new ArrayList<>();
        TestFiles.json(run.out()).at("/reports/0/findings").forEach(f -> {
            if (f.get("ruleId").asText().equals("RISK-EXCLUSIVE-RIGHTS")) {
                exclusive.add(f);
            }
        });
        assertEquals(1, exclusive.size(), run.out());
        assertEquals("d1", exclusive.get(0).at("/facts/0").asText(), run.out());
    }
}
