package io.lodestone.engine;

import io.lodestone.api.Diagnostic;
import java.util.ArrayList;
import java.util.List;

/**
 * Refuses DRL nested deeper than the parser can take: the Drools parser recurses per bracket, and
 * 20,000 nested parentheses overflowed its stack (review F6, F19). Checked on the text before it is
 * compiled, so the error has a file, line and column.
 */
final class DrlNesting {
    /** Brackets (round, square, curly) open at once; hand-written rules stay far below. */
    static final int MAX_DEPTH = 200;

    private DrlNesting() {}

    /** One error per file nested deeper than {@link #MAX_DEPTH}, at its first bracket past the limit. */
    static List<Diagnostic> check(List<RuleSource> sources) {
        List<Diagnostic> errors = new ArrayList<>();
        for (RuleSource source : sources) {
            int[] at = tooDeep(source.text());
            if (at != null) {
                errors.add(Diagnostic.rule(
                        Diagnostic.Kind.RULE_SYNTAX,
                        Diagnostic.Location.at(source.displayPath(), at[0], at[1]),
                        "brackets nested deeper than " + MAX_DEPTH + " levels; split the expression"));
            }
        }
        return errors;
    }

    /** {line, column} (1-based) of the first bracket past the limit, or null. */
    static int[] tooDeep(String text) {
        int depth = 0;
        int line = 1;
        int column = 0;
        char quote = 0;
        boolean lineComment = false;
        boolean blockComment = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char next = i + 1 < text.length() ? text.charAt(i + 1) : 0;
            column++;
            if (c == '\n') {
                line++;
                column = 0;
                lineComment = false;
                continue;
            }
            if (lineComment) {
                continue;
            }
            if (blockComment) {
                if (c == '*' && next == '/') {
                    blockComment = false;
                    i++;
                    column++;
                }
                continue;
            }
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                    column++;
                } else if (c == quote) {
                    quote = 0;
                }
                continue;
            }
            if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '/' && next == '/') {
                lineComment = true;
            } else if (c == '/' && next == '*') {
                blockComment = true;
                i++;
                column++;
            } else if (c == '(' || c == '[' || c == '{') {
                if (++depth > MAX_DEPTH) {
                    return new int[] {line, column};
                }
            } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
                depth--;
            }
        }
        return null;
    }
}
