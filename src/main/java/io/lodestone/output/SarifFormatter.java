package io.lodestone.output;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lodestone.api.Diagnostic;
import io.lodestone.api.FactLocation;
import io.lodestone.api.FactLocator;
import io.lodestone.api.Finding;
import io.lodestone.api.Report;
import io.lodestone.api.RuleDescription;
import io.lodestone.api.RunReport;
import io.lodestone.api.Severity;
import io.lodestone.api.Sha256;
import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * SARIF 2.1.0 for code-scanning tools: the rule set as {@code tool.driver.rules}, one result per finding
 * located at the first cited fact in its fact-set file, load errors as tool execution notifications.
 * {@code partialFingerprints} hash rule id, fact-set id and fact ids, so a finding keeps its identity
 * across runs whatever its message or position.
 */
public final class SarifFormatter implements ReportFormatter {
    static final String SCHEMA =
            "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
    static final String FINGERPRINT = "lodestoneFinding/v1";
    /** Where people learn about the tool (SARIF2005); the project's documentation root. */
    static final String INFORMATION_URI = "https://lodestone.example/";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Override
    public String name() {
        return "sarif";
    }

    @Override
    public String description() {
        return "SARIF 2.1.0 for code-scanning tools";
    }

    @Override
    public void write(RunReport run, OutputOptions options, Writer out) throws IOException {
        JsonDocuments.write(toSarif(run, options.locator()), out);
    }

    static ObjectNode toSarif(RunReport run, FactLocator locator) {
        return toSarif(run, locator, System.getenv());
    }

    /** {@code env} decides {@code automationDetails} (Azure Pipelines or not, {@link SarifAutomation}). */
    static ObjectNode toSarif(RunReport run, FactLocator locator, Map<String, String> env) {
        ObjectNode root = NODES.objectNode();
        root.put("$schema", SCHEMA);
        root.put("version", "2.1.0");
        ObjectNode sarifRun = root.putArray("runs").addObject();
        Map<String, Integer> ruleIndex = new LinkedHashMap<>();
        ObjectNode driver = sarifRun.putObject("tool").putObject("driver");
        driver.put("name", "Lodestone");
        String version = SarifFormatter.class.getPackage().getImplementationVersion();
        driver.put("fullName", "Lodestone policy evaluator " + (version == null ? "(development)" : version));
        driver.put("version", version == null ? "development" : version);
        driver.put("informationUri", INFORMATION_URI);
        driver.set("rules", rules(run, ruleIndex));
        ObjectNode invocation = sarifRun.putArray("invocations").addObject();
        invocation.put("executionSuccessful", !run.hasErrors());
        ArrayNode notifications = invocation.putArray("toolExecutionNotifications");
        sarifRun.set(
                "automationDetails",
                SarifAutomation.of(
                        env,
                        "Lodestone findings for " + run.reports().size() + " fact set(s)"
                                + (run.rulesHash() == null ? "" : " with rules " + run.rulesHash())));
        ArrayNode results = sarifRun.putArray("results");
        for (Report report : run.reports()) {
            for (Finding f : report.findings()) {
                results.add(result(locator, report, f, ruleIndex));
            }
            report.errors().forEach(e -> notifications.add(notification(e, report.id())));
        }
        run.errors().forEach(e -> notifications.add(notification(e, null)));
        if (run.rulesHash() != null) {
            sarifRun.putObject("properties").put("rulesHash", run.rulesHash());
        }
        return root;
    }

    private static ArrayNode rules(RunReport run, Map<String, Integer> index) {
        ArrayNode rules = NODES.arrayNode();
        for (RuleDescription r : run.rules()) {
            if (r.isDerivation() || index.containsKey(r.id())) {
                continue;
            }
            index.put(r.id(), index.size());
            ObjectNode rule = rules.addObject();
            rule.put("id", r.id());
            if (r.name() != null) {
                rule.put("name", r.name());
            }
            String full = r.description() == null ? (r.name() == null ? r.id() : r.name()) : r.description();
            rule.putObject("shortDescription").put("text", full);
            rule.putObject("fullDescription").put("text", full);
            String where = r.file() == null ? null : r.file() + (r.line() > 0 ? ":" + r.line() : "");
            ObjectNode help = rule.putObject("help");
            help.put("text", full + (where == null ? "" : " Defined in " + where + "."));
            help.put(
                    "markdown",
                    MarkdownFormatter.cell(full)
                            + (where == null ? "" : "\n\nDefined in `" + where.replace("`", "") + "`."));
            rule.putObject("defaultConfiguration").put("level", level(r.severity()));
            ObjectNode props = rule.putObject("properties");
            props.put("category", r.category().name());
            props.put("severity", r.severity().label());
            props.putArray("tags").add(r.category().name().toLowerCase(java.util.Locale.ROOT));
        }
        // a run built without descriptions still gets one entry per rule that produced a finding
        for (Report report : run.reports()) {
            for (Finding f : report.findings()) {
                if (!index.containsKey(f.getRuleId())) {
                    index.put(f.getRuleId(), index.size());
                    ObjectNode rule = rules.addObject();
                    rule.put("id", f.getRuleId());
                    rule.putObject("shortDescription").put("text", f.getRuleId());
                    rule.putObject("fullDescription").put("text", f.getRuleId());
                    rule.putObject("help").put("text", "Rule " + f.getRuleId() + " (no description in this run).");
                }
            }
        }
        return rules;
    }

