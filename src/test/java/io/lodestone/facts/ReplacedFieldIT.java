package io.lodestone.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lodestone.Lodestone;
import io.lodestone.api.FactSet;
import io.lodestone.api.FactSetException;
import io.lodestone.api.Report;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A field marked @replacedBy (Deal.usShare) is read as its replacement with a located warning. */
class ReplacedFieldIT {
    private static Lodestone lodestone;

    @BeforeAll
    static void rules() throws Exception {
        lodestone = Lodestone.fromRules(Path.of("rules"));
    }

    private static String set(String dealFields) {
        return "{\"lodestone\": 1, \"facts\": [\n"
                + "  {\"type\": \"Country\", \"id\": \"n\"}, {\"type\": \"Country\", \"id\": \"s\"},\n"
                + "  {\"type\": \"Policy\", \"id\": \"p\", \"issuer\": \"n\", \"priorities\": [\"economic-return\"]},\n"
                + "  {\"type\": \"Deal\", \"id\": \"d\", \"parties\": [\"n\", \"s\"], \"proposer\": \"n\", \"status\": \"signed\", "
                + "\"resources\": [\"lithium\"], " + dealFields + "}]}";
    }

    private static FactSet load(String json) throws FactSetException {
        return lodestone.load(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "set.json");
    }

    @Test
    void theOldNameStillWorksWithAWarningAtItsPlace() throws Exception {
        FactSet old = load(set("\"usShare\": 0.5"));
        assertEquals(1, old.warnings().size(), old.warnings().toString());
        assertEquals("facts[3].usShare", old.warnings().get(0).path());
        assertEquals(4, old.warnings().get(0).line());
        Report report = lodestone.evaluate(old);
        assertTrue(report.findings().stream().anyMatch(f -> f.getRuleId().equals("ALIGN-RESOURCE-SHARE")));
    }

    @Test
    void theNewNameGivesNoWarning() throws Exception {
        assertEquals(0, load(set("\"beneficiaryShare\": 0.5")).warnings().size());
    }

    @Test
    void bothNamesAtOnceAreAnError() {
        FactSetException e =
                assertThrows(FactSetException.class, () -> load(set("\"usShare\": 0.5, \"beneficiaryShare\": 0.4")));
        assertEquals("facts[3].usShare", e.errors().get(0).path());
    }
}
