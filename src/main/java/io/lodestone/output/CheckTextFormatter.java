package io.lodestone.output;

import io.lodestone.api.CheckResult;
import io.lodestone.api.Diagnostic;
import java.io.PrintWriter;
import java.io.Writer;

/** {@code lodestone check}: compiler-style lines for people, then a one-line summary. */
public final class CheckTextFormatter implements CheckFormatter {

    @Override
    public String name() {
        return "text";
    }

    @Override
    public void write(CheckResult result, Writer writer) {
        PrintWriter out = new PrintWriter(writer);
        for (Diagnostic e : result.errors()) {
            out.println(e.toCompilerString());
        }
        for (Diagnostic w : result.warnings()) {
            out.println(w.toCompilerString("warning"));
        }
        StringBuilder sb = new StringBuilder();
        if (result.rulesHash() == null) {
            sb.append("rules did not compile");
        } else {
            sb.append(result.ruleCount())
                    .append(result.ruleCount() == 1 ? " rule, " : " rules, ")
                    .append(result.files().size())
                    .append(result.files().size() == 1 ? " fact set" : " fact sets")
                    .append(" checked");
        }
        sb.append(": ").append(result.errors().size()).append(result.errors().size() == 1 ? " error" : " errors");
        if (!result.warnings().isEmpty()) {
            sb.append(", ")
                    .append(result.warnings().size())
                    .append(result.warnings().size() == 1 ? " warning" : " warnings");
        }
        CheckResult.QuoteCount q = result.quotes();
        if (q.sourcesWithText() + q.sourcesWithoutText() > 0) {
            sb.append("; quotes checked against ")
                    .append(q.sourcesWithText())
                    .append(q.sourcesWithText() == 1 ? " source text, " : " source texts, ")
                    .append(q.sourcesWithoutText())
                    .append(q.sourcesWithoutText() == 1 ? " source" : " sources")
                    .append(" unchecked (no file)");
        }
        out.println(sb);
        out.flush();
    }
}