    private static ObjectNode result(FactLocator locator, Report report, Finding f, Map<String, Integer> ruleIndex) {
        ObjectNode result = NODES.objectNode();
        result.put("ruleId", f.getRuleId());
        result.put("ruleIndex", ruleIndex.get(f.getRuleId()));
        result.put("level", level(f.getSeverity()));
        result.putObject("message").put("text", f.getMessage());
        ObjectNode location = result.putArray("locations").addObject();
        ObjectNode physical = location.putObject("physicalLocation");
        physical.putObject("artifactLocation").put("uri", uri(report.file()));
        Optional<FactLocation> at = f.getFacts().stream()
                .map(id -> locator.locate(report.file(), id))
                .flatMap(Optional::stream)
                .findFirst();
        at.ifPresent(l -> {
            ObjectNode region = physical.putObject("region");
            region.put("startLine", l.line());
            region.put("startColumn", l.column());
            ObjectNode logical = location.putArray("logicalLocations").addObject();
            logical.put("name", l.fact());
            logical.put("fullyQualifiedName", l.path());
            logical.put("kind", "object");
        });
        result.putObject("partialFingerprints").put(FINGERPRINT, fingerprint(f.getRuleId(), report.id(), f.getFacts()));
        ObjectNode props = result.putObject("properties");
        props.put("factSet", report.id());
        props.put("category", f.getCategory().name());
        props.put("severity", f.getSeverity().label());
        if (f.getWeight() != null) {
            props.put("weight", f.getWeight());
        }
        ArrayNode facts = props.putArray("facts");
        f.getFacts().forEach(facts::add);
        return result;
    }

    private static ObjectNode notification(Diagnostic e, String factSet) {
        ObjectNode n = NODES.objectNode();
        n.put("level", "error");
        n.putObject("message").put("text", e.path() == null ? e.message() : e.path() + ": " + e.message());
        n.putObject("descriptor").put("id", e.kind().label());
        if (e.rule() != null) {
            n.putObject("associatedRule").put("id", e.rule());
        }
        if (e.file() != null) {
            ObjectNode physical = n.putArray("locations").addObject().putObject("physicalLocation");
            physical.putObject("artifactLocation").put("uri", uri(e.file()));
            if (e.line() != null && e.line() > 0) {
                ObjectNode region = physical.putObject("region");
                region.put("startLine", e.line());
                if (e.column() != null && e.column() > 0) {
                    region.put("startColumn", e.column());
                }
            }
        }
        if (factSet != null) {
            n.putObject("properties").put("factSet", factSet);
        }
        return n;
    }

    static String level(Severity s) {
        return switch (s) {
            case CRITICAL, HIGH -> "error";
            case MEDIUM -> "warning";
            case LOW, INFO -> "note";
        };
    }

    /** A relative path stays a relative URI reference (what code-scanning tools resolve against the repo). */
    static String uri(String file) {
        if (file == null) {
            return "";
        }
        try {
            Path p = Path.of(file);
            if (p.isAbsolute()) {
                return p.toUri().toString();
            }
        } catch (RuntimeException e) {
            // not a path on this system (e.g. a stream name): encode it as it is
        }
        try {
            return new URI(null, null, file.replace('\\', '/'), null).toASCIIString();
        } catch (URISyntaxException e) {
            return "";
        }
    }

    static String fingerprint(String ruleId, String factSetId, List<String> facts) {
        List<String> parts = new ArrayList<>();
        parts.add(ruleId);
        parts.add(factSetId);
        parts.addAll(facts);
        return Sha256.hex(String.join("\u0000", parts).getBytes(StandardCharsets.UTF_8));
    }
}
