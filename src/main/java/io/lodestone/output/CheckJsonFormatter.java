package io.lodestone.output;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lodestone.api.CheckResult;
import java.io.IOException;
import java.io.Writer;

/** {@code lodestone check --format json}, also the body of {@code POST /v1/check}. */
public final class CheckJsonFormatter implements CheckFormatter {

    @Override
    public String name() {
        return "json";
    }

    @Override
    public void write(CheckResult result, Writer out) throws IOException {
        JsonDocuments.write(toJson(result), out);
    }

    /**
     * {@code {"format": 1, "ok", "rules": {hash, count}, "files", "errors", "warnings", "id", "facts",
     * "rulesHash", "quotes"}}; errors as in reports. {@code id}, {@code facts} and {@code rulesHash} are the
     * fields {@code /v1/check} had before it became this document, kept so its old clients keep working.
     */
    static ObjectNode toJson(CheckResult result) {
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
        root.put("id", result.factSetId());
        root.put("facts", result.factCount());
        root.put("rulesHash", result.rulesHash());
        ObjectNode quotes = root.putObject("quotes");
        quotes.put("sourcesWithText", result.quotes().sourcesWithText());
        quotes.put("sourcesWithoutText", result.quotes().sourcesWithoutText());
        return root;
    }
}
