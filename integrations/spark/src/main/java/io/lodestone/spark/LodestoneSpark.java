package io.lodestone.spark;

import io.lodestone.api.Diagnostic;
import io.lodestone.api.RulesException;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.input.PortableDataStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * Lodestone inside a Spark application: a rules folder compiled once per executor JVM, fact sets in as a
 * {@code Dataset<Row>} of files, findings, reports and errors out as three Datasets (docs/spark.md).
 *
 * <pre>{@code
 * LodestoneSpark job = LodestoneSpark.builder("rules").param("aidFigureTolerance", "0.1").build(spark);
 * LodestoneSpark.Result result = job.evaluate(spark.read().format("binaryFile").load("facts/*.json"));
 * result.findings().where("severity = 'high'").show();
 * }</pre>
 */
public final class LodestoneSpark {
    private final SparkSession spark;
    private final RuleSet rules;
    private final String rulesHash;
    private final String localBase;

    private LodestoneSpark(SparkSession spark, RuleSet rules, String rulesHash, String localBase) {
        this.spark = spark;
        this.rules = rules;
        this.rulesHash = rulesHash;
        this.localBase = localBase;
    }

    /**
     * Starts configuring a job over a rules folder.
     *
     * @param rulesDir the rules folder on any Hadoop-compatible file system
     * @return a builder; {@link Builder#build(SparkSession)} reads and compiles the rules
     */
    public static Builder builder(String rulesDir) {
        return new Builder(rulesDir);
    }

    /**
     * The hash of the rule files, as the CLI reports it; every output row carries it.
     *
     * @return {@code sha256:…}
     */
    public String rulesHash() {
        return rulesHash;
    }

    /**
     * Evaluates fact sets given as rows with {@code path} (string), {@code content} (binary or string) and,
     * optionally, {@code line} (the record's 1-based line in a packed file). Spark's {@code binaryFile} source
     * gives such rows; so does a Parquet table of packed fact sets with those columns.
     *
     * @param files one row per fact set
     * @return the three tables, computed once when first used
     */
    public Result evaluate(Dataset<Row> files) {
        return new Result(spark, outcomes(files), List.of(), rulesHash);
    }

    private Dataset<Row> outcomes(Dataset<Row> files) {
        List<String> columns = List.of(files.columns());
        Dataset<Row> inputs = files.select(functions.col("path"), functions.col("content"),
                optional(columns, "line", "int"), optional(columns, "readErrorKind", "string"),
                optional(columns, "readError", "string"));
        return inputs.mapPartitions(new FactSetEvaluator(rules, localBase), Encoders.row(Schemas.OUTCOME));
    }

    /**
     * Evaluates fact-set files, listed as the CLI lists them: each input is a file, a folder (searched
     * recursively for {@code *.json}; rule test expectations {@code *.expect.json} left out) or a Hadoop glob.
     * The driver lists; each executor task reads its files whole. An input that matches nothing is an
     * {@code io} error row; an empty file is a {@code json-syntax} row (Spark's own {@code binaryFile} source
     * would skip it).
     *
     * @param inputs paths, folders and globs on any Hadoop-compatible file system
     * @return the three tables
     * @throws IOException when the file system cannot be listed
     */
    public Result evaluateFiles(List<String> inputs) throws IOException {
        List<Row> listingErrors = new ArrayList<>();
        Set<String> files = new LinkedHashSet<>();
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        for (String input : inputs) {
            Path path = new Path(input);
            FileSystem fs = path.getFileSystem(conf);
            FileStatus[] matched = fs.globStatus(path);
            if (matched == null || matched.length == 0) {
                listingErrors.add(Rows.error(Diagnostic.Kind.IO.label(), input,
                        isGlob(input) ? "no file matches this pattern" : "no such file or folder", rulesHash));
                continue;
            }
            for (FileStatus status : matched) {
                if (status.isDirectory()) {
                    List<String> found = new ArrayList<>();
                    for (FileStatus file : walk(fs, status.getPath())) {
                        if (isFactSetName(file.getPath().getName())) {
                            found.add(file.getPath().toString());
                        }
                    }
                    if (found.isEmpty() && !isGlob(input)) {
                        listingErrors.add(Rows.error(Diagnostic.Kind.IO.label(), input, "folder holds no .json fact sets",
                                rulesHash));
                    }
                    found.stream().sorted().forEach(files::add);
                } else if (!status.getPath().getName().endsWith(".expect.json")) {
                    files.add(status.getPath().toString());
                }
            }
        }
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        // small files: a few dozen per task keeps scheduling overhead low and every core busy
        int slices = Math.max(1, Math.min(files.size(), Math.max(sc.defaultParallelism() * 4, files.size() / 64)));
        JavaRDD<Row> read = sc.parallelize(new ArrayList<>(files), slices)
                .map(new FileReader(conf, rules.limits().maxFileBytes()));
        return new Result(spark, outcomes(spark.createDataFrame(read, Schemas.INPUT)), listingErrors, rulesHash);
    }

