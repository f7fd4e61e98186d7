package io.lodestone.facts;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/** SnakeYAML's syntax errors as one line at the place of the problem, not its multi-line excerpt. */
final class YamlSyntax {
    private static final Pattern DUPLICATE = Pattern.compile("^Duplicate field '(.*)'");

    private YamlSyntax() {}

    /** Where (1-based) and what. */
    record Problem(Integer line, Integer column, String message) {}

    static Problem problem(JsonProcessingException e, byte[] content) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MarkedYAMLException y && y.getProblemMark() != null) {
                Mark at = y.getProblemMark();
                String message = y.getProblem() == null
                        ? "malformed YAML"
                        : y.getProblem().trim();
                if (y.getContext() != null && y.getContextMark() != null) {
                    Mark c = y.getContextMark();
                    message +=
                            " (" + y.getContext().trim() + " at " + (c.getLine() + 1) + ":" + (c.getColumn() + 1) + ")";
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
            return new Problem(
                    line,
                    keyColumn(content, line, column, dup.group(1)),
                    "duplicate key '" + dup.group(1) + "' in one mapping");
        }
        return new Problem(line, column, message.replaceAll("\\s*\\n\\s*", " "));
    }

    /**
     * {line, column} of the mapping or sequence that opens level {@code maxDepth + 1}, or null; only
     * called after the limit refused a document, whose exception carries no location.
     */
    static int[] deeperThan(byte[] content, int maxDepth) {
        LoaderOptions options = new LoaderOptions();
        options.setNestingDepthLimit(maxDepth + 2);
        options.setCodePointLimit(Math.max(content.length, 1));
        YAMLFactory factory = YAMLFactory.builder()
                .loaderOptions(options)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(maxDepth + 1)
                        .build())
                .build();
        int depth = 0;
        try (JsonParser p = factory.createParser(content)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t.isStructStart() && ++depth > maxDepth) {
                    JsonLocation at = p.currentTokenLocation();
                    return new int[] {at.getLineNr(), at.getColumnNr()};
                } else if (t.isStructEnd()) {
                    depth--;
                }
            }
        } catch (IOException | RuntimeException e) {
            // the document is deeper still or malformed: no location
        }
        return null;
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
