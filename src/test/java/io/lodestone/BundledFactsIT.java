package io.lodestone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lodestone.api.Category;
import io.lodestone.api.Report;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The bundled rules over the bundled seed fact set: what a careful analyst finds in the article. */
class BundledFactsIT {
    static final Path SEED = Path.of("facts/us-ua-minerals-2025-02.json");
    static Lodestone lodestone;

    @BeforeAll
    static void compile() throws Exception {
        lodestone = Lodestone.fromRules(Path.of("rules"));
    }

    @Test
    void theSeedYieldsEveryPointTheArticleSupportsAndNothingElse() throws Exception {
        Report report = lodestone.evaluate(SEED);
        List<String> got = report.findings().stream()
                .map(f -> f.getRuleId() + " " + String.join(",", f.getFacts()))
                .sorted()
                .toList();
        assertEquals(
                List.of(
                        "ALIGN-AID-RETURN deal-minerals,policy-af-investment,claim-deal-links-aid",
                        "ALIGN-DEPENDENCE-REMAINS deal-minerals,policy-af-investment,rel-us-cn,ms-cn-ree-refining,"
                                + "ms-cn-li-refining,ms-cn-co-refining",
                        "ALIGN-OPEN-ENDED-COMMITMENT deal-minerals,policy-america-first,dep-ree-east-dnipro,dep-li-kruta-balka",
                        "ALIGN-RECOVERS-PAST-SPENDING deal-minerals,policy-america-first,claim-repays-past-aid,aid-trump,"
                                + "aid-other-sources,aid-appropriated",
                        "ALIGN-REDUCES-ADVERSARY-DEPENDENCE deal-minerals,policy-af-investment,rel-us-cn,ms-cn-ree-mining",
                        "INC-AID-FIGURES-DISAGREE aid-other-sources,aid-trump",
                        "INC-CLAIM-CONTRADICTS-REFERENCE claim-elections-cancelled,ref-elections-postponed",
                        "INC-CLAIM-CONTRADICTS-REFERENCE claim-iraq-year,ref-iraq-year",
                        "INC-CLAIM-CONTRADICTS-REFERENCE claim-ownership-of-half,ref-first-draft-basis",
                        "INC-CLAIM-CONTRADICTS-REFERENCE claim-vote-failed,ref-vote-outcome",
                        "INC-CLAIM-CONTRADICTS-REFERENCE claim-vote-last-week,ref-vote-date",
                        "INC-CLAIMS-CONTRADICT claim-should-not-assist,claim-vested-interest",
                        "INC-LOAN-FRAMING claim-aid-is-loan,aid-trump,tranche-2022-03,tranche-2022-05,tranche-2022-09,"
                                + "tranche-2022-12,tranche-2024-04",
                        "INC-NAME-MISSPELLED m-zelensky-misspelled,zelensky",
                        "INC-OPINION-AS-FACT claim-calculus",
                        "INC-OPINION-AS-FACT claim-cannot-prevail",
                        "INC-OPINION-AS-FACT claim-persecuting-church",
                        "INC-OPINION-AS-FACT claim-should-not-assist",
                        "INC-OPINION-AS-FACT claim-war-unwinnable",
                        "INC-RESOURCE-CLASS claim-deal-rare-earths",
                        "INC-SUPPLY-UNPROVEN claim-untapped-supply,dep-ree-east-dnipro",
                        "INC-TERRITORY-ATTRIBUTION claim-territory-since-2022,war-ru-ua",
                        "INC-TOTAL-ABOVE-APPROPRIATED aid-other-sources,aid-appropriated",
                        "INC-TOTAL-ABOVE-APPROPRIATED aid-trump,aid-appropriated",
                        "RISK-ADVERSARY-DOMINANCE deal-minerals,rel-us-cn,ms-cn-ree-mining,ms-cn-ree-refining,"
                                + "ms-cn-li-refining,ms-cn-co-refining",
                        "RISK-HOSTILE-VOTE deal-minerals,vote-unga-russia-responsible",
                        "RISK-NO-SECURITY-GUARANTEE deal-minerals,war-ru-ua",
                        "RISK-OCCUPIED-DEPOSIT deal-minerals,dep-ree-east-dnipro,dep-li-kruta-balka",
                        "RISK-RATIFICATION-PENDING deal-minerals",
                        "RISK-RIVAL-OFFER deal-minerals,offer-ru-metals",
                        "RISK-TERMS-DECLINED deal-minerals,deal-first-proposal",
                        "RISK-UNPROVEN-RESOURCE deal-minerals,dep-li-kruta-balka,dep-li-dobra,dep-li-polokhivske",
                        "RISK-UNPROVEN-RESOURCE deal-minerals,dep-ree-east-dnipro",
                        "RISK-UNSOURCED-VALUATION deal-first-proposal"),
                got);
        for (Category c : Category.values()) {
            assertTrue(report.counts().of(c) > 0, "no " + c + " finding");
        }
        assertEquals(-1.5, report.alignment().score(), 1e-9);
        assertEquals("mixed", report.alignment().band());
    }

