package io.lodestone.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lodestone.api.Finding;
import io.lodestone.api.Report;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The five rule shapes' data model for the Java peers (plain objects, built once from the generated
 * JSON), the findings count vector every peer must reproduce, and its reading from a Lodestone report.
 */
final class Shapes {
    /** Index of each count in a result vector; SCORE is the sum of S5 weights. */
    static final int PAIR = 0, CLAIM_REF = 1, OCCUPIED = 2, TRANCHES = 3, SCORE_FINDINGS = 4, SCORE = 5;

    static final String[] NAMES = {"pair", "claim-ref", "occupied", "tranches", "score-findings", "score"};
    private static final ObjectMapper JSON = new ObjectMapper();

    private Shapes() {}

    static double spread(double a, double b) {
        double lo = Math.min(Math.abs(a), Math.abs(b));
        double hi = Math.max(Math.abs(a), Math.abs(b));
        return lo == 0 ? (hi == 0 ? 0 : Double.POSITIVE_INFINITY) : (hi - lo) / lo;
    }

    static boolean live(Deal d) {
        return !"rejected".equals(d.status) && !"abandoned".equals(d.status);
    }

    public static final class Figure {
        public final String id, donor, recipient, measure;
        public final double amount;

        Figure(JsonNode n) {
            id = n.path("id").asText();
            donor = n.path("donor").asText();
            recipient = n.path("recipient").asText();
            measure = n.path("measure").asText();
            amount = n.path("amountUsd").asDouble();
        }
    }

    public static final class Tranche {
        public final String id, donor, recipient, measure;
        public final double amount;

        Tranche(JsonNode n) {
            id = n.path("id").asText();
            donor = n.path("donor").asText();
            recipient = n.path("recipient").asText();
            measure = n.path("measure").asText();
            amount = n.path("amountUsd").asDouble();
        }
    }

    public static final class Claim {
        public final String id, subject, property, kind;
        public final Double value; // null unless the JSON value is a number

        Claim(JsonNode n) {
            id = n.path("id").asText();
            subject = n.path("subject").asText();
            property = n.path("property").asText();
            kind = n.hasNonNull("kind") ? n.get("kind").asText() : null;
            value = n.path("value").isNumber() ? n.get("value").asDouble() : null;
        }
    }

    public static final class Ref {
        public final String id, subject, property;
        public final Double value;

        Ref(JsonNode n) {
            id = n.path("id").asText();
            subject = n.path("subject").asText();
            property = n.path("property").asText();
            value = n.path("value").isNumber() ? n.get("value").asDouble() : null;
        }
    }

    public static final class Deal {
        public final String id, status;
        public final List<String> parties, resources;
        public final Double beneficiaryShare;
        public final boolean repaysPastAid, securityGuarantees;

        Deal(JsonNode n) {
            id = n.path("id").asText();
            status = n.path("status").asText(null);
            parties = strings(n.path("parties"));
            resources = strings(n.path("resources"));
            beneficiaryShare =
                    n.hasNonNull("beneficiaryShare") ? n.get("beneficiaryShare").asDouble() : null;
            repaysPastAid = n.path("repaysPastAid").asBoolean(false);
            securityGuarantees = n.path("securityGuarantees").asBoolean(false);
        }
    }

    public static final class Deposit {
        public final String id, country, mineral;
        public final boolean occupied;

        Deposit(JsonNode n) {
            id = n.path("id").asText();
            country = n.path("country").asText();
            mineral = n.path("mineral").asText();
            occupied = n.path("occupied").asBoolean(false);
        }
    }

    public static final class Policy {
        public final String id, issuer;
        public final List<String> priorities;

        Policy(JsonNode n) {
            id = n.path("id").asText();
            issuer = n.path("issuer").asText();
            priorities = strings(n.path("priorities"));
        }
    }

    /** One fact set's shape-relevant facts, typed. */
    static final class Data {
        final List<Figure> figures = new ArrayList<>();
        final List<Tranche> tranches = new ArrayList<>();
        final List<Claim> claims = new ArrayList<>();
        final List<Ref> refs = new ArrayList<>();
        final List<Deal> deals = new ArrayList<>();
        final List<Deposit> deposits = new ArrayList<>();
        final List<Policy> policies = new ArrayList<>();

        List<Object> all() {
            List<Object> out = new ArrayList<>();
            out.addAll(figures);
            out.addAll(tranches);
            out.addAll(claims);
            out.addAll(refs);
            out.addAll(deals);
            out.addAll(deposits);
            out.addAll(policies);
            return out;
        }
    }

    static Data read(Path file) throws IOException {
        Data d = new Data();
        for (JsonNode n : JSON.readTree(file.toFile()).path("facts")) {
            switch (n.path("type").asText()) {
                case "AidFigure" -> d.figures.add(new Figure(n));
                case "AidTranche" -> d.tranches.add(new Tranche(n));
                case "Claim" -> d.claims.add(new Claim(n));
                case "Reference" -> d.refs.add(new Ref(n));
                case "Deal" -> d.deals.add(new Deal(n));
                case "Deposit" -> d.deposits.add(new Deposit(n));
                case "Policy" -> d.policies.add(new Policy(n));
                default -> {}
            }
        }
        return d;
    }

    /** The count vector of a Lodestone report over bench/shapes/shapes.drl. */
    static long[] counts(Report report) {
        long[] c = new long[6];
        for (Finding f : report.findings()) {
            switch (f.getRuleId()) {
                case "SHAPE-PAIR" -> c[PAIR]++;
                case "SHAPE-CLAIM-REF" -> c[CLAIM_REF]++;
                case "SHAPE-OCCUPIED" -> c[OCCUPIED]++;
                case "SHAPE-TRANCHES" -> c[TRANCHES]++;
                default -> {
                    c[SCORE_FINDINGS]++;
                    c[SCORE] += Math.round(f.getWeight());
                }
            }
        }
        return c;
    }

    static String describe(long[] c) {
        return Arrays.toString(c);
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(e -> out.add(e.asText()));
        return out;
    }
}
