package io.lodestone.spark;

import io.lodestone.api.Diagnostic;
import io.lodestone.api.RulesException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code spark-submit} entry point: evaluates fact sets and writes findings, reports and errors under
 * {@code --output}. Exit codes are the CLI's: 0 all evaluated, 2 usage, 3 a rule file or an input could not
 * be loaded or a rule failed (every other input is still in the tables), 4 internal error.
 */
@Command(name = "lodestone-spark", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Evaluate fact sets with Lodestone on Spark; write findings, reports and errors as tables.")
public final class SparkMain implements Callable<Integer> {
    @Option(names = "--rules", paramLabel = "DIR", defaultValue = "rules",
            description = "Rules folder (.drl files, params.json, vocabulary/*.json) on any Hadoop file system (default: ${DEFAULT-VALUE}).")
    String rules;

    @Option(names = "--input", paramLabel = "GLOB", required = true,
            description = "Fact-set files, folders (searched recursively for *.json) or Hadoop globs. Repeatable.")
    List<String> inputs;

    @Option(names = "--input-format", paramLabel = "KIND", defaultValue = "files",
            description = "files (one fact set per file, default), jsonl (packed: one fact set per line) or "
                    + "parquet (packed: columns path and content).")
    String inputFormat;

    @Option(names = "--output", paramLabel = "DIR", required = true,
            description = "Folder for findings/, reports/ and errors/ (replaced when they exist).")
    String output;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "parquet",
            description = "parquet (default) or jsonl.")
    String format;

    @Option(names = {"-p", "--param"}, paramLabel = "NAME=VALUE",
            description = "Set a rule parameter (a DRL global), overriding params.json. Repeatable.")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--max-firings", paramLabel = "N", defaultValue = "100000",
            description = "Stop a fact set after N rule firings (default: ${DEFAULT-VALUE}).")
    long maxFirings;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "10s",
            description = "Stop a fact set after this long, e.g. 500ms, 10s, 2m (default: ${DEFAULT-VALUE}).")
    String timeout;

    @Option(names = "--max-file-bytes", paramLabel = "N", defaultValue = "67108864",
            description = "Refuse larger fact sets (default: ${DEFAULT-VALUE}).")
    long maxFileBytes;

    @Option(names = "--max-depth", paramLabel = "N", defaultValue = "64",
            description = "Refuse more deeply nested fact sets (default: ${DEFAULT-VALUE}).")
    int maxDepth;

    @Option(names = "--lenient", description = "Unknown fact fields are warnings (ignored), not errors.")
    boolean lenient;

    @Option(names = "--rule-cache", paramLabel = "DIR",
            description = "Local folder on each executor for compiled rule bases (default: none, always compile).")
    String ruleCache;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master when not run by spark-submit, e.g. local[*].")
    String master;

    private PrintWriter err = new PrintWriter(System.err, true);

    /**
     * Runs the job and exits with its code.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.err, true)));
    }

    /**
     * Runs the job without exiting, for tests and embedding.
     *
     * @param args the command line
     * @param err  where usage and load errors go
     * @return the exit code
     */
    public static int run(String[] args, PrintWriter err) {
        SparkMain command = new SparkMain();
        command.err = err;
        CommandLine cli = new CommandLine(command);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            err.println("lodestone-spark: internal error: " + e);
            e.printStackTrace(err);
            return 4;
        });
        return cli.execute(args);
    }

    @Override
    public Integer call() throws Exception {
        Duration limit = parseDuration(timeout);
        if (!List.of("parquet", "jsonl").contains(format) || !List.of("files", "jsonl", "parquet").contains(inputFormat)
                || limit == null || maxFirings < 1 || maxFileBytes < 1 || maxDepth < 1) {
            err.println("lodestone-spark: --format is parquet or jsonl, --input-format files, jsonl or parquet, and "
                    + "--max-firings, --timeout, --max-file-bytes, --max-depth are positive");
            return 2;
        }
        SparkSession.Builder builder = SparkSession.builder().appName("lodestone");
        if (master != null) {
            builder.master(master);
        }
        SparkSession spark = builder.getOrCreate();
        LodestoneSpark job;
        try {
            LodestoneSpark.Builder b = LodestoneSpark.builder(rules)
                    .limits(maxFirings, limit, maxFileBytes, maxDepth, lenient)
                    .ruleCache(ruleCache);
            params.forEach(b::param);
            job = b.build(spark);
        } catch (RulesException e) {
            for (Diagnostic error : e.errors()) {
                err.println(error.toCompilerString());
            }
            return 3;
        }
        long started = System.nanoTime();
        LodestoneSpark.Result result = switch (inputFormat) {
            case "jsonl" -> job.evaluatePacked(inputs);
            case "parquet" -> job.evaluate(spark.read().parquet(inputs.toArray(String[]::new)));
            default -> job.evaluateFiles(inputs);
        };
        try {
            result.write(output, format);
            long errors = spark.read().format(format.equals("jsonl") ? "json" : "parquet")
                    .schema(Schemas.ERROR).load(output + "/errors").count();
            err.printf(Locale.ROOT, "lodestone-spark: rules %s; wrote %s/{findings,reports,errors} (%d errors) "
                    + "in %.1f s after the driver's rule compile%n", job.rulesHash(), output, errors,
                    (System.nanoTime() - started) / 1e9);
            return errors == 0 ? 0 : 3;
        } finally {
            result.unpersist();
        }
    }

    /** 500ms, 10s, 2m, or a bare number of seconds, as the CLI reads {@code --timeout}; null when malformed. */
    static Duration parseDuration(String text) {
        String v = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (v.endsWith("ms")) {
                return positive(Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2))));
            }
            if (v.endsWith("s")) {
                return positive(Duration.ofMillis(Math.round(Double.parseDouble(v.substring(0, v.length() - 1)) * 1000)));
            }
            if (v.endsWith("m")) {
                return positive(Duration.ofSeconds(Math.round(Double.parseDouble(v.substring(0, v.length() - 1)) * 60)));
            }
            return positive(Duration.ofMillis(Math.round(Double.parseDouble(v) * 1000)));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Duration positive(Duration d) {
        return d.isNegative() || d.isZero() ? null : d;
    }
}