    @Test
    void theSignedDealDropsThePendingRisksAndGainsTheRevenueShare() throws Exception {
        Report report = lodestone.evaluate(Path.of("facts/us-ua-minerals-2025-05-signed.json"));
        List<String> got =
                report.findings().stream().map(f -> f.getRuleId()).sorted().toList();
        assertEquals(
                List.of(
                        "ALIGN-AID-RETURN",
                        "ALIGN-OPEN-ENDED-COMMITMENT",
                        "ALIGN-RESOURCE-SHARE",
                        "RISK-ADVERSARY-DOMINANCE",
                        "RISK-OCCUPIED-DEPOSIT"),
                got);
        assertEquals(0.0, report.alignment().score(), 1e-9);
    }

    @Test
    void theTwoNewDealsAreAlignedWithTheirReviewedFindingsOnly() throws Exception {
        Report au = lodestone.evaluate(Path.of("facts/us-au-minerals-2025-10.json"));
        assertEquals(
                List.of("ALIGN-REDUCES-ADVERSARY-DEPENDENCE", "INC-OPINION-AS-FACT", "RISK-ADVERSARY-DOMINANCE"),
                au.findings().stream().map(f -> f.getRuleId()).sorted().toList());
        assertEquals("aligned", au.alignment().band());
        Report kz = lodestone.evaluate(Path.of("facts/us-kz-tungsten-2025-11.json"));
        assertEquals(
                List.of(
                        "ALIGN-REDUCES-ADVERSARY-DEPENDENCE",
                        "INC-CLAIMS-CONTRADICT",
                        "RISK-ADVERSARY-DOMINANCE",
                        "RISK-FINANCING-NOT-COMMITTED",
                        "RISK-UNPROVEN-RESOURCE"),
                kz.findings().stream().map(f -> f.getRuleId()).sorted().toList());
        assertEquals("aligned", kz.alignment().band());
        // the fragile draft does not land in the band of the signed, bounded deals
        assertEquals("mixed", lodestone.evaluate(SEED).alignment().band());
    }

    @Test
    void everyQuoteOfTheNewDealsIsVerbatimFromItsSourcesFile() throws Exception {
        for (String name : List.of("us-au-minerals-2025-10", "us-kz-tungsten-2025-11")) {
            String sources = Files.readString(Path.of("facts/sources/" + name + ".txt"));
            JsonNode set = new ObjectMapper()
                    .readTree(Path.of("facts/" + name + ".json").toFile());
            int facts = 0;
            for (JsonNode fact : set.get("facts")) {
                facts++;
                JsonNode quote = fact.path("source").path("quote");
                if (!quote.isMissingNode()) {
                    assertTrue(sources.contains(quote.asText()), name + " " + fact.get("id") + ": " + quote.asText());
                }
            }
            assertTrue(facts >= 30, name + " has " + facts + " facts");
        }
    }

    @Test
    void theCleanSetHasNothingToFlag() throws Exception {
        Report report = lodestone.evaluate(Path.of("facts/us-jp-minerals-2023-clean.json"));
        assertEquals(List.of(), report.findings());
        assertEquals("not-assessed", report.alignment().band());
        assertTrue(report.counts().facts() > 10);
    }

    @Test
    void theAidDisagreementIsHighAndCitesBothQuotes() throws Exception {
        Report report = lodestone.evaluate(SEED);
        var finding = report.findings().stream()
                .filter(f -> f.getRuleId().equals("INC-AID-FIGURES-DISAGREE"))
                .findFirst()
                .orElseThrow();
        assertEquals("high", finding.getSeverity().label());
        assertTrue(finding.getMessage().contains("75%"), finding.getMessage());
        assertEquals(2, finding.getSources().size());
    }

    @Test
    void everyArticleQuoteIsVerbatimFromTheArticle() throws Exception {
        String article = Files.readString(Path.of("facts/sources/us-ua-minerals-2025-02.txt"));
        JsonNode seed = new ObjectMapper().readTree(SEED.toFile());
        int quotes = 0;
        for (JsonNode fact : seed.get("facts")) {
            JsonNode source = fact.get("source");
            if (source != null && source.get("ref").asText().equals("article")) {
                String quote = source.get("quote").asText();
                assertTrue(
                        article.contains(quote), fact.get("id") + " quotes text the article does not have: " + quote);
                quotes++;
            }
        }
        assertTrue(quotes > 20, "the seed cites the article throughout");
    }
}
