package io.lodestone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.lodestone.api.Finding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rules are not keyed to the seed: renaming every id (and every reference to it) and scaling every
 * amount by one factor leaves the set of rule ids unchanged; and on generated sets that permute the
 * roles (the issuer as aid recipient, the occupier as a deal party, a second adversary, an ally's policy)
 * the invariants the rules promise hold, whatever the names.
 */
class GeneralityIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Lodestone lodestone;

    @org.junit.jupiter.api.BeforeAll
    static void rules() throws Exception {
        lodestone = Lodestone.fromRules(Path.of("rules"));
    }

    /** Every country id names() made: evaluate() declares those a set uses as Country facts. */
    private static final java.util.Set<String> GENERATED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** Random country names, so no invariant can lean on a word. */
    private static List<String> names(long seed, int n) {
        java.util.Random random = new java.util.Random(seed);
        java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>();
        while (out.size() < n) {
            out.add("c" + Integer.toString(random.nextInt(1 << 20), 36));
        }
        GENERATED.addAll(out);
        return List.copyOf(out);
    }

    private static ObjectNode fact(String type, String id, Object... fieldsAndValues) {
        ObjectNode f = JSON.createObjectNode();
        f.put("type", type);
        f.put("id", id);
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            f.set((String) fieldsAndValues[i], JSON.valueToTree(fieldsAndValues[i + 1]));
        }
        return f;
    }

    private static io.lodestone.api.Report evaluate(List<ObjectNode> facts) throws Exception {
        ObjectNode doc = JSON.createObjectNode();
        doc.put("lodestone", 1);
        doc.put("id", "generated");
        ArrayNode array = doc.putArray("facts");
        facts.forEach(array::add);
        // country fields must name a Country of the set (value checks): declare the generated ones used
        String text = JSON.writeValueAsString(array);
        java.util.Set<String> declared = new java.util.HashSet<>();
        facts.stream()
                .filter(f -> f.path("type").asText().equals("Country"))
                .forEach(f -> declared.add(f.path("id").asText()));
        for (String country : new java.util.TreeSet<>(GENERATED)) {
            if (!declared.contains(country) && text.contains("\"" + country + "\"")) {
                array.add(fact("Country", country, "name", "Country " + country.toUpperCase(java.util.Locale.ROOT)));
            }
        }
        return lodestone.evaluate(new java.io.ByteArrayInputStream(JSON.writeValueAsBytes(doc)), "generated.json");
    }

    private static List<Finding> of(io.lodestone.api.Report report, String ruleId) {
        return report.findings().stream()
                .filter(f -> f.getRuleId().equals(ruleId))
                .toList();
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(longs = {1, 2, 3, 4})
    void noAidCreditGoesToTheRecipientsPolicy(long seed) throws Exception {
        List<String> c = names(seed, 2);
        String donor = c.get(0);
        String recipient = c.get(1);
        boolean namedDonor = seed % 2 == 0; // the donor named on the deal, or shown by a recorded figure
        List<ObjectNode> facts = new java.util.ArrayList<>(List.of(
                fact(
                        "Policy",
                        "p-" + recipient,
                        "issuer",
                        recipient,
                        "priorities",
                        List.of("economic-return", "recover-past-spending")),
                fact(
                        "Policy",
                        "p-" + donor,
                        "issuer",
                        donor,
                        "priorities",
                        List.of("economic-return", "recover-past-spending")),
                fact(
                        "Deal",
                        "d-1",
                        "parties",
                        List.of(recipient, donor),
                        "proposer",
                        recipient,
                        "status",
                        "signed",
                        "resources",
                        List.of("lithium"),
                        "linkedToAid",
                        true,
                        "repaysPastAid",
                        true)));
        if (namedDonor) {
            facts.get(2).put("aidFrom", donor);
        } else {
            facts.add(fact(
                    "AidFigure",
                    "a-1",
                    "donor",
                    donor,
                    "recipient",
                    recipient,
                    "measure",
                    "appropriated",
                    "amountUsd",
                    1e9));
        }
        io.lodestone.api.Report report = evaluate(facts);
        for (String rule : List.of("ALIGN-AID-RETURN", "ALIGN-RECOVERS-PAST-SPENDING")) {
            assertEquals(1, of(report, rule).size(), rule + " credits the donor once");
            assertTrue(of(report, rule).get(0).getFacts().contains("p-" + donor), rule + " cites the donor's policy");
            assertFalse(of(report, rule).get(0).getFacts().contains("p-" + recipient), rule + " never the recipient's");
        }
        for (io.lodestone.api.PriorityVerdict v : report.alignment().verdicts()) {
            if (v.issuer().equals(recipient)) {
                assertEquals("not-addressed", v.verdict(), "the recipient's " + v.priority());
            }
        }
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(longs = {11, 12, 13})
    void anOccupiedDepositInScopeIsARiskForEveryDealThatDrawsOnIt(long seed) throws Exception {
        List<String> c = names(seed, 4);
        String defender = c.get(0);
        String occupier = c.get(1);
        String third = c.get(2);
        String fourth = c.get(3);
        List<ObjectNode> facts = new java.util.ArrayList<>(List.of(
                fact(
                        "Deposit",
                        "dep-occ",
                        "mineral",
                        "lithium",
                        "country",
                        defender,
                        "occupied",
                        true,
                        "controlledBy",
                        occupier),
                fact("Deposit", "dep-free", "mineral", "lithium", "country", defender, "occupied", false),
                fact(
                        "Deal",
                        "d-defender",
                        "parties",
                        List.of(defender, third),
                        "status",
                        "signed",
                        "resources",
                        List.of("lithium")),
                fact(
                        "Deal",
                        "d-occupier",
                        "parties",
                        List.of(occupier, third),
                        "status",
                        "negotiating",
                        "resources",
                        List.of("lithium")),
                fact(
                        "Deal",
                        "d-both",
                        "parties",
                        List.of(occupier, defender),
                        "status",
                        "agreed",
                        "resources",
                        List.of("lithium")),
                fact(
                        "Deal",
                        "d-listed",
                        "parties",
                        List.of(third, fourth),
                        "status",
                        "signed",
                        "resources",
                        List.of("lithium"),
                        "deposits",
                        List.of("dep-occ")),
                fact(
                        "Deal",
                        "d-outside",
                        "parties",
                        List.of(third, fourth),
                        "status",
                        "signed",
                        "resources",
                        List.of("lithium")),
                fact(
                        "Deal",
                        "d-other-mineral",
                        "parties",
                        List.of(defender, occupier),
                        "status",
                        "signed",
                        "resources",
                        List.of("cobalt")),
                fact(
                        "Deal",
                        "d-dead",
                        "parties",
                        List.of(defender, third),
                        "status",
                        "abandoned",
                        "resources",
                        List.of("lithium"))));
        io.lodestone.api.Report report = evaluate(facts);
        java.util.Set<String> flagged = new java.util.TreeSet<>();
        for (Finding f : of(report, "RISK-OCCUPIED-DEPOSIT")) {
            assertTrue(f.getFacts().contains("dep-occ"), "cites the occupied deposit: " + f);
            assertFalse(f.getFacts().contains("dep-free"), "not the free one: " + f);
            flagged.add(f.getFacts().get(0));
        }
        assertEquals(java.util.Set.of("d-both", "d-defender", "d-listed", "d-occupier"), flagged);
    }

    @Test
    void eachAdversaryIsWeighedOnItsOwnAndNeverWhenItIsAParty() throws Exception {
        List<String> c = names(21, 4);
        String issuer = c.get(0);
        String partner = c.get(1);
        String first = c.get(2);
        String second = c.get(3);
        List<ObjectNode> facts = List.of(
                fact("Policy", "p-1", "issuer", issuer, "priorities", List.of("reduce-adversary-dependence")),
                fact("Relation", "r-1", "from", issuer, "to", first, "kind", "adversary"),
                fact("Relation", "r-2", "from", issuer, "to", second, "kind", "adversary"),
                fact("MarketShare", "ms-1", "country", first, "commodity", "lithium", "stage", "mining", "share", 0.7),
                fact("MarketShare", "ms-2", "country", second, "commodity", "cobalt", "stage", "mining", "share", 0.6),
                fact(
                        "Deal",
                        "d-1",
                        "parties",
                        List.of(issuer, partner),
                        "status",
                        "signed",
                        "resources",
                        List.of("lithium", "cobalt")),
                fact(
                        "Deal",
                        "d-2",
                        "parties",
                        List.of(issuer, second),
                        "status",
                        "signed",
                        "resources",
                        List.of("lithium", "cobalt")));
        io.lodestone.api.Report report = evaluate(facts);
        List<Finding> credits = of(report, "ALIGN-REDUCES-ADVERSARY-DEPENDENCE");
        assertEquals(3, credits.size(), "two adversaries on d-1, only the non-party one on d-2: " + credits);
        for (Finding f : credits) {
            boolean cites1 = f.getFacts().contains("ms-1");
            boolean cites2 = f.getFacts().contains("ms-2");
            assertTrue(cites1 ^ cites2, "one adversary per finding: " + f);
            assertFalse(f.getFacts().contains("d-2") && cites2, "an adversary that is a party is not weighed");
        }
        assertTrue(of(report, "RISK-ADVERSARY-DOMINANCE").stream()
                .noneMatch(f -> f.getFacts().contains("d-2") && f.getFacts().contains("ms-2")));
    }

    @Test
    void anAllysPolicyIsNotAssessedOnADealItIsNotPartyTo() throws Exception {
        List<String> c = names(31, 3);
        List<ObjectNode> facts = List.of(
                fact(
                        "Policy",
                        "p-ally",
                        "issuer",
                        c.get(2),
                        "priorities",
                        List.of("economic-return", "no-open-ended-commitment", "reduce-adversary-dependence")),
                fact("Relation", "r-1", "from", c.get(2), "to", c.get(0), "kind", "ally"),
                fact(
                        "Deal",
                        "d-1",
                        "parties",
                        List.of(c.get(0), c.get(1)),
                        "proposer",
                        c.get(0),
                        "status",
                        "signed",
                        "resources",
                        List.of("lithium"),
                        "beneficiaryShare",
                        0.5,
                        "securityGuarantees",
                        true),
                fact("Deposit", "dep-1", "mineral", "lithium", "country", c.get(1), "occupied", true));
        io.lodestone.api.Report report = evaluate(facts);
        assertEquals(0, report.counts().of(io.lodestone.api.Category.ALIGNMENT), "the ally is not a party");
        assertEquals("not-assessed", report.alignment().band());
        assertTrue(
                report.alignment().verdicts().stream().allMatch(v -> v.verdict().equals("not-addressed")));
        assertEquals(1, of(report, "RISK-OCCUPIED-DEPOSIT").size(), "the risk stands whoever assesses it");
    }

    @Test
    void noMessageRestatesAVoteSubjectOrClaimWording() throws Exception {
        List<String> c = names(41, 2);
        String wording = "a resolution that would have blamed " + c.get(1);
        List<ObjectNode> facts = List.of(
                fact(
                        "Deal",
                        "d-1",
                        "parties",
                        List.of(c.get(0), c.get(1)),
                        "status",
                        "negotiating",
                        "resources",
                        List.of("lithium"),
                        "proposed",
                        "2030-01-01"),
                fact(
                        "Vote",
                        "v-1",
                        "actor",
                        c.get(0),
                        "sponsor",
                        c.get(1),
                        "position",
                        "against",
                        "subject",
                        wording,
                        "date",
                        "2030-02-01",
                        "outcome",
                        "adopted"));
        io.lodestone.api.Report report = evaluate(facts);
        assertEquals(1, of(report, "RISK-HOSTILE-VOTE").size());
        assertTrue(report.findings().stream().noneMatch(f -> f.getMessage().contains(wording)));
    }

    @Test
    void aFactSetCannotSupplyAConceptTheRulesDerive() {
        io.lodestone.api.FactSetException e = org.junit.jupiter.api.Assertions.assertThrows(
                io.lodestone.api.FactSetException.class, () -> evaluate(List.of(fact("LiveDeal", "x"))));
        assertEquals("facts[0].type", e.errors().get(0).path());
    }

    @Test
    void aContestedCreditCountsLessThanTheSameCreditUncontested() throws Exception {
        List<ObjectNode> base = List.of(
                fact("Country", "n", "name", "Northland"),
                fact("Country", "s", "name", "Southland"),
                fact("Policy", "p-1", "issuer", "n", "priorities", List.of("economic-return")),
                fact(
                        "Deal",
                        "d-1",
                        "parties",
                        List.of("n", "s"),
                        "status",
                        "signed",
                        "resources",
                        List.of("lithium"),
                        "linkedToAid",
                        true,
                        "aidFrom",
                        "n"));
        List<ObjectNode> hedged = new java.util.ArrayList<>(base);
        hedged.add(fact(
                "Claim",
                "c-1",
                "speaker",
                "paper",
                "subject",
                "d-1",
                "property",
                "linkedToAid",
                "value",
                "true",
                "kind",
                "estimate",
                "presentedAs",
                "opinion",
                "hedged",
                true));
        double plain = evaluate(base).alignment().score();
        io.lodestone.api.Report contested = evaluate(hedged);
        assertTrue(contested.alignment().score() < plain, contested.alignment().score() + " < " + plain);
        io.lodestone.api.PriorityVerdict v = contested.alignment().verdicts().get(0);
        assertEquals("served", v.verdict());
        assertTrue(v.findings().get(0).contested());
        assertEquals(List.of("hedged"), v.findings().get(0).contestedBy());
    }

    @Test
    void renamedIdsAndRescaledAmountsYieldTheSameRules(@TempDir Path tmp) throws Exception {
        Path seed = Path.of("facts/us-ua-minerals-2025-02.json");
        ObjectNode doc = (ObjectNode) JSON.readTree(seed.toFile());
        Map<String, String> rename = new HashMap<>();
        int n = 0;
        for (JsonNode fact : doc.get("facts")) {
            rename.put(
                    fact.get("id").asText(),
                    "x" + n++ + "-"
                            + Integer.toHexString(fact.get("id").asText().hashCode()));
        }
        for (JsonNode fact : doc.get("facts")) {
            transform((ObjectNode) fact, rename, 3.7);
        }
        Path changed = tmp.resolve("changed.json");
        JSON.writeValue(changed.toFile(), doc);
        assertFalse(Files.readString(changed).contains("aid-trump"), "every id was renamed");

        assertEquals(ruleIds(lodestone, seed), ruleIds(lodestone, changed));
    }

    private static List<String> ruleIds(Lodestone lodestone, Path file) throws Exception {
        return lodestone.evaluate(file).findings().stream()
                .map(Finding::getRuleId)
                .sorted()
                .toList();
    }

    /** Renames every string equal to a fact id (ids and references alike) and scales every *Usd number. */
    private static void transform(ObjectNode node, Map<String, String> rename, double factor) {
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            JsonNode value = field.getValue();
            if (field.getKey().equals("source")) {
                continue;
            }
            if (value.isTextual() && rename.containsKey(value.asText())) {
                field.setValue(TextNode.valueOf(rename.get(value.asText())));
            } else if (value.isNumber() && field.getKey().endsWith("Usd")) {
                node.put(field.getKey(), value.asDouble() * factor);
            } else if (value.isArray()) {
                ArrayNode array = (ArrayNode) value;
                for (int i = 0; i < array.size(); i++) {
                    if (array.get(i).isTextual()
                            && rename.containsKey(array.get(i).asText())) {
                        array.set(i, TextNode.valueOf(rename.get(array.get(i).asText())));
                    }
                }
            }
        }
    }
}
