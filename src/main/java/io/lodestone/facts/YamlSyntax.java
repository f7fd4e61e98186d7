package io.lodestone.facts;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/** SnakeYAML's syntax errors as one line at the place of the problem, not its multi-line excerpt. */
final class YamlSyntax {
    private static final Pattern DUPLICATE = Pattern.compile("^Duplicate field '(.*)'");

    private YamlSyntax() {
    }

    /** Where (1-based) and what. */
    record Problem(Integer line, Integer column, String message) {
    }

    static Problem problem(JsonProcessingException e, byte[] content) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MarkedYAMLException y && y.getProblemMark() != null) {
                Mark at = y.getProblemMark();
                String message = y.getProblem() == null ? "malformed YAML" : y.getProblem().trim();
                if (y.getContext() != null && y.getContextMark() != null) {
                    Mark c = y.getContextMark();
                    message += " (" + y.getContext().trim() + " at " + (c.getLine() + 1) + ":" + (c.getColumn() + 1) + ")";
                }
                return new Problem(at.getLine() + 1, at.getColumn() + 1, message.replaceAll("\\s*\\n\\s*", " "));
            }
        }
        Integer line = e.getLocation() == null ? null : e.getLocation().getLineNr();
        Integer column = e.getLocation() == null ? null : e.getLocation().getColumnNr();
        String message = e.getOriginalMessage();
        Matcher dup = DUPLICATE.matcher(message);
        if (dup.find()) {
            // Jackson points past the repeated key; point at the key itself
            return new Problem(line, keyColumn(content, line, column, dup.group(1)),
                    "duplicate key '" + dup.group(1) + "' in one mapping");
        }
        return new Problem(line, column, message.replaceAll("\\s*\\n\\s*", " "));
    }

    private static Integer keyColumn(byte[] content, Integer line, Integer column, String key) {
        if (line == null || column == null) {
            return column;
        }
        String[] lines = new String(content, StandardCharsets.UTF_8).split("\n", -1);
        if (line < 1 || line > lines.length) {
            return column;
        }
        int at = lines[line - 1].lastIndexOf(key, Math.max(0, column - 1));
        return at < 0 ? column : at + 1;
    }
}
