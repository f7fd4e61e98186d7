package io.lodestone.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Spark job in local[2] against the CLI ({@code ./lodestone evaluate --format jsonl}) on the same inputs:
 * the bundled fact sets plus 1,000 generated ones, broken files, packed inputs and parameter overrides.
 * Runs from the repository root (Surefire's working folder), after {@code mvn install} there.
 */
class SparkJobTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int GENERATED = 1000;
    private static SparkSession spark;
    /** The work folder relative to the repository root, so that the CLI and the job name files alike. */
    private static Path work;

    @BeforeAll
    static void start() throws IOException {
        Path absolute = Path.of(System.getProperty("spark.test.work", "integrations/spark/target/spark-test"));
        work = Path.of("").toAbsolutePath().relativize(absolute.toAbsolutePath());
        deleteTree(work);
        GeneratedFactSets.writeSets(work.resolve("gen"), GENERATED, 20251130L);
        spark = SparkSession.builder().master("local[2]").appName("lodestone-test")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2")
                .getOrCreate();
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
    }

    /** How many fact sets facts/ bundles (the job and the CLI read the same folder). */
    private static int bundledFactSets() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("facts"))) {
            return (int) files.filter(p -> p.toString().endsWith(".json")).count();
        }
    }

    @Test
    void findingsOfBundledAndGeneratedSetsAreTheClis() throws Exception {
        String gen = work.resolve("gen").toString();
        Cli cli = cli("evaluate", "--format", "jsonl", "facts/", gen);
        assertEquals(0, cli.exit, cli.stderr);
        Path out = work.resolve("out-all");

        int exit = job("--input", "facts/", "--input", gen, "--output", out.toString(), "--format", "jsonl");

        assertEquals(0, exit);
        List<JsonNode> findings = readJsonLines(out.resolve("findings"));
        assertEquals(counts(triples(cli.lines)), counts(triples(findings)), "(factSet, ruleId, facts) multisets");
        // stricter: every column of the findings table (the file and the rendered message included) holds the
        // CLI line's value, entities and evidence included
        List<String> columns = java.util.Arrays.stream(Schemas.FINDING.fieldNames())
                .filter(c -> !c.equals("rulesHash")).toList();
        assertEquals(counts(projected(cli.lines, columns)), counts(projected(findings, columns)));
        assertTrue(findings.size() > GENERATED, "the generated sets should give findings: " + findings.size());
        assertEquals(GENERATED + bundledFactSets(), readJsonLines(out.resolve("reports")).size());
        assertEquals(List.of(), readJsonLines(out.resolve("errors")));
    }

    @Test
    void everyRowCarriesTheClisRulesHashAndReportsAreTheClis() throws Exception {
        Cli cli = cli("evaluate", "--format", "json", "facts/");
        assertEquals(0, cli.exit, cli.stderr);
        JsonNode json = cli.lines.get(0);
        String hash = json.path("rules").path("hash").asText();
        assertTrue(hash.startsWith("sha256:"), hash);
        Map<String, String> cliReports = new HashMap<>();
        for (JsonNode r : json.path("reports")) {
            JsonNode counts = r.path("counts");
            cliReports.put(r.path("id").asText(), r.path("file").asText() + " " + r.path("alignment").path("score").asDouble()
                    + " " + r.path("alignment").path("band").asText() + " " + counts.path("findings").asInt() + " "
                    + counts.path("facts").asInt() + " " + counts.path("rules").asInt() + " "
                    + counts.path("category").path("ALIGNMENT").asInt() + " " + counts.path("category").path("RISK").asInt()
                    + " " + counts.path("category").path("INCONSISTENCY").asInt() + " "
                    + counts.path("severity").path("critical").asInt() + " " + counts.path("severity").path("high").asInt()
                    + " " + counts.path("severity").path("medium").asInt() + " " + counts.path("severity").path("low").asInt()
                    + " " + counts.path("severity").path("info").asInt());
        }

        LodestoneSpark job = LodestoneSpark.builder("rules").build(spark);
        LodestoneSpark.Result result = job.evaluateFiles(List.of("facts/"));

        assertEquals(hash, job.rulesHash());
        for (Row row : result.findings().select("rulesHash").distinct().collectAsList()) {
            assertEquals(hash, row.getString(0));
        }
        Map<String, String> sparkReports = new HashMap<>();
        for (Row r : result.reports().collectAsList()) {
            assertEquals(hash, r.getAs("rulesHash"));
            sparkReports.put(r.getAs("factSet"), r.getAs("file") + " " + (double) r.getAs("alignmentScore") + " "
                    + r.getAs("alignmentBand") + " " + r.getAs("findings") + " " + r.getAs("facts") + " "
                    + r.getAs("rules") + " " + r.getAs("alignment") + " " + r.getAs("risk") + " "
                    + r.getAs("inconsistency") + " " + r.getAs("critical") + " " + r.getAs("high") + " "
                    + r.getAs("medium") + " " + r.getAs("low") + " " + r.getAs("info"));
        }
        assertEquals(cliReports, sparkReports);
        result.unpersist();
    }

    @Test
    void brokenFilesAreLocatedErrorRowsAndTheOthersAreEvaluated() throws Exception {
        Path broken = work.resolve("broken");
        writeBrokenFiles(broken);
        Cli cli = cli("evaluate", "--format", "jsonl", broken.toString());
        assertEquals(3, cli.exit, cli.stderr);
        Path out = work.resolve("out-broken");

        int exit = job("--input", broken.toString(), "--output", out.toString(), "--format", "jsonl");

        assertEquals(3, exit);
        List<JsonNode> errors = readJsonLines(out.resolve("errors"));
        List<JsonNode> cliErrors = cli.lines.stream().filter(l -> l.path("type").asText().equals("error")).toList();
        assertTrue(cliErrors.size() >= 6, cli.lines.toString());
        // one row per problem, each with the CLI's kind, file, line, column, JSON path and message (the error
        // table has a factSet column, null for a file that did not load, where the CLI's line leaves it out)
        assertEquals(counts(withoutNulls(withoutHash(cliErrors))), counts(withoutNulls(withoutHash(errors))));
        assertEquals(2, errors.stream().filter(e -> e.path("file").asText().endsWith("two-problems.json")).count());
        List<JsonNode> reports = readJsonLines(out.resolve("reports"));
        assertEquals(List.of("good"), reports.stream().map(r -> r.path("factSet").asText()).toList());
        assertEquals(counts(triples(cli.lines)), counts(triples(readJsonLines(out.resolve("findings")))));
    }

    @Test
    void packedJsonLinesGiveTheSameFindingsAndErrorsCarryTheRecordsLine() throws Exception {
        Path pack = work.resolve("packed/facts.jsonl");
        Files.createDirectories(pack.getParent());
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("facts"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                lines.add(JSON.writeValueAsString(JSON.readTree(f.toFile())));
            }
        }
        lines.add("");
        lines.add("{\"lodestone\": 1, \"id\": \"cut-short\", \"facts\": [");
        Files.write(pack, lines, StandardCharsets.UTF_8);
        Cli cli = cli("evaluate", "--format", "jsonl", "facts/");
        assertEquals(0, cli.exit, cli.stderr);

        LodestoneSpark.Result result = LodestoneSpark.builder("rules").build(spark)
                .evaluatePacked(List.of(pack.toString()));

        List<JsonNode> findings = rowsAsJson(result.findings().toJSON().collectAsList());
        assertEquals(counts(triples(cli.lines)), counts(triples(findings)));
        assertTrue(findings.stream().allMatch(f -> f.path("file").asText().matches(".*facts\\.jsonl:[1-9]\\d*")),
                findings.get(0).toString());
        List<JsonNode> errors = rowsAsJson(result.errors().toJSON().collectAsList());
        assertEquals(1, errors.size(), errors.toString());
        assertEquals("json-syntax", errors.get(0).path("kind").asText());
        assertTrue(errors.get(0).path("file").asText().endsWith("packed/facts.jsonl"), errors.toString());
        // one line per bundled set, a blank line, then the broken record
        assertEquals(bundledFactSets() + 2, errors.get(0).path("line").asInt(), "the broken record's line");
        result.unpersist();
    }

    @Test
    void theJavaApiTakesABinaryFileDatasetAndParamOverridesAsTheCliDoes() throws Exception {
        Cli cli = cli("evaluate", "--format", "jsonl", "--param", "aidFigureTolerance=0.95", "facts/");
        assertEquals(0, cli.exit, cli.stderr);
        Cli defaults = cli("evaluate", "--format", "jsonl", "facts/");
        assertFalse(counts(triples(cli.lines)).equals(counts(triples(defaults.lines))),
                "the override should change the findings, or this test proves nothing");
        LodestoneSpark job = LodestoneSpark.builder("rules").param("aidFigureTolerance", "0.95").build(spark);
        int compilations = Evaluators.compilations();

        LodestoneSpark.Result first = job.evaluate(spark.read().format("binaryFile").load("facts/*.json"));
        List<JsonNode> findings = rowsAsJson(first.findings().toJSON().collectAsList());
        LodestoneSpark.Result second = job.evaluate(spark.read().format("binaryFile").load("facts/*.json"));
        long again = second.findings().count();

        assertEquals(counts(triples(cli.lines)), counts(triples(findings)));
        assertEquals(findings.size(), again);
        // compiled on the driver by build(); local mode's executor tasks reuse that compilation
        assertEquals(compilations, Evaluators.compilations());
        first.unpersist();
        second.unpersist();
    }

    @Test
    void anInputThatMatchesNothingIsAnErrorRowAndExitsThreeInParquetByDefault() throws Exception {
        Path out = work.resolve("out-missing");
        int exit = job("--input", "facts/", "--input", "no/such/*.json", "--output", out.toString());
        assertEquals(3, exit);
        List<Row> errors = spark.read().parquet(out.resolve("errors").toString()).collectAsList();
        assertEquals(1, errors.size());
        assertEquals("io", errors.get(0).getAs("kind"));
        assertEquals("no/such/*.json", errors.get(0).getAs("file"));
        List<Row> reports = spark.read().parquet(out.resolve("reports").toString()).collectAsList();
        assertEquals(bundledFactSets(), reports.size());
        long findingsReported = spark.read().parquet(out.resolve("reports").toString())
                .agg(org.apache.spark.sql.functions.sum("findings")).first().getLong(0);
        assertEquals(findingsReported, spark.read().parquet(out.resolve("findings").toString()).count());
    }

    @Test
    void rulesThatDoNotCompileStopTheJobWithTheirLocation() throws Exception {
        Path rules = work.resolve("bad-rules/minerals");
        Files.createDirectories(rules);
        Files.writeString(rules.resolve("broken.drl"), "package minerals;\nrule \"x\"\nwhen\n  Nope(\nthen\nend\n");
        StringWriter err = new StringWriter();
        int exit = SparkMain.run(new String[] {"--rules", work.resolve("bad-rules").toString(), "--input", "facts/",
            "--output", work.resolve("out-bad-rules").toString()}, new PrintWriter(err, true));
        assertEquals(3, exit);
        assertTrue(err.toString().contains(work.resolve("bad-rules/minerals/broken.drl") + ":"), err.toString());
        assertFalse(Files.exists(work.resolve("out-bad-rules/findings")));
    }

    // --- helpers

    private static int job(String... args) {
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of("--rules", "rules"));
        all.addAll(List.of(args));
        int exit = SparkMain.run(all.toArray(String[]::new), new PrintWriter(err, true));
        System.err.print(err);
        return exit;
    }

    private record Cli(int exit, List<JsonNode> lines, String stderr) {
    }

    /** Runs {@code ./lodestone} (the CLI jar the root build made) from the repository root. */
    private static Cli cli(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("./lodestone"));
        command.addAll(List.of(args));
        File stdout = File.createTempFile("lodestone-cli", ".out");
        File stderr = File.createTempFile("lodestone-cli", ".err");
        try {
            Process p = new ProcessBuilder(command).redirectOutput(stdout).redirectError(stderr).start();
            assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the CLI did not finish");
            List<JsonNode> lines = new ArrayList<>();
            String text = Files.readString(stdout.toPath());
            if (args.length > 2 && args[2].equals("json")) {
                lines.add(JSON.readTree(text));
            } else {
                for (String line : text.split("\n")) {
                    if (!line.isBlank()) {
                        lines.add(JSON.readTree(line));
                    }
                }
            }
            return new Cli(p.exitValue(), lines, Files.readString(stderr.toPath()));
        } finally {
            Files.deleteIfExists(stdout.toPath());
            Files.deleteIfExists(stderr.toPath());
        }
    }

    private static List<JsonNode> readJsonLines(Path dir) throws IOException {
        List<JsonNode> rows = new ArrayList<>();
        try (Stream<Path> parts = Files.list(dir)) {
            for (Path part : parts.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList()) {
                for (String line : Files.readAllLines(part)) {
                    rows.add(JSON.readTree(line));
                }
            }
        }
        return rows;
    }

    private static List<JsonNode> rowsAsJson(List<String> json) throws IOException {
        List<JsonNode> rows = new ArrayList<>();
        for (String line : json) {
            rows.add(JSON.readTree(line));
        }
        return rows;
    }

    /** (factSet, ruleId, facts) of every finding line. */
    private static List<String> triples(List<JsonNode> lines) {
        return lines.stream().filter(l -> l.path("type").asText().equals("finding"))
                .map(l -> l.path("factSet").asText() + " " + l.path("ruleId").asText() + " " + l.path("facts"))
                .toList();
    }

    private static List<String> withoutHash(List<JsonNode> lines) {
        return lines.stream().map(l -> {
            ObjectNode copy = ((ObjectNode) l).deepCopy();
            copy.remove("rulesHash");
            return copy.toString();
        }).toList();
    }

    private static List<String> projected(List<JsonNode> lines, List<String> columns) {
        return lines.stream().filter(l -> l.path("type").asText().equals("finding")).map(l -> {
            ObjectNode kept = JSON.createObjectNode();
            columns.forEach(c -> kept.set(c, stripNulls(l.get(c))));
            return kept.toString();
        }).toList();
    }

    /** A null field and an absent one mean the same (Spark's JSON leaves nulls out; the CLI writes some). */
    private static JsonNode stripNulls(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isArray()) {
            com.fasterxml.jackson.databind.node.ArrayNode out = JSON.createArrayNode();
            node.forEach(e -> out.add(stripNulls(e)));
            return out;
        }
        if (node.isObject()) {
            ObjectNode out = JSON.createObjectNode();
            node.fields().forEachRemaining(e -> {
                if (!e.getValue().isNull()) {
                    out.set(e.getKey(), stripNulls(e.getValue()));
                }
            });
            return out;
        }
        return node;
    }

    private static List<String> withoutNulls(List<String> lines) {
        return lines.stream().map(l -> {
            try {
                ObjectNode node = (ObjectNode) JSON.readTree(l);
                List<String> nulls = new ArrayList<>();
                node.fieldNames().forEachRemaining(n -> {
                    if (node.get(n).isNull()) {
                        nulls.add(n);
                    }
                });
                node.remove(nulls);
                return node.toString();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).toList();
    }

    private static Map<String, Integer> counts(List<String> items) {
        Map<String, Integer> counts = new HashMap<>();
        items.forEach(i -> counts.merge(i, 1, Integer::sum));
        return counts;
    }

    /** One good set and files with one or more problems of each load stage. */
    private static void writeBrokenFiles(Path dir) throws IOException {
        Files.createDirectories(dir);
        ObjectNode good = (ObjectNode) JSON.readTree(Path.of("facts/us-jp-minerals-2023-clean.json").toFile());
        good.put("id", "good");
        Files.writeString(dir.resolve("good.json"), good.toPrettyString());
        Files.writeString(dir.resolve("syntax.json"), "{\n  \"lodestone\": 1,\n  \"id\": \"syntax\",\n"
                + "  \"facts\": [ { \"type\": \"Country\", \"id\": \"us\",, } ]\n}\n");
        Files.writeString(dir.resolve("empty.json"), "");
        ObjectNode unknownType = good.deepCopy();
        unknownType.put("id", "unknown-type");
        ((ObjectNode) unknownType.withArray("facts").get(0)).put("type", "Spaceship");
        Files.writeString(dir.resolve("unknown-type.json"), unknownType.toPrettyString());
        ObjectNode twoProblems = good.deepCopy();
        twoProblems.put("id", "two-problems");
        ArrayNode facts = twoProblems.withArray("facts");
        ((ObjectNode) facts.get(2)).put("type", "Spaceship");
        for (JsonNode fact : facts) {
            if (fact.path("type").asText().equals("Deal")) {
                ((ObjectNode) fact).put("requiresRatification", "perhaps");
            }
        }
        Files.writeString(dir.resolve("two-problems.json"), twoProblems.toPrettyString());
        Files.writeString(dir.resolve("not-an-object.json"), "[1, 2, 3]\n");
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(p);
            }
        }
    }
}
