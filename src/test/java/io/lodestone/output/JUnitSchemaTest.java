package io.lodestone.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lodestone.api.Diagnostic;
import io.lodestone.api.Diagnostic.Kind;
import io.lodestone.api.Diagnostic.Location;
import io.lodestone.api.RunReport;
import io.lodestone.api.Severity;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/** The junit format against the Jenkins xunit plugin's junit-10.xsd, the schema Surefire's reports pass. */
class JUnitSchemaTest {
    private static Validator validator() throws SAXException {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        return factory.newSchema(JUnitSchemaTest.class.getResource("/junit/junit-10.xsd"))
                .newValidator();
    }

    private static void validate(String xml) throws Exception {
        validator().validate(new StreamSource(new StringReader(xml)));
    }

    @Test
    void seedRunIsValid() throws Exception {
        validate(SampleRuns.render("junit", SampleRuns.seed()));
        validate(SampleRuns.render("junit", SampleRuns.seed(), new OutputOptions(false, Severity.HIGH)));
    }

    @Test
    void brokenBatchIsValidWithUniqueNames(@TempDir Path dir) throws Exception {
        RunReport batch = SampleRuns.batchWithLoadError(dir);
        // two problems in one file and one without a location: their testcases must still differ
        List<Diagnostic> errors = List.of(
                batch.errors().get(0),
                Diagnostic.fact(Kind.FACT_SHAPE, Location.at("x.json", 3, 5).withPath("facts[0]"), "one"),
                Diagnostic.fact(Kind.FACT_SHAPE, Location.at("x.json", 3, 5).withPath("facts[0].id"), "two"),
                Diagnostic.io("gone.json", "no such file"),
                Diagnostic.io("gone.json", "no such file"));
        RunReport run = new RunReport(
                batch.rulesHash(),
                batch.ruleCount(),
                batch.reports(),
                errors,
                List.of(),
                batch.rules(),
                batch.locator());
        String xml = SampleRuns.render("junit", run, new OutputOptions(false, Severity.MEDIUM));
        validate(xml);

        Document doc =
                DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        NodeList suites = doc.getElementsByTagName("testsuite");
        for (int i = 0; i < suites.getLength(); i++) {
            NodeList cases = ((Element) suites.item(i)).getElementsByTagName("testcase");
            Set<String> names = new HashSet<>();
            for (int j = 0; j < cases.getLength(); j++) {
                Element c = (Element) cases.item(j);
                assertTrue(
                        names.add(c.getAttribute("classname") + "/" + c.getAttribute("name")),
                        "duplicate testcase " + c.getAttribute("name"));
                assertEquals("", c.getAttribute("file"), "junit-10 has no testcase@file");
            }
        }
        Element first = (Element) suites.item(0);
        Element property = (Element) first.getElementsByTagName("property").item(0);
        assertEquals("file", property.getAttribute("name"));
        assertEquals(run.reports().get(0).file(), property.getAttribute("value"));
        assertEquals(
                errors.size(),
                ((Element) suites.item(suites.getLength() - 1))
                        .getElementsByTagName("error")
                        .getLength(),
                "nothing is lost in a broken batch");
    }

    @Test
    void schemaRejectsATestcaseFileAttribute() {
        String bad = "<testsuites><testsuite name=\"s\" tests=\"1\" failures=\"0\" errors=\"0\">"
                + "<testcase name=\"c\" file=\"f.json\"/></testsuite></testsuites>";
        assertThrows(SAXException.class, () -> validate(bad), "the schema is strict enough to catch the old output");
    }
}
