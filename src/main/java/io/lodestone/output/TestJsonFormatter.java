package io.lodestone.output;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lodestone.api.CaseResult;
import io.lodestone.api.CaseResult.Mismatch;
import io.lodestone.api.RuleDescription;
import io.lodestone.api.TestRun;
import java.io.IOException;
import java.io.Writer;

/** {@code lodestone test --format json}: cases with their problems, totals and coverage. */
public final class TestJsonFormatter implements TestRunFormatter {

    @Override
    public String name() {
        return "json";
    }

    @Override
    public void write(TestRun run, boolean coverage, Writer out) throws IOException {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode root = nodes.objectNode();
        root.putObject("rules")
                .put("hash", run.rulesHash())
                .put("count", run.rules().size());
        ArrayNode cases = root.putArray("cases");
        for (CaseResult c : run.cases()) {
            ObjectNode n = cases.addObject();
            n.put("name", c.name());
            n.put("facts", c.factsFile());
            n.put("expect", c.expectFile());
            n.put("status", !c.errors().isEmpty() ? "error" : c.passed() ? "pass" : "fail");
            ArrayNode fired = n.putArray("fired");
            c.firedRules().forEach(fired::add);
            ArrayNode problems = n.putArray("problems");
            for (Mismatch m : c.problems()) {
                ObjectNode p = problems.addObject();
                p.put("kind", m.kind());
                p.put("ruleId", m.ruleId());
                ArrayNode facts = p.putArray("facts");
                m.facts().forEach(facts::add);
                p.put("field", m.field());
                p.put("expected", m.expected());
                p.put("actual", m.actual());
            }
            ArrayNode errors = n.putArray("errors");
            c.errors().forEach(e -> errors.add(JsonFormatter.toJson(e)));
        }
        root.put("passed", run.passed());
        root.put("failed", run.failed());
        ArrayNode errors = root.putArray("errors");
        run.errors().forEach(e -> errors.add(JsonFormatter.toJson(e)));
        if (coverage) {
            ObjectNode cov = root.putObject("coverage");
            cov.put("percent", run.coveragePercent());
            ArrayNode rules = cov.putArray("rules");
            for (RuleDescription r : run.rules()) {
                if (!r.isDerivation()) {
                    rules.addObject()
                            .put("id", r.id())
                            .put("description", r.description())
                            .put("firedIn", run.firedIn().getOrDefault(r.id(), 0))
                            .put("guardedIn", run.guardedIn().getOrDefault(r.id(), 0));
                }
            }
        }
        JsonDocuments.write(root, out);
    }
}
