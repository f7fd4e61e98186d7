package io.lodestone.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;

/**
 * A rules folder shipped with the job as text: every {@code .drl} file, {@code params.json} and the
 * {@code vocabulary/*.json} word lists, by path
 * relative to the folder (the same files, and so the same rules hash, as the CLI reads), the
 * {@code --param} overrides and the CLI's limits. Executors compile it once per JVM ({@link Evaluators}).
 */
public final class RuleSet implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final String PARAMS_FILE = "params.json";

    private final String displayDir;
    private final TreeMap<String, String> files;
    private final LinkedHashMap<String, String> params;
    private final Limits limits;
    private final String ruleCache;

    /** The CLI's limits and options that change what a fact set's evaluation gives. */
    public record Limits(long maxFirings, Duration timeout, long maxFileBytes, int maxDepth, boolean lenient)
            implements Serializable {
        /** The CLI's defaults: 100,000 firings, 10 s, 64 MiB, depth 64, unknown fields are errors. */
        public static final Limits DEFAULTS = new Limits(100_000, Duration.ofSeconds(10), 64L << 20, 64, false);
    }

    RuleSet(String displayDir, Map<String, String> files, Map<String, String> params, Limits limits,
            String ruleCache) {
        this.displayDir = Objects.requireNonNull(displayDir, "displayDir");
        this.files = new TreeMap<>(files);
        this.params = new LinkedHashMap<>(params);
        this.limits = Objects.requireNonNull(limits, "limits");
        this.ruleCache = ruleCache;
    }

    /**
     * Reads a rules folder from any Hadoop-compatible file system (a local path, {@code hdfs://}, {@code s3a://}).
     *
     * @param dir       the rules folder, searched recursively for {@code .drl} files and {@code params.json}
     * @param conf      the Hadoop configuration (the Spark session's)
     * @param params    parameter overrides, name to JSON or plain text, as {@code --param}
     * @param limits    the evaluation limits
     * @param ruleCache a folder on each executor for compiled rule bases, or null for none
     * @return the rule files as text
     * @throws IOException when the folder cannot be listed or a file cannot be read
     */
    public static RuleSet read(String dir, Configuration conf, Map<String, String> params, Limits limits,
                               String ruleCache) throws IOException {
        Path root = new Path(dir);
        FileSystem fs = root.getFileSystem(conf);
        Map<String, String> files = new TreeMap<>();
        if (fs.exists(root) && fs.getFileStatus(root).isDirectory()) {
            String base = fs.makeQualified(root).toUri().getPath();
            base = base.endsWith("/") ? base : base + "/";
            for (FileStatus status : LodestoneSpark.walk(fs, root)) {
                String name = status.getPath().getName();
                if (name.endsWith(".drl") || name.equals(PARAMS_FILE) || isVocabulary(status.getPath())) {
                    String rel = status.getPath().toUri().getPath().substring(base.length());
                    try (InputStream in = fs.open(status.getPath())) {
                        files.put(rel, new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    }
                }
            }
        }
        // a missing or empty folder is compiled anyway, so that the core reports it as the CLI does
        return new RuleSet(dir, files, params, limits, ruleCache);
    }

    /** A word list the model's {@code @vocabulary} names: {@code vocabulary/NAME.json}, as the core reads it. */
    private static boolean isVocabulary(Path path) {
        return path.getName().endsWith(".json")
                && path.getParent() != null
                && path.getParent().getName().equals("vocabulary");
    }

    /**
     * The rules folder as the user named it; rule errors are reported under it, as the CLI does.
     *
     * @return e.g. {@code rules}
     */
    public String displayDir() {
        return displayDir;
    }

    /**
     * The rule and parameter files.
     *
     * @return relative path to text, sorted by path
     */
    public Map<String, String> files() {
        return java.util.Collections.unmodifiableMap(files);
    }

    /**
     * The parameter overrides.
     *
     * @return name to JSON or plain text, in the order given
     */
    public Map<String, String> params() {
        return java.util.Collections.unmodifiableMap(params);
    }

    /**
     * The evaluation limits.
     *
     * @return firings, timeout, file size, depth and leniency
     */
    public Limits limits() {
        return limits;
    }

    /**
     * Where executors keep compiled rule bases.
     *
     * @return a local folder, or null for none
     */
    public String ruleCache() {
        return ruleCache;
    }

    /**
     * Identifies everything that makes a compiled evaluator: files, overrides and limits.
     *
     * @return a SHA-256 hex digest; executors key their compiled evaluators by it
     */
    public String key() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            files.forEach((path, text) -> update(digest, path, text));
            params.forEach((name, value) -> update(digest, "--param " + name, value));
            update(digest, "limits", limits.toString());
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static void update(MessageDigest digest, String a, String b) {
        digest.update(a.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        digest.update(b.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
    }
}
