package io.lodestone.output;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lodestone.api.Alignment;
import io.lodestone.api.Category;
import io.lodestone.api.Citation;
import io.lodestone.api.Diagnostic;
import io.lodestone.api.Entity;
import io.lodestone.api.Evidence;
import io.lodestone.api.Finding;
import io.lodestone.api.PriorityVerdict;
import io.lodestone.api.Report;
import io.lodestone.api.RunReport;
import io.lodestone.api.Severity;
import io.lodestone.api.Source;
import io.lodestone.api.Trace;
import io.lodestone.api.TracedFact;
import java.io.IOException;
import java.io.Writer;

/**
 * The machine contract (see {@code docs/output-json.md}): rules hash and count, one report per fact set,
 * and every load error. Field order is fixed; fields are only ever added.
 */
public final class JsonFormatter implements ReportFormatter {
    /** Version of this output shape; raised only for a change that is not backward-compatible. */
    public static final int FORMAT_VERSION = 1;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Override
    public String name() {
        return "json";
    }

    @Override
    public String description() {
        return "the machine-readable contract: rules hash, reports, errors";
    }

    @Override
    public void write(RunReport run, OutputOptions options, Writer out) throws IOException {
        JsonDocuments.write(toJson(run), out);
    }

    public static ObjectNode toJson(RunReport run) {
        ObjectNode root = NODES.objectNode();
        root.put("format", FORMAT_VERSION);
        ObjectNode rules = root.putObject("rules");
        rules.put("hash", run.rulesHash());
        rules.put("count", run.ruleCount());
        ArrayNode reports = root.putArray("reports");
        run.reports().forEach(r -> reports.add(toJson(r)));
        ArrayNode errors = root.putArray("errors");
        run.errors().forEach(e -> errors.add(toJson(e)));
        ArrayNode warnings = root.putArray("warnings");
        run.warnings().forEach(w -> warnings.add(toJson(w)));
        return root;
    }

    public static ObjectNode toJson(Report report) {
        ObjectNode r = NODES.objectNode();
        r.put("id", report.id());
        if (report.title() != null) {
            r.put("title", report.title());
        }
        r.put("file", report.file());
        if (report.summary() != null) {
            r.put("summary", report.summary());
        }
        ArrayNode findings = r.putArray("findings");
        report.findings().forEach(f -> findings.add(toJson(f)));
        ObjectNode alignment = r.putObject("alignment");
        alignment.put("score", report.alignment().score());
        alignment.put("band", report.alignment().band());
        ArrayNode contributions = alignment.putArray("contributions");
        for (Finding f : report.alignment().contributions()) {
            ObjectNode c = contributions.addObject();
            c.put("ruleId", f.getRuleId());
            c.put("weight", f.getWeight());
            c.put("message", f.getMessage());
            ArrayNode facts = c.putArray("facts");
            f.getFacts().forEach(facts::add);
        }
        alignmentDetail(alignment, report.alignment());
        ObjectNode counts = r.putObject("counts");
        counts.put("findings", report.counts().findings());
        counts.put("facts", report.counts().facts());
        counts.put("rules", report.counts().rules());
        ObjectNode byCategory = counts.putObject("category");
        for (Category c : Category.values()) {
            byCategory.put(c.name(), report.counts().of(c));
        }
        ObjectNode bySeverity = counts.putObject("severity");
        for (Severity s : Severity.values()) {
            bySeverity.put(s.label(), report.counts().of(s));
        }
        ArrayNode errors = r.putArray("errors");
        report.errors().forEach(e -> errors.add(toJson(e)));
        ArrayNode context = r.putArray("context");
        report.context().forEach(c -> context.add(toJson(c, true)));
        ArrayNode sources = r.putArray("sources");
        for (int i = 0; i < report.sources().size(); i++) {
            Source src = report.sources().get(i);
            ObjectNode s = sources.addObject();
            s.put("number", i + 1);
            s.put("id", src.id());
            putIfPresent(s, "title", src.title());
            putIfPresent(s, "kind", src.kind());
            putIfPresent(s, "publisher", src.publisher());
            putIfPresent(s, "author", src.author());
            putIfPresent(s, "published", src.published());
            putIfPresent(s, "url", src.url());
        }
        return r;
    }

