package io.lodestone.cli;

import io.lodestone.Lodestone;
import io.lodestone.api.Diagnostic;
import io.lodestone.api.RulesException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

/** Options shared by every command that compiles rules: where they are, their parameters, the guards. */
public final class RulesOptions {
    @Option(
            names = "--rules",
            paramLabel = "DIR",
            defaultValue = "rules",
            description =
                    "Folder of .drl rule files (and params.json), searched recursively. Default: ${DEFAULT-VALUE}.")
    Path rulesDir;

    @Option(
            names = {"-p", "--param"},
            paramLabel = "NAME=VALUE",
            description = "Set a rule parameter (a DRL global), overriding params.json. Repeatable.")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(
            names = "--max-firings",
            paramLabel = "N",
            defaultValue = "" + Lodestone.DEFAULT_MAX_FIRINGS,
            description = "Stop a fact set after N rule firings and report it (guards against looping rules). "
                    + "Default: ${DEFAULT-VALUE}.")
    long maxFirings;

    @Option(
            names = "--timeout",
            paramLabel = "DURATION",
            defaultValue = "10s",
            converter = DurationConverter.class,
            description =
                    "Stop a fact set's evaluation after this long, e.g. 500ms, 10s, 2m. Default: ${DEFAULT-VALUE}.")
    Duration timeout;

    @Option(
            names = "--max-file-bytes",
            paramLabel = "BYTES",
            defaultValue = "" + Lodestone.DEFAULT_MAX_FILE_BYTES,
            description = "Refuse fact-set files larger than this. Default: ${DEFAULT-VALUE}.")
    long maxFileBytes;

    @Option(
            names = "--max-depth",
            paramLabel = "N",
            defaultValue = "" + Lodestone.DEFAULT_MAX_DEPTH,
            description = "Refuse fact sets nested deeper than this. Default: ${DEFAULT-VALUE}.")
    int maxDepth;

    @Option(
            names = "--isolate-rules",
            description = "Fire rules on a worker thread so even a consequence that never returns is abandoned "
                    + "after --timeout (costs ~0.1-0.2 ms per fact set; lodestone serve always does this).")
    boolean isolateRules;

    @Option(
            names = "--no-rule-cache",
            description = "Compile the rules even when a compiled copy of these exact rule files is cached "
                    + "(in $LODESTONE_RULE_CACHE, default ~/.cache/lodestone).")
    boolean noRuleCache;

    @Option(
            names = "--lenient",
            description = "Unknown fields in fact sets are warnings (the field is ignored), not errors.")
    boolean lenient;

    @Option(
            names = "--strict",
            description = "Value warnings (a word outside an open vocabulary of the rules folder) are errors: "
                    + "such a fact set is not evaluated.")
    boolean strict;

    @picocli.CommandLine.Spec(picocli.CommandLine.Spec.Target.MIXEE)
    picocli.CommandLine.Model.CommandSpec mixee;

    /** The evaluator's settings from these options; a value out of range is a usage error (exit 2). */
    Lodestone.Builder builder() {
        if (maxFirings < 1
                || maxFirings > Integer.MAX_VALUE
                || timeout.isNegative()
                || timeout.isZero()
                || maxFileBytes < 1
                || maxDepth < 1) {
            throw new picocli.CommandLine.ParameterException(
                    mixee.commandLine(), "--max-firings, --timeout, --max-file-bytes and --max-depth must be positive");
        }
        Lodestone.Builder b = Lodestone.builder(rulesDir)
                .maxFirings(maxFirings)
                .timeout(timeout)
                .maxFileBytes(maxFileBytes)
                .maxDepth(maxDepth)
                .lenient(lenient)
                .strict(strict)
                .isolateRules(isolateRules)
                .ruleCache(noRuleCache ? null : Lodestone.defaultRuleCache());
        params.forEach(b::param);
        return b;
    }

    /**
     * Fails like a rule load error (exit 3) when the rules folder is missing, saying where the rule pack
     * that ships with this jar is, so a launcher run from another folder tells the user what to pass.
     */
    void requireRulesFolder() throws RulesException {
        if (Files.isDirectory(rulesDir)) {
            return;
        }
        Path bundled = bundledRules();
        String where = rulesDir.isAbsolute() ? "" : " in " + Path.of("").toAbsolutePath();
        throw new RulesException(List.of(Diagnostic.io(
                rulesDir.toString(),
                "rules folder not found" + where + " (expected a folder of .drl files; set it with --rules DIR"
                        + (bundled == null ? "" : ", e.g. the bundled rule pack: --rules " + bundled) + ")")));
    }

    /** The {@code rules} folder beside the jar (or the classes folder) or up to two levels above it. */
    static Path bundledRules() {
        try {
            Path p = Path.of(RulesOptions.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            for (int up = 0; up < 3 && p != null; up++, p = p.getParent()) {
                Path candidate = p.resolve("rules");
                if (Files.isDirectory(candidate)) {
                    return candidate.toAbsolutePath().normalize();
                }
            }
        } catch (Exception e) {
            // no code source (an unusual class loader): the message just has no pointer
        }
        return null;
    }

    /** 500ms, 10s, 2m, or a bare number of seconds; never negative, never more than a day. */
    static final class DurationConverter implements ITypeConverter<Duration> {
        /** Longer durations are typing mistakes (and 1e300s would overflow the arithmetic on it). */
        static final Duration MAX = Duration.ofDays(1);

        @Override
        public Duration convert(String value) {
            String v = value.trim().toLowerCase(Locale.ROOT);
            double millis;
            try {
                if (v.endsWith("ms")) {
                    millis = Double.parseDouble(v.substring(0, v.length() - 2));
                } else if (v.endsWith("s")) {
                    millis = Double.parseDouble(v.substring(0, v.length() - 1)) * 1000;
                } else if (v.endsWith("m")) {
                    millis = Double.parseDouble(v.substring(0, v.length() - 1)) * 60_000;
                } else {
                    millis = Double.parseDouble(v) * 1000;
                }
            } catch (NumberFormatException e) {
                throw new picocli.CommandLine.TypeConversionException(
                        "'" + value + "' is not a duration (expected e.g. 500ms, 10s, 2m)");
            }
            if (Double.isNaN(millis) || millis < 0 || millis > MAX.toMillis()) {
                throw new picocli.CommandLine.TypeConversionException(
                        "'" + value + "' is out of range (a duration from 0 to 24h, e.g. 500ms, 10s, 2m)");
            }
            return Duration.ofMillis(Math.round(millis));
        }
    }
}
