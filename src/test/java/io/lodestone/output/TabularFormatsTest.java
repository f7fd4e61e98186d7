package io.lodestone.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lodestone.api.Finding;
import io.lodestone.api.Report;
import io.lodestone.api.RunReport;
import io.lodestone.api.Severity;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** jsonl, csv and junit: parsed back with standard parsers and compared with the report. */
class TabularFormatsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void csvRoundTripsThroughACsvParser() throws Exception {
        RunReport run = SampleRuns.small();
        List<CSVRecord> rows = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(SampleRuns.render("csv", run)))
                .getRecords();
        List<Finding> findings = run.reports().get(0).findings();
        assertEquals(findings.size(), rows.size());
        for (int i = 0; i < rows.size(); i++) {
            CSVRecord row = rows.get(i);
            Finding f = findings.get(i);
            assertEquals("set-<1>", row.get("factSet"));
            assertEquals("sets/one.json", row.get("file"));
            assertEquals(f.getRuleId(), row.get("ruleId"));
            assertEquals(f.getCategory().name(), row.get("category"));
            assertEquals(f.getSeverity().label(), row.get("severity"));
            assertEquals(f.getWeight() == null ? "" : String.valueOf(f.getWeight()), row.get("weight"));
            assertEquals(f.getMessage(), row.get("message"), "quotes, commas and newlines survive");
            assertEquals(f.getFacts(), List.of(row.get("facts").split(" ")));
        }
    }

    @Test
    void csvOfTheSeedHasARowPerFinding() throws Exception {
        RunReport run = SampleRuns.seed();
        List<CSVRecord> rows = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(SampleRuns.render("csv", run)))
                .getRecords();
        assertEquals(run.reports().get(0).findings().size(), rows.size());
        assertEquals(List.of(CsvFormatter.HEADER), rows.get(0).getParser().getHeaderNames());
    }

    @Test
    void jsonLinesHasOneObjectPerFindingAndPerError(@TempDir Path dir) throws Exception {
        RunReport run = SampleRuns.batchWithLoadError(dir);
        String[] lines = SampleRuns.render("jsonl", run).split("\n");
        int findings = run.reports().stream().mapToInt(r -> r.findings().size()).sum();
        assertEquals(findings + run.errors().size(), lines.length);
        JsonNode first = JSON.readTree(lines[0]);
        Report report = run.reports().get(0);
        assertEquals("finding", first.get("type").asText());
        assertEquals(report.id(), first.get("factSet").asText());
        assertEquals(report.file(), first.get("file").asText());
        assertEquals(report.findings().get(0).getRuleId(), first.get("ruleId").asText());
        JsonNode last = JSON.readTree(lines[lines.length - 1]);
        assertEquals("error", last.get("type").asText());
        assertEquals("json-syntax", last.get("kind").asText());
        Set<String> sets = java.util.Arrays.stream(lines)
                .map(l -> {
                    try {
                        return JSON.readTree(l).path("factSet").asText("");
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toSet());
        assertEquals(Set.of("us-ua-minerals-2025-02", "second-copy"), sets);
    }

    @Test
    void hostileMessageStaysOnOneJsonLine() throws Exception {
        String[] lines = SampleRuns.render("jsonl", SampleRuns.small()).lines().toArray(String[]::new);
        assertEquals(4, lines.length);
        assertEquals(SampleRuns.HOSTILE, JSON.readTree(lines[1]).get("message").asText());
    }

    @Test
    void junitCountsMatchTheReport(@TempDir Path dir) throws Exception {
        RunReport run = SampleRuns.batchWithLoadError(dir);
        String xml = SampleRuns.render("junit", run, new OutputOptions(false, Severity.MEDIUM));
        Document doc =
                DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        NodeList suites = doc.getElementsByTagName("testsuite");
        assertEquals(run.reports().size() + 1, suites.getLength(), "a suite per fact set and one for load errors");
        long findingRules = run.rules().stream().filter(r -> !r.isDerivation()).count();
        int totalFailures = 0;
        for (int i = 0; i < run.reports().size(); i++) {
            Report report = run.reports().get(i);
            Element suite = (Element) suites.item(i);
            assertEquals(report.id(), suite.getAttribute("name"));
            assertEquals(findingRules, Long.parseLong(suite.getAttribute("tests")));
            long failing = report.findings().stream()
                    .filter(f -> f.getSeverity().atLeast(Severity.MEDIUM))
                    .map(Finding::getRuleId)
                    .distinct()
                    .count();
            assertTrue(failing > 0);
            assertEquals(failing, Long.parseLong(suite.getAttribute("failures")));
            assertEquals(failing, suite.getElementsByTagName("failure").getLength());
            totalFailures += (int) failing;
        }
        Element loadSuite = (Element) suites.item(run.reports().size());
        assertEquals(JUnitFormatter.LOAD_SUITE, loadSuite.getAttribute("name"));
        assertEquals(run.errors().size(), Integer.parseInt(loadSuite.getAttribute("errors")));
        assertEquals(
                run.errors().size(), loadSuite.getElementsByTagName("error").getLength());
        Element root = doc.getDocumentElement();
        assertEquals(totalFailures, Integer.parseInt(root.getAttribute("failures")));
        assertEquals(run.errors().size(), Integer.parseInt(root.getAttribute("errors")));
    }

    @Test
    void junitFailsNothingWithoutFailOn() throws Exception {
        String xml = SampleRuns.render("junit", SampleRuns.seed());
        Document doc =
                DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        assertEquals(0, doc.getElementsByTagName("failure").getLength());
        assertEquals("0", doc.getDocumentElement().getAttribute("failures"));
    }

    @Test
    void junitFailsOnlyRulesAtOrAboveTheThreshold() throws Exception {
        String xml = SampleRuns.render("junit", SampleRuns.small(), new OutputOptions(false, Severity.HIGH));
        Document doc =
                DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        NodeList failures = doc.getElementsByTagName("failure");
        assertEquals(1, failures.getLength());
        assertEquals("RISK-X", ((Element) failures.item(0).getParentNode()).getAttribute("name"));
        // four finding rules (the derivation rule is not a test), all listed, including the silent one
        assertEquals("4", ((Element) doc.getElementsByTagName("testsuite").item(0)).getAttribute("tests"));
    }
}