    /**
     * Every file under {@code dir}. listStatus, not listFiles: on the local file system without Hadoop's
     * native library, the located statuses listFiles builds read permissions by forking {@code ls -ld} per file.
     */
    static List<FileStatus> walk(FileSystem fs, Path dir) throws IOException {
        List<FileStatus> files = new ArrayList<>();
        java.util.ArrayDeque<Path> folders = new java.util.ArrayDeque<>(List.of(dir));
        while (!folders.isEmpty()) {
            for (FileStatus status : fs.listStatus(folders.pop())) {
                if (status.isDirectory()) {
                    folders.push(status.getPath());
                } else {
                    files.add(status);
                }
            }
        }
        return files;
    }

    private static boolean isFactSetName(String name) {
        return name.endsWith(".json") && !name.endsWith(".expect.json");
    }

    /**
     * Evaluates packed inputs: JSON Lines files with one fact set per line (the remedy for many small files).
     * Each file is streamed by one task, line by line; blank lines are skipped; errors carry the file and the
     * record's line, findings and reports name the record {@code file:line}.
     *
     * @param inputs packed files, folders or Hadoop globs
     * @return the three tables
     */
    public Result evaluatePacked(List<String> inputs) {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        JavaRDD<Row> records = sc.binaryFiles(String.join(",", inputs))
                .flatMap(file -> new PackedRecords(file._1(), file._2()));
        return evaluate(spark.createDataFrame(records, Schemas.INPUT));
    }

    private static org.apache.spark.sql.Column optional(List<String> columns, String name, String type) {
        return columns.contains(name) ? functions.col(name).cast(type) : functions.lit(null).cast(type).as(name);
    }

    private static boolean isGlob(String text) {
        return text.indexOf('*') >= 0 || text.indexOf('?') >= 0 || text.indexOf('[') >= 0 || text.indexOf('{') >= 0;
    }

    /** The records of one packed file, read lazily so that a large file is never held in memory whole. */
    private static final class PackedRecords implements Iterator<Row> {
        private final String path;
        private final BufferedReader reader;
        private String next;
        private int line;
        private int nextLine;

        PackedRecords(String path, PortableDataStream stream) {
            this.path = path;
            this.reader = new BufferedReader(new InputStreamReader(stream.open(), StandardCharsets.UTF_8));
            advance();
        }

        private void advance() {
            try {
                String text;
                while ((text = reader.readLine()) != null) {
                    line++;
                    if (!text.isBlank()) {
                        next = text;
                        nextLine = line;
                        return;
                    }
                }
                next = null;
                reader.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + path, e);
            }
        }

        @Override
        public boolean hasNext() {
            return next != null;
        }

