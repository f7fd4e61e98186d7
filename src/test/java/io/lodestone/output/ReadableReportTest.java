package io.lodestone.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lodestone.api.AlignmentBand;
import io.lodestone.api.Category;
import io.lodestone.api.Citation;
import io.lodestone.api.Evidence;
import io.lodestone.api.Fact;
import io.lodestone.api.FactLocator;
import io.lodestone.api.FactSet;
import io.lodestone.api.Finding;
import io.lodestone.api.Report;
import io.lodestone.api.RunReport;
import io.lodestone.api.Severity;
import io.lodestone.api.Source;
import io.lodestone.report.ReportBuilder;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What an analyst reads: bottom line first, evidence with sources on both sides, each quote once, wrapping. */
class ReadableReportTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Report seedReport() {
        return SampleRuns.seed().reports().get(0);
    }

    /** The seed's one generic deal quote: a context fact's quote is given once per report. */
    private static String contextQuote() {
        Report r = seedReport();
        assertFalse(r.context().isEmpty(), "the seed's deal frames many findings");
        return r.context().get(0).quote();
    }

    private static int occurrences(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void eachReportStartsWithItsBottomLine() throws Exception {
        Report r = seedReport();
        assertTrue(r.summary() != null && r.summary().split("(?<=[.!?]) ").length >= 2, r.summary());
        String text = SampleRuns.render("text", SampleRuns.seed());
        assertTrue(text.indexOf("Bottom line") < text.indexOf("Alignment "), "text: bottom line first");
        String md = SampleRuns.render("markdown", SampleRuns.seed());
        assertTrue(md.indexOf("**Bottom line.**") < md.indexOf("**Alignment"), "markdown: bottom line first");
        String html = SampleRuns.render("html", SampleRuns.seed());
        assertTrue(
                html.indexOf("class=\"bottom-line\"") > 0
                        && html.indexOf("class=\"bottom-line\"") < html.indexOf("class=\"score-value\""),
                "html: first");
        JsonNode json = JSON.readTree(SampleRuns.render("json", SampleRuns.seed()));
        assertEquals(r.summary(), json.at("/reports/0/summary").asText());
    }

    @Test
    void contextQuoteAppearsOncePerReportInEveryFormat() {
        String quote = contextQuote();
        assertEquals(1, occurrences(SampleRuns.render("markdown", SampleRuns.seed()), MarkdownFormatter.cell(quote)));
        assertEquals(1, occurrences(SampleRuns.render("html", SampleRuns.seed()), HtmlFormatter.esc(quote)));
        String text = SampleRuns.render("text", SampleRuns.seed()).replaceAll("\\s+", " ");
        assertEquals(1, occurrences(text, quote.replaceAll("\\s+", " ")));
    }

    @Test
    void textQuotesEachSpanOnceAndWrapsToTheWidth() {
        Report r = seedReport();
        Set<String> quotes = new HashSet<>();
        r.findings().forEach(f -> f.getCitations().forEach(c -> {
            if (c.quote() != null) {
                quotes.add(c.quote());
            }
        }));
        for (int width : new int[] {60, 100, 140}) {
            String text = SampleRuns.render(
                    "text", SampleRuns.seed(), new OutputOptions(false, null, FactLocator.NONE, width));
            String flat = text.replaceAll("\\s+", " ");
            for (String q : quotes) {
                assertEquals(
                        1, occurrences(flat, "\u201c" + q.replaceAll("\\s+", " ") + "\u201d"), "quoted once: " + q);
            }
            for (String line : text.lines().toList()) {
                boolean oneWord = line.strip().indexOf(' ') < 0;
                assertTrue(line.length() <= width || oneWord, width + " columns: " + line);
            }
        }
    }

    @Test
    void referenceSideOfAReferenceCheckShowsItsSourceTitle() throws Exception {
        Report r = seedReport();
        Finding check = r.findings().stream()
                .filter(f -> f.getRuleId().equals("INC-CLAIM-CONTRADICTS-REFERENCE"))
                .filter(f -> f.getCitations().stream()
                        .anyMatch(c -> "Reference".equals(c.type()) && c.quote() == null && c.source() > 0))
                .findFirst()
                .orElseThrow();
        Citation reference = check.getCitations().stream()
                .filter(c -> "Reference".equals(c.type()))
                .findFirst()
                .orElseThrow();
        Source source = r.sources().get(reference.source() - 1);
        assertEquals(reference.sourceId(), source.id());
        String title = source.title();
        assertTrue(SampleRuns.render("text", SampleRuns.seed())
                .replaceAll("\\s+", " ")
                .contains(title));
        assertTrue(SampleRuns.render("markdown", SampleRuns.seed()).contains(MarkdownFormatter.cell(title)));
        assertTrue(SampleRuns.render("html", SampleRuns.seed()).contains(HtmlFormatter.esc(title)));
        JsonNode json = JSON.readTree(SampleRuns.render("json", SampleRuns.seed()));
        int n = 0;
        for (JsonNode f : json.at("/reports/0/findings")) {
            for (JsonNode e : f.get("evidence")) {
                if (e.get("fact").asText().equals(reference.fact())) {
                    n = e.get("source").asInt();
                }
            }
        }
        assertEquals(title, json.at("/reports/0/sources/" + (n - 1) + "/title").asText());
    }

    @Test
    void carryingFactsComeBeforeContextFactsAndSourcesAreNumberedInOrder() {
        Report r = seedReport();
        for (Finding f : r.findings()) {
            boolean seenContext = false;
            for (Citation c : f.getCitations()) {
                assertFalse(seenContext && !c.context(), f.getRuleId() + ": carrying after context");
                seenContext |= c.context();
                assertTrue(c.source() >= 0 && c.source() <= r.sources().size());
            }
        }
        assertEquals(
                r.sources().size(),
                r.sources().stream().map(Source::id).distinct().count());
    }

    @Test
    void jsonFindingsCarryEntitiesAndEvidenceBesideFactsAndSources() throws Exception {
        JsonNode findings =
                JSON.readTree(SampleRuns.render("json", SampleRuns.seed())).at("/reports/0/findings");
        boolean namedCountry = false;
        for (JsonNode f : findings) {
            assertTrue(f.get("facts").isArray() && f.get("sources").isArray(), "the old fields stay");
            assertEquals(f.get("facts").size(), f.get("evidence").size(), f.toString());
            for (JsonNode e : f.get("entities")) {
                assertTrue(f.get("message")
                        .asText()
                        .contains(e.get("name").asText().replaceAll(" \\(.*\\)$", "")));
                namedCountry |= "Country".equals(e.get("type").asText())
                        && "us".equals(e.get("id").asText())
                        && "United States".equals(e.get("name").asText());
            }
        }
        assertTrue(namedCountry, "the seed names the United States by name");
    }

    @Test
    void contextIsDecidedByHowManyFindingsCiteAFact() {
        FactSet fs = new FactSet(
                "s",
                null,
                null,
                "s.json",
                List.of(new Source("doc", "A document", "news", null, "https://example.org/doc")),
                List.of(
                        new Fact("Deal", "d", new Object(), "doc", "a deal quote", "facts[0]"),
                        new Fact("Claim", "c1", new Object(), "doc", "claim one", "facts[1]"),
                        new Fact("Claim", "c2", new Object(), null, null, "facts[2]")));
        Finding a = finding("R-A", "d", "c1");
        Finding b = finding("R-B", "c2", "d");
        Finding c = finding("R-C", "d");
        Report r = ReportBuilder.build(fs, List.of(a, b, c), List.of(), 3);
        assertEquals(List.of("d"), r.context().stream().map(Citation::fact).toList());
        Finding placed = r.findings().stream()
                .filter(f -> f.getRuleId().equals("R-B"))
                .findFirst()
                .orElseThrow();
        assertEquals(
                List.of("c2", "d"),
                placed.getCitations().stream().map(Citation::fact).toList());
        assertEquals(
                List.of(false, true),
                placed.getCitations().stream().map(Citation::context).toList());
        assertEquals(1, r.sources().size());
        Report two = ReportBuilder.build(fs, List.of(a, b), List.of(), 3);
        assertTrue(two.context().isEmpty(), "two citing findings are not enough");
        String html = SampleRuns.render("html", new RunReport("h", 3, List.of(r), List.of()));
        assertTrue(html.contains("<a href=\"https://example.org/doc\">"), "the Sources list links the source");
    }

    private static Finding finding(String rule, String... facts) {
        return Finding.of(
                rule,
                Category.RISK,
                Severity.MEDIUM,
                null,
                rule + " fired.",
                List.of(facts),
                List.of(new Evidence("d", "doc", "a deal quote")));
    }

    @Test
    void scaleTextNamesTheBandEdgesTheReportComputes() {
        String scale = ReadableText.scale();
        for (double edge : AlignmentBand.edges()) {
            String n = String.valueOf((long) Math.abs(edge));
            assertTrue(scale.contains((edge > 0 ? "+" : "\u2212") + n), edge + " in " + scale);
        }
    }
}
