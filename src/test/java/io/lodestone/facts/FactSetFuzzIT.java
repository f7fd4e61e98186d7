package io.lodestone.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lodestone.Lodestone;
import io.lodestone.api.Diagnostic;
import io.lodestone.api.FactSet;
import io.lodestone.api.FactSetException;
import io.lodestone.api.Report;
import io.lodestone.api.RunReport;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A seeded mutator over the bundled fact sets: truncations, byte flips, type swaps, deletions and
 * duplications. Every mutant must give a fact set or located errors, never another exception; some are
 * evaluated, and some go through a batch beside the unmutated file, whose report must stay whole.
 */
class FactSetFuzzIT {
    private static final long SEED = Long.getLong("lodestone.fuzz.seed", 20250225L);
    private static final int MUTANTS = Integer.getInteger("lodestone.fuzz.count", 2000);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    static Lodestone lodestone;
    static List<Path> originals;

    @TempDir
    static Path tmp;

    @BeforeAll
    static void compile() throws Exception {
        lodestone = Lodestone.builder(Path.of("rules")).build();
        try (var files = Files.list(Path.of("facts"))) {
            originals =
                    files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertTrue(!originals.isEmpty());
    }

    @Test
    void everyMutantGivesAReportOrLocatedErrorsAndNeverDisturbsItsBatch() throws Exception {
        Random random = new Random(SEED);
        int loaded = 0;
        int refused = 0;
        int evaluated = 0;
        int batches = 0;
        long loadNanos = 0;
        long evaluateNanos = 0;
        List<Report> baseline = new ArrayList<>();
        for (Path original : originals) {
            baseline.add(lodestone.evaluate(original));
        }
        for (int i = 0; i < MUTANTS; i++) {
            int which = random.nextInt(originals.size());
            byte[] source = Files.readAllBytes(originals.get(which));
            String kind = MUTATIONS[random.nextInt(MUTATIONS.length)];
            byte[] mutant = mutate(kind, source, random);
            String name = "mutant-" + i + "-" + kind + ".json";
            String what = "mutant " + i + " (" + kind + ", seed " + SEED + ")";
            FactSet set = null;
            long started = System.nanoTime();
            try {
                set = lodestone.load(new ByteArrayInputStream(mutant), name);
                loaded++;
            } catch (FactSetException e) {
                refused++;
                assertTrue(!e.errors().isEmpty(), what);
                for (Diagnostic error : e.errors()) {
                    assertNotNull(error.kind(), what);
                    assertEquals(name, error.file(), what);
                    assertTrue(error.line() != null || error.path() != null, what + ": unlocated " + error);
                }
            } catch (RuntimeException e) {
                fail(what + " threw " + e, e);
            }
            loadNanos += System.nanoTime() - started;
            started = System.nanoTime();
            if (set != null && i % 20 == 0) {
                Report report = lodestone.evaluate(set);
                assertNotNull(report.alignment(), what);
                evaluated++;
            }
            if (i % 250 == 0) {
                Path dir = Files.createDirectories(tmp.resolve("batch-" + i));
                Path mutantFile = Files.write(dir.resolve("a-" + name), mutant);
                List<Path> batch = new ArrayList<>(List.of(mutantFile));
                batch.addAll(originals);
                RunReport run = lodestone.evaluateAll(batch);
                List<Report> intact = run.reports()
                        .subList(
                                run.reports().size() - originals.size(),
                                run.reports().size());
                for (int k = 0; k < originals.size(); k++) {
                    assertEquals(baseline.get(k).findings(), intact.get(k).findings(), what + ": batch neighbour");
                    assertEquals(List.of(), intact.get(k).errors(), what);
                }
                assertEquals(
                        originals.size() + (set == null ? 0 : 1), run.reports().size(), what);
                batches++;
            }
            evaluateNanos += System.nanoTime() - started;
        }
        System.out.printf(
                "fuzz: %d mutants (seed %d): %d loaded, %d refused with located errors, %d evaluated, "
                        + "%d batches; %d ms loading, %d ms evaluating%n",
                MUTANTS, SEED, loaded, refused, evaluated, batches, loadNanos / 1_000_000, evaluateNanos / 1_000_000);
        assertTrue(loaded > 0 && refused > 0, "the mutator makes both kinds");
    }

    private static final String[] MUTATIONS = {
        "truncate", "flip", "swap-type", "delete-bytes", "delete-node", "duplicate-bytes", "duplicate-node"
    };

    @SuppressWarnings("StatementSwitchToExpressionSwitch") // several cases share a block
    static byte[] mutate(String kind, byte[] source, Random random) throws Exception {
        switch (kind) {
            case "truncate":
                return java.util.Arrays.copyOf(source, random.nextInt(source.length));
            case "flip": {
                byte[] out = source.clone();
                int flips = 1 + random.nextInt(3);
                for (int f = 0; f < flips; f++) {
                    int at = random.nextInt(out.length);
                    out[at] = random.nextBoolean()
                            ? (byte) random.nextInt(256)
                            : (byte) "{}[]\",:0e-.tn\\\u0000".charAt(random.nextInt(15));
                }
                return out;
            }
            case "delete-bytes":
            case "duplicate-bytes": {
                int from = random.nextInt(source.length);
                int to = Math.min(source.length, from + 1 + random.nextInt(200));
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
                out.write(source, 0, kind.equals("delete-bytes") ? from : to);
                out.write(
                        source,
                        kind.equals("delete-bytes") ? to : from,
                        source.length - (kind.equals("delete-bytes") ? to : from));
                return out.toByteArray();
            }
            default: {
                JsonNode root = JSON.readTree(source);
                List<JsonNode> containers = new ArrayList<>();
                collect(root, containers);
                JsonNode target = containers.get(random.nextInt(containers.size()));
                if (target instanceof ObjectNode object && object.size() > 0) {
                    List<String> names = new ArrayList<>();
                    object.fieldNames().forEachRemaining(names::add);
                    String field = names.get(random.nextInt(names.size()));
                    if (kind.equals("delete-node")) {
                        object.remove(field);
                    } else if (kind.equals("duplicate-node")) {
                        object.set(
                                field + (random.nextBoolean() ? "" : "X"),
                                object.get(field).deepCopy());
                    } else {
                        object.set(field, other(object.get(field), random));
                    }
                } else if (target instanceof ArrayNode array && array.size() > 0) {
                    int at = random.nextInt(array.size());
                    if (kind.equals("delete-node")) {
                        array.remove(at);
                    } else if (kind.equals("duplicate-node")) {
                        array.insert(at, array.get(at).deepCopy());
                    } else {
                        array.set(at, other(array.get(at), random));
                    }
                }
                return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
            }
        }
    }

    private static void collect(JsonNode node, List<JsonNode> out) {
        if (node.isContainerNode()) {
            out.add(node);
            for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
                collect(it.next(), out);
            }
        }
    }

    /** A value of another JSON type than {@code node}'s. */
    private static JsonNode other(JsonNode node, Random random) {
        JsonNode[] choices = {
            NODES.textNode("x" + random.nextInt(9)),
            NODES.numberNode(random.nextGaussian() * 1e6),
            NODES.numberNode(1e300 * 1e10 / 1e10),
            NODES.booleanNode(random.nextBoolean()),
            NODES.nullNode(),
            NODES.arrayNode().add("a"),
            NODES.objectNode().put("k", 1),
            NODES.numberNode(new java.math.BigInteger("9".repeat(400)))
        };
        JsonNode pick;
        do {
            pick = choices[random.nextInt(choices.length)];
        } while (pick.getNodeType() == node.getNodeType());
        return pick;
    }
}