        @Override
        public Row next() {
            if (next == null) {
                throw new NoSuchElementException();
            }
            Row row = RowFactory.create(path, next.getBytes(StandardCharsets.UTF_8), nextLine, null, null);
            advance();
            return row;
        }
    }

    /** The three tables of one evaluation, over one persisted pass through the inputs. */
    public static final class Result {
        private final SparkSession spark;
        private final Dataset<Row> outcomes;
        private final List<Row> listingErrors;
        private final String rulesHash;

        Result(SparkSession spark, Dataset<Row> outcomes, List<Row> listingErrors, String rulesHash) {
            this.spark = spark;
            // the three tables are read from one evaluation, not three
            this.outcomes = outcomes.persist(org.apache.spark.storage.StorageLevel.MEMORY_AND_DISK());
            this.listingErrors = listingErrors;
            this.rulesHash = rulesHash;
        }

        /**
         * One row per finding ({@link Schemas#FINDING}).
         *
         * @return the findings table
         */
        public Dataset<Row> findings() {
            return outcomes.select(functions.explode(functions.col("findings")).as("f")).select("f.*");
        }

        /**
         * One row per evaluated fact set ({@link Schemas#REPORT}); a file that could not be loaded has none.
         *
         * @return the reports table
         */
        public Dataset<Row> reports() {
            return outcomes.where(functions.col("report").isNotNull()).select("report.*");
        }

        /**
         * One row per load or rule error ({@link Schemas#ERROR}), inputs that matched nothing included.
         *
         * @return the errors table
         */
        public Dataset<Row> errors() {
            Dataset<Row> evaluated = outcomes.select(functions.explode(functions.col("errors")).as("e")).select("e.*");
            return listingErrors.isEmpty() ? evaluated
                    : evaluated.unionByName(spark.createDataFrame(listingErrors, Schemas.ERROR));
        }

        /**
         * The hash of the rules every row was evaluated with.
         *
         * @return {@code sha256:…}
         */
        public String rulesHash() {
            return rulesHash;
        }

        /**
         * Writes {@code findings/}, {@code reports/} and {@code errors/} under {@code outputDir}, replacing them.
         *
         * @param outputDir a folder on any Hadoop-compatible file system
         * @param format    {@code parquet} or {@code jsonl} (JSON Lines; null fields are left out, as the CLI does)
         */
        public void write(String outputDir, String format) {
            String sparkFormat = switch (format) {
                case "parquet" -> "parquet";
                case "jsonl", "json" -> "json";
                default -> throw new IllegalArgumentException("format must be parquet or jsonl, not " + format);
            };
            String base = outputDir.endsWith("/") ? outputDir : outputDir + "/";
            // evaluate at full parallelism into the cache first, then write few files per table (each output
            // file costs the file system a create, a rename and, locally, a permission change)
            outcomes.count();
            int files = Math.max(1, spark.sparkContext().defaultParallelism());
            // JSON Lines as the CLI writes them: a finding leaves out a null weight or quote, an error keeps its nulls
            findings().coalesce(files).write().mode("overwrite").format(sparkFormat).option("ignoreNullFields", "true")
                    .save(base + "findings");
            reports().coalesce(files).write().mode("overwrite").format(sparkFormat).option("ignoreNullFields", "false")
                    .save(base + "reports");
            errors().coalesce(files).write().mode("overwrite").format(sparkFormat).option("ignoreNullFields", "false")
                    .save(base + "errors");
        }

        /** Releases the persisted evaluation. */
        public void unpersist() {
            outcomes.unpersist();
        }
    }

    /** Options for a job; every setter returns the builder. */
    public static final class Builder {
        private final String rulesDir;
        private final Map<String, String> params = new LinkedHashMap<>();
        private RuleSet.Limits limits = RuleSet.Limits.DEFAULTS;
        private String ruleCache;

        private Builder(String rulesDir) {
            this.rulesDir = Objects.requireNonNull(rulesDir, "rulesDir");
        }

        /**
         * Overrides a rule parameter from {@code params.json}, as {@code --param}.
         *
         * @param name       the DRL global
         * @param jsonOrText a JSON value, or plain text taken as a string
         * @return this builder
         */
        public Builder param(String name, String jsonOrText) {
            params.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(jsonOrText, "value"));
            return this;
        }

        /**
         * Sets the CLI's limits (defaults: {@link RuleSet.Limits#DEFAULTS}).
         *
         * @param maxFirings   rule firings per fact set
         * @param timeout      time per fact set
         * @param maxFileBytes largest fact set
         * @param maxDepth     deepest nesting in a fact set
         * @param lenient      unknown fact fields are warnings, not errors
         * @return this builder
         */
        public Builder limits(long maxFirings, Duration timeout, long maxFileBytes, int maxDepth, boolean lenient) {
            this.limits = new RuleSet.Limits(maxFirings, timeout, maxFileBytes, maxDepth, lenient);
            return this;
        }

        /**
         * Keeps compiled rule bases in this local folder on each executor, so a new executor loads instead of
         * compiling (default: none).
         *
         * @param dir a local folder, or null
         * @return this builder
         */
        public Builder ruleCache(String dir) {
            this.ruleCache = dir;
            return this;
        }

        /**
         * Reads the rules folder and compiles it once on the driver, so a rule error stops the job before any
         * task runs (in local mode the executors reuse this compilation).
         *
         * @param spark the session
         * @return the job
         * @throws RulesException with every located rule problem, named under the rules folder as given
         * @throws IOException    when the rules folder cannot be read
         */
        public LodestoneSpark build(SparkSession spark) throws RulesException, IOException {
            RuleSet rules = RuleSet.read(rulesDir, spark.sparkContext().hadoopConfiguration(), params, limits,
                    ruleCache);
            String hash = Evaluators.get(rules).lodestone().rulesHash();
            String cwd = new File("").getAbsoluteFile().toURI().toString();
            return new LodestoneSpark(spark, rules, hash, cwd.endsWith("/") ? cwd : cwd + "/");
        }
    }
}
