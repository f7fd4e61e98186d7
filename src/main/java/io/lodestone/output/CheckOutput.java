package io.lodestone.output;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lodestone.api.CheckResult;
import io.lodestone.api.LoadError;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;

/** Renders {@code lodestone check}: compiler-style lines for people, or JSON for tools. */
public final class CheckOutput {

    private CheckOutput() {
    }

    public static void text(CheckResult result, Writer writer) {
        PrintWriter out = new PrintWriter(writer);
        for (LoadError e : result.errors()) {
            out.println(e.toCompilerString());
        }
        for (LoadError w : result.warnings()) {
            out.println(w.toCompilerString("warning"));
        }
        StringBuilder sb = new StringBuilder();
        if (result.rulesHash() == null) {
            sb.append("rules did not compile");
        } else {
            sb.append(result.ruleCount()).append(result.ruleCount() == 1 ? " rule, " : " rules, ")
                    .append(result.files().size()).append(result.files().size() == 1 ? " fact set" : " fact sets")
                    .append(" checked");
        }
        sb.append(": ").append(result.errors().size()).append(result.errors().size() == 1 ? " error" : " errors");
        if (!result.warnings().isEmpty()) {
            sb.append(", ").append(result.warnings().size())
                    .append(result.warnings().size() == 1 ? " warning" : " warnings");
        }
        CheckResult.QuoteCount q = result.quotes();
        if (q.checkedSources() + q.uncheckedSources() > 0) {
            sb.append("; quotes checked against ").append(q.checkedSources())
                    .append(q.checkedSources() == 1 ? " source text, " : " source texts, ")
                    .append(q.uncheckedSources()).append(q.uncheckedSources() == 1 ? " source" : " sources")
                    .append(" unchecked (no file)");
        }
        out.println(sb);
        out.flush();
    }

    /** {@code {"format": 1, "ok", "rules": {hash, count}, "files", "errors", "warnings"}}; errors as in reports. */
    public static void json(CheckResult result, Writer out) throws IOException {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("format", JsonFormatter.FORMAT_VERSION);
        root.put("ok", result.clean());
        ObjectNode rules = root.putObject("rules");
        rules.put("hash", result.rulesHash());
        rules.put("count", result.ruleCount());
        ArrayNode files = root.putArray("files");
        result.files().forEach(files::add);
        ArrayNode errors = root.putArray("errors");
        result.errors().forEach(e -> errors.add(JsonFormatter.toJson(e)));
        ArrayNode warnings = root.putArray("warnings");
        result.warnings().forEach(w -> warnings.add(JsonFormatter.toJson(w)));
        ObjectNode quotes = root.putObject("quotes");
        quotes.put("checkedSources", result.quotes().checkedSources());
        quotes.put("uncheckedSources", result.quotes().uncheckedSources());
        JsonDocuments.write(root, out);
    }
}
