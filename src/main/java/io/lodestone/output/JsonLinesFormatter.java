package io.lodestone.output;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lodestone.api.Diagnostic;
import io.lodestone.api.Finding;
import io.lodestone.api.Report;
import io.lodestone.api.RunReport;
import java.io.IOException;
import java.io.Writer;

/**
 * JSON Lines for streaming into other tools: one object per line, {@code "type": "finding"} with the
 * fact set's id and file in front of the {@code json} format's finding fields, or {@code "type": "error"}
 * with a load error's fields ({@code factSet} set when the error arose while evaluating that fact set).
 */
public final class JsonLinesFormatter implements ReportFormatter {

    @Override
    public String name() {
        return "jsonl";
    }

    @Override
    public String description() {
        return "JSON Lines: one finding or error per line, with fact-set id and file";
    }

    @Override
    public void write(RunReport run, OutputOptions options, Writer out) throws IOException {
        for (Report report : run.reports()) {
            for (Finding f : report.findings()) {
                line(out, finding(report, f));
            }
            for (Diagnostic e : report.errors()) {
                line(out, error(report, e));
            }
        }
        for (Diagnostic e : run.errors()) {
            line(out, error(null, e));
        }
        out.flush();
    }

    private static ObjectNode finding(Report report, Finding f) {
        ObjectNode line = JsonNodeFactory.instance.objectNode();
        line.put("type", "finding");
        line.put("factSet", report.id());
        line.put("file", report.file());
        line.setAll(JsonFormatter.toJson(f));
        return line;
    }

    private static ObjectNode error(Report report, Diagnostic e) {
        ObjectNode line = JsonNodeFactory.instance.objectNode();
        line.put("type", "error");
        if (report != null) {
            line.put("factSet", report.id());
        }
        line.setAll(JsonFormatter.toJson(e));
        return line;
    }

    private static void line(Writer out, ObjectNode node) throws IOException {
        // compact output escapes every newline inside strings, so one object is always one line
        out.write(JsonDocuments.MAPPER.writeValueAsString(node));
        out.write('\n');
    }
}
