package io.lodestone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lodestone.api.Entity;
import io.lodestone.api.Finding;
import io.lodestone.api.Report;
import io.lodestone.api.RunReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Messages name things: for every finding of every bundled fact set and of a few hundred generated ones,
 * the message holds no {@code null}, no unrendered {@code {{id}}} and no id of a fact that has a name;
 * each entity it lists is shown in it by its name.
 */
class MessagesNameThingsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] MINERALS = {"rare-earths", "lithium", "titanium", "cobalt", "graphite"};
    private static final String[] STATUSES = {
        "proposed", "negotiating", "agreed", "signed", "ratified", "in-force", "rejected", "abandoned"
    };
    private static final String[] PRIORITIES = {
        "economic-return", "reduce-adversary-dependence", "recover-past-spending", "no-open-ended-commitment"
    };
    private static final String[] LANDS = {"Avalon", "Borduria", "Carpania", "Drakonia", "Elbonia", "Freedonia"};

    @Test
    void bundledAndGeneratedFindingsNameFactsAndNeverSayNull(@TempDir Path tmp) throws Exception {
        List<Path> inputs = new ArrayList<>();
        try (Stream<Path> bundled = Files.list(Path.of("facts"))) {
            bundled.filter(p -> p.toString().endsWith(".json")).sorted().forEach(inputs::add);
        }
        Random random = new Random(20261130);
        for (int i = 0; i < 300; i++) {
            Path file = tmp.resolve(String.format("gen-%03d.json", i));
            JSON.writeValue(file.toFile(), generated(random, i));
            inputs.add(file);
        }
        RunReport run = Lodestone.fromRules(Path.of("rules")).evaluateAll(inputs);
        assertEquals(List.of(), run.errors(), "every generated set loads");
        assertEquals(inputs.size(), run.reports().size());
        List<String> problems = new ArrayList<>();
        int findings = 0;
        for (Report report : run.reports()) {
            Map<String, String> named = namedFacts(Path.of(report.file()));
            for (Finding f : report.findings()) {
                findings++;
                problems.addAll(problems(report.id(), f, named));
            }
        }
        assertTrue(findings > 1000, "the generated sets fire the rules: " + findings + " findings");
        assertEquals(List.of(), problems.stream().limit(20).toList(), problems.size() + " problems");
    }

    static List<String> problems(String set, Finding f, Map<String, String> named) {
        List<String> out = new ArrayList<>();
        String m = f.getMessage();
        String where = set + " " + f.getRuleId() + ": " + m;
        if (Pattern.compile("\\bnull\\b").matcher(m).find()) {
            out.add("says null: " + where);
        }
        if (m.contains("{{") || m.contains("}}")) {
            out.add("unrendered reference: " + where);
        }
        named.forEach((id, name) -> {
            if (Pattern.compile("(?<![\\w-])" + Pattern.quote(id) + "(?![\\w-])")
                    .matcher(m)
                    .find()) {
                out.add("id " + id + " instead of its name " + name + ": " + where);
            }
        });
        for (Entity e : f.getEntities()) {
            if (!m.contains(e.name().replaceAll(" \\(.*\\)$", ""))) {
                out.add("entity " + e + " not shown: " + where);
            }
        }
        return out;
    }

    /** Fact id → name, for the facts of a file that have a name. */
    private static Map<String, String> namedFacts(Path file) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        for (JsonNode fact : JSON.readTree(file.toFile()).get("facts")) {
            if (fact.hasNonNull("name") && !fact.get("name").asText().isBlank()) {
                out.put(fact.get("id").asText(), fact.get("name").asText());
            }
        }
        return out;
    }

    /** A seed-shaped fact set with optional fields left out at random (names, aliases, speakers, forums). */
    static ObjectNode generated(Random r, int n) {
        ObjectNode doc = JSON.createObjectNode();
        doc.put("lodestone", 1);
        doc.put("id", "gen-" + n);
        ArrayNode sources = doc.putArray("sources");
        sources.addObject()
                .put("id", "article")
                .put("title", "A generated article (" + n + ")")
                .put("kind", "news");
        sources.addObject()
                .put("id", "ref")
                .put("title", "A generated reference")
                .put("kind", "reference");
        ArrayNode facts = doc.putArray("facts");
        String[] countries = {"c1", "c2", "c3", "c4"};
        for (int i = 0; i < countries.length; i++) {
            ObjectNode c = fact(facts, "Country", countries[i], r);
            if (r.nextDouble() < 0.85) {
                c.put("name", LANDS[(n + i) % LANDS.length]);
            }
        }
        String home = countries[0];
        String partner = countries[1];
        String rival = countries[2];
        fact(facts, "Relation", "rel-1", r).put("from", home).put("to", rival).put("kind", "adversary");
        fact(facts, "Relation", "rel-2", r)
                .put("from", partner)
                .put("to", countries[3])
                .put("kind", "adversary");
        ObjectNode person =
                fact(facts, "Person", "p1", r).put("name", "Alex Example").put("country", partner);
        if (r.nextBoolean()) {
            person.putArray("aliases").add("Alex Exampel");
        }
        fact(facts, "Person", "p2", r).put("name", "Sam Sample").put("country", home);
        fact(facts, "Mention", "m1", r).put("person", "p1").put("text", r.nextBoolean() ? "Alexx Example" : "Example");
        for (int i = 0; i < 1 + r.nextInt(2); i++) {
            ObjectNode p = fact(facts, "Policy", "pol-" + i, r).put("issuer", r.nextDouble() < 0.8 ? home : partner);
            if (r.nextBoolean()) {
                p.put("name", "Policy number " + (i + 1));
            }
            ArrayNode priorities = p.putArray("priorities");
            for (String pr : PRIORITIES) {
                if (r.nextBoolean()) {
                    priorities.add(pr);
                }
            }
        }
        List<String> deals = new ArrayList<>();
        for (int i = 0; i < 1 + r.nextInt(2); i++) {
            String status = STATUSES[r.nextInt(STATUSES.length)];
            ObjectNode d = fact(facts, "Deal", "deal-" + i, r)
                    .put("proposer", home)
                    .put("status", status)
                    .put("linkedToAid", r.nextBoolean())
                    .put("repaysPastAid", r.nextBoolean())
                    .put("securityGuarantees", r.nextBoolean())
                    .put("requiresRatification", r.nextBoolean())
                    .put("ratified", r.nextDouble() < 0.3)
                    .put("proposed", "2025-02-1" + r.nextInt(10));
            if (r.nextDouble() < 0.8) {
                d.put("name", "Agreement number " + (i + 1));
            }
            d.putArray("parties").add(home).add(partner);
            ArrayNode res = d.putArray("resources");
            res.add(MINERALS[r.nextInt(MINERALS.length)]);
            if (r.nextBoolean()) {
                res.add(MINERALS[r.nextInt(MINERALS.length)]);
            }
            if ("rejected".equals(status)) {
                d.put("rejectedBy", r.nextBoolean() ? partner : "fr"); // "fr": a known country with no fact in the set
            }
            if (i > 0) {
                d.put("supersedes", deals.get(0));
            }
            if (r.nextBoolean()) {
                d.put("usShare", Math.round(r.nextDouble() * 50) / 100.0);
                if (r.nextBoolean()) {
                    d.put("shareBasis", "revenue");
                }
            }
            if (r.nextBoolean()) {
                d.put("estimatedValueUsd", (100 + r.nextInt(400)) * 1e9).put("valueSourced", r.nextBoolean());
            }
            deals.add("deal-" + i);
        }
        for (int i = 0; i < 3 + r.nextInt(3); i++) {
            boolean occupied = r.nextDouble() < 0.35;
            fact(facts, "Deposit", "dep-" + i, r)
                    .put("mineral", MINERALS[r.nextInt(MINERALS.length)])
                    .put("country", partner)
                    .put("occupied", occupied)
                    .put("controlledBy", occupied ? countries[3] : partner);
        }
        for (int i = 0; i < 3; i++) {
            fact(facts, "MarketShare", "ms-" + i, r)
                    .put("country", rival)
                    .put("commodity", MINERALS[r.nextInt(5)])
                    .put("stage", r.nextBoolean() ? "mining" : "refining")
                    .put("share", 0.3 + r.nextDouble() * 0.65);
        }
        fact(facts, "Conflict", "war", r)
                .put("aggressor", countries[3])
                .put("defender", partner)
                .put("territoryOccupiedPct", 0.2)
                .put("territoryOccupiedBeforeEscalationPct", 0.07);
        ObjectNode territory = fact(facts, "Claim", "c-territory", r)
                .put("subject", "war")
                .put("property", "territoryLostSinceEscalationPct")
                .put("value", 0.1 + r.nextDouble() * 0.1);
        speaker(territory, r);
        for (int i = 0; i < 2 + r.nextInt(2); i++) {
            ObjectNode a = fact(facts, "AidFigure", "aid-" + i, r)
                    .put("donor", home)
                    .put("recipient", partner)
                    .put("measure", "total-support")
                    .put("amountUsd", (100 + r.nextInt(300)) * 1e9);
            if (r.nextDouble() < 0.7) {
                a.put("claimedBy", r.nextBoolean() ? "p2" : "other sources");
            }
        }
        for (int i = 0; i < 3; i++) {
            fact(facts, "AidTranche", "tr-" + i, r)
                    .put("donor", home)
                    .put("recipient", partner)
                    .put("measure", "total-support")
                    .put("amountUsd", (10 + r.nextInt(60)) * 1e9)
                    .put("loanUsd", r.nextDouble() < 0.3 ? 1e9 : 0.0)
                    .put("year", 2022 + i);
        }
        ObjectNode loan = fact(facts, "Claim", "c-loan", r)
                .put("subject", "aid-0")
                .put("property", "form")
                .put("value", "loan");
        speaker(loan, r);
        ObjectNode year = fact(facts, "Claim", "c-year", r)
                .put("subject", r.nextBoolean() ? partner : "some-event")
                .put("property", "year")
                .put("value", 2004)
                .put("unit", "year")
                .put("kind", "fact");
        speaker(year, r);
        fact(facts, "Reference", "r-year", r)
                .put("subject", year.get("subject").asText())
                .put("property", "year")
                .put("value", 2003)
                .put("unit", "year");
        ObjectNode opinion = fact(facts, "Claim", "c-opinion", r)
                .put("kind", r.nextBoolean() ? "opinion" : "prediction")
                .put("presentedAs", "fact");
        if (r.nextBoolean()) {
            opinion.put("subject", r.nextBoolean() ? "p1" : "the-war");
        }
        if (r.nextBoolean()) {
            opinion.put("property", "outcome").put("value", "bad");
        }
        speaker(opinion, r);
        fact(facts, "Offer", "offer-1", r)
                .put("from", countries[3])
                .put("to", home)
                .put("subject", MINERALS[r.nextInt(MINERALS.length)]);
        ObjectNode vote = fact(facts, "Vote", "vote-1", r)
                .put("actor", home)
                .put("sponsor", partner)
                .put("position", "against")
                .put("date", "2025-02-24");
        if (r.nextBoolean()) {
            vote.put("forum", "General Assembly");
        }
        if (r.nextBoolean()) {
            vote.put("subject", "a resolution");
        }
        return doc;
    }

    private static void speaker(ObjectNode claim, Random r) {
        double d = r.nextDouble();
        if (d < 0.4) {
            claim.put("speaker", "p2");
        } else if (d < 0.8) {
            claim.put("speaker", "article");
        }
    }

    private static ObjectNode fact(ArrayNode facts, String type, String id, Random r) {
        ObjectNode f = facts.addObject().put("type", type).put("id", id);
        if (r.nextDouble() < 0.7) {
            ObjectNode source = f.putObject("source").put("ref", r.nextBoolean() ? "article" : "ref");
            if (r.nextBoolean()) {
                source.put("quote", "a quote about " + id);
            }
        }
        return f;
    }
}