    /** The verdicts per priority and the risks beside them (added in output format 1.3, docs/output-json.md). */
    private static void alignmentDetail(ObjectNode alignment, Alignment a) {
        ArrayNode verdicts = alignment.putArray("verdicts");
        for (PriorityVerdict v : a.verdicts()) {
            ObjectNode o = verdicts.addObject();
            o.put("policy", v.policy());
            o.put("issuer", v.issuer());
            o.put("priority", v.priority());
            o.put("verdict", v.verdict());
            o.put("score", v.score());
            o.put("counted", v.counted());
            ArrayNode decidedBy = o.putArray("findings");
            for (PriorityVerdict.Weighed w : v.findings()) {
                ObjectNode d = decidedBy.addObject();
                d.put("ruleId", w.ruleId());
                d.put("effect", w.effect());
                d.put("weight", w.weight());
                d.put("counted", w.counted());
                d.put("contested", w.contested());
                ArrayNode by = d.putArray("contestedBy");
                w.contestedBy().forEach(by::add);
                ArrayNode flagged = d.putArray("flaggedFacts");
                w.flaggedFacts().forEach(flagged::add);
                ArrayNode facts = d.putArray("facts");
                w.facts().forEach(facts::add);
            }
        }
        ArrayNode risks = alignment.putArray("risks");
        for (Alignment.RiskWeight rw : a.risks()) {
            ObjectNode o = risks.addObject();
            o.put("ruleId", rw.ruleId());
            o.put("severity", rw.severity().label());
            o.put("weight", rw.weight());
            ArrayNode facts = o.putArray("facts");
            rw.facts().forEach(facts::add);
        }
    }

    public static ObjectNode toJson(Finding finding) {
        ObjectNode f = NODES.objectNode();
        f.put("ruleId", finding.getRuleId());
        f.put("category", finding.getCategory().name());
        f.put("severity", finding.getSeverity().label());
        f.put("message", finding.getMessage());
        ArrayNode facts = f.putArray("facts");
        finding.getFacts().forEach(facts::add);
        ArrayNode sources = f.putArray("sources");
        for (Evidence e : finding.getSources()) {
            ObjectNode s = sources.addObject();
            s.put("fact", e.fact());
            s.put("ref", e.ref());
            if (e.quote() != null) {
                s.put("quote", e.quote());
            }
        }
        if (finding.getWeight() != null) {
            f.put("weight", finding.getWeight());
        }
        ArrayNode entities = f.putArray("entities");
        for (Entity e : finding.getEntities()) {
            ObjectNode n = entities.addObject();
            n.put("id", e.id());
            n.put("type", e.type());
            n.put("name", e.name());
        }
        ArrayNode evidence = f.putArray("evidence");
        finding.getCitations().forEach(c -> evidence.add(toJson(c, false)));
        if (finding.getTrace() != null) {
            f.set("trace", toJson(finding.getTrace()));
        }
        return f;
    }

    /**
     * One cited fact: a finding's evidence entry (a context fact's quote is left to the report's
     * {@code context} list) or, with {@code withQuote}, an entry of that list.
     *
     * @param c         the citation
     * @param withQuote whether to include the quote even for a context fact
     * @return the JSON object
     */
    public static ObjectNode toJson(Citation c, boolean withQuote) {
        ObjectNode n = NODES.objectNode();
        n.put("fact", c.fact());
        n.put("type", c.type());
        putIfPresent(n, "name", c.name());
        n.put("role", c.context() ? "context" : "carrying");
        if (c.source() > 0) {
            n.put("source", c.source());
            n.put("ref", c.sourceId());
        }
        if (c.quote() != null && (withQuote || !c.context())) {
            n.put("quote", c.quote());
        }
        return n;
    }

    private static void putIfPresent(ObjectNode n, String field, String value) {
        if (value != null) {
            n.put(field, value);
        }
    }

    public static ObjectNode toJson(Trace trace) {
        ObjectNode t = NODES.objectNode();
        t.put("ruleId", trace.ruleId());
        t.put("rule", trace.ruleName());
        t.put("file", trace.file());
        t.put("line", trace.line());
        ArrayNode facts = t.putArray("facts");
        for (TracedFact fact : trace.facts()) {
            ObjectNode n = facts.addObject();
            n.put("type", fact.type());
            n.put("id", fact.id());
            n.set("fields", JsonDocuments.MAPPER.valueToTree(fact.fields()));
            if (fact.derivedBy() != null) {
                n.set("derivedBy", toJson(fact.derivedBy()));
            }
        }
        t.set("bindings", JsonDocuments.MAPPER.valueToTree(trace.bindings()));
        return t;
    }

    public static ObjectNode toJson(Diagnostic error) {
        ObjectNode e = NODES.objectNode();
        e.put("kind", error.kind().label());
        e.put("file", error.file());
        e.put("line", error.line());
        e.put("column", error.column());
        e.put("path", error.path());
        e.put("rule", error.rule());
        e.put("message", error.message());
        if (error.suggestion() != null) {
            e.put("suggestion", error.suggestion()); // only on value problems with a close declared value
        }
        return e;
    }
}
