package io.lodestone.output;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lodestone.api.CheckResult;
import io.lodestone.api.Diagnostic;
import io.lodestone.api.RuleDescription;
import io.lodestone.api.RunReport;
import java.time.Instant;
import java.util.List;

/**
 * The HTTP API's JSON bodies (docs/http.md), written by the same mapper and the same document
 * builders as the CLI: {@code /v1/evaluate} is {@code evaluate --format json}, {@code /v1/check} is
 * {@code check --format json}.
 */
public final class HttpDocuments {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private HttpDocuments() {}

    /** {@code /v1/evaluate}: the run as {@code evaluate --format json} writes it. */
    public static byte[] run(RunReport run) {
        return JsonDocuments.bytes(JsonFormatter.toJson(run));
    }

    /** {@code /v1/check}: the result as {@code check --format json} writes it. */
    public static byte[] check(CheckResult result) {
        return JsonDocuments.bytes(CheckJsonFormatter.toJson(result));
    }

    /** {@code {"errors": [...]}} with the CLI's error objects. */
    public static byte[] errors(List<Diagnostic> errors) {
        ObjectNode root = NODES.objectNode();
        ArrayNode list = root.putArray("errors");
        errors.forEach(e -> list.add(JsonFormatter.toJson(e)));
        return JsonDocuments.bytes(root);
    }

    /** {@code /healthz}: {@code {"status", "rulesHash"}}; a null hash means no rule set is loaded. */
    public static byte[] health(String rulesHash) {
        ObjectNode root = NODES.objectNode();
        root.put("status", rulesHash == null ? "no-rules" : "ok");
        root.put("rulesHash", rulesHash);
        return JsonDocuments.bytes(root);
    }

    /**
     * {@code /v1/rules}: hash, count, every rule's metadata, reloads and the last reload error.
     *
     * @param failedAt   when the last reload failed, or null when it did not
     * @param lastErrors that reload's errors (ignored when {@code failedAt} is null)
     */
    public static byte[] rules(
            String hash, List<RuleDescription> rules, long reloads, Instant failedAt, List<Diagnostic> lastErrors) {
        ObjectNode root = NODES.objectNode();
        root.put("hash", hash);
        root.put("count", rules.size());
        ArrayNode list = root.putArray("rules");
        for (RuleDescription r : rules) {
            ObjectNode n = list.addObject();
            n.put("id", r.id());
            n.put("name", r.name());
            n.put("category", r.category() == null ? null : r.category().name());
            n.put("severity", r.severity() == null ? null : r.severity().label());
            if (r.weight() != null) {
                n.put("weight", r.weight());
            }
            n.put("description", r.description());
            n.put("file", r.file());
            n.put("line", r.line());
        }
        root.put("reloads", reloads);
        if (failedAt == null) {
            root.putNull("lastError");
        } else {
            ObjectNode last = root.putObject("lastError");
            last.put("at", failedAt.toString());
            ArrayNode errors = last.putArray("errors");
            lastErrors.forEach(e -> errors.add(JsonFormatter.toJson(e)));
        }
        return JsonDocuments.bytes(root);
    }
}
