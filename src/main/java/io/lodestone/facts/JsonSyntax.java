package io.lodestone.facts;

import com.fasterxml.jackson.core.JsonParseException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Jackson's syntax errors in the words of a fact-set author, at the place the mistake is. */
final class JsonSyntax {
    private static final Pattern DUPLICATE = Pattern.compile("^Duplicate field '(.*)'");

    private JsonSyntax() {}

    /** {line, column}; for a duplicate key, the second key itself (Jackson points past it). */
    static int[] location(JsonParseException e, byte[] content) {
        int line = e.getLocation().getLineNr();
        int column = e.getLocation().getColumnNr();
        Matcher dup = DUPLICATE.matcher(e.getOriginalMessage());
        if (dup.find()) {
            column = keyBefore(content, line, column, dup.group(1));
        }
        return new int[] {line, column};
    }

    static String message(JsonParseException e) {
        String m = e.getOriginalMessage();
        int cut = m.indexOf("\n at [Source");
        String message = (cut > 0 ? m.substring(0, cut) : m).replaceAll("\\s*\\n\\s*", " ");
        if (message.contains("maybe a (non-standard) comment")) {
            return "comments are not allowed in JSON";
        }
        if (message.contains("CTRL-CHAR, code 10")) {
            return "line break inside a string: a string is not closed on this line";
        }
        if (message.startsWith("Unexpected end-of-input")) {
            return "unexpected end of file: the JSON is cut short or a bracket is not closed ("
                    + message.substring("Unexpected end-of-input".length()).trim() + ")";
        }
        Matcher dup = DUPLICATE.matcher(message);
        if (dup.find()) {
            return "duplicate key '" + dup.group(1) + "' in one object";
        }
        return message;
    }

    private static int keyBefore(byte[] content, int line, int column, String key) {
        String[] lines = new String(content, StandardCharsets.UTF_8).split("\n", -1);
        if (line < 1 || line > lines.length) {
            return column;
        }
        String text = lines[line - 1];
        int at = text.lastIndexOf('"' + key + '"', Math.max(0, Math.min(column - 1, text.length())));
        return at < 0 ? column : at + 1;
    }
}
