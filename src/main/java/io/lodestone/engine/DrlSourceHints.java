package io.lodestone.engine;

import io.lodestone.api.Diagnostic;
import io.lodestone.api.Diagnostic.Kind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a DRL file's text to find what Drools' errors leave out: the column of the offending token,
 * and the real cause of a syntax error (an unclosed '(' or string, a missing 'then' or ';'), which the
 * parser only notices lines later. Heuristics: each answers null when it is not sure.
 */
final class DrlSourceHints {
    private DrlSourceHints() {}

    /**
     * Where the offending text is: the expression (then the token inside it), else the token, searched
     * on the reported line, then within the rule, then in the whole file. {line, column}, 1-based.
     */
    static int[] find(RuleSource source, Integer line, String rule, String expression, String token) {
        String[] lines = source.text().split("\n", -1);
        int from = 1;
        int to = lines.length;
        if (rule != null && source.lineOfRule(rule) > 0) {
            from = source.lineOfRule(rule);
            to = from;
            while (to < lines.length && !lines[to - 1].trim().equals("end")) {
                to++;
            }
        }
        List<int[]> ranges = new ArrayList<>();
        if (line != null && line >= 1 && line <= lines.length) {
            ranges.add(new int[] {line, line});
        }
        ranges.add(new int[] {from, to});
        ranges.add(new int[] {1, lines.length});
        for (int[] range : ranges) {
            for (int i = range[0]; i <= range[1]; i++) {
                String text = lines[i - 1];
                int col = -1;
                if (expression != null) {
                    int at = text.indexOf(expression);
                    if (at >= 0) {
                        int inner = token == null ? -1 : wordIndex(expression, token);
                        col = at + Math.max(inner, 0);
                    }
                } else {
                    col = wordIndex(text, token);
                }
                if (col >= 0) {
                    return new int[] {i, col + 1};
                }
            }
        }
        return null;
    }

    /** The first line before a syntax error with an odd number of unescaped quotes: {line, column of it}. */
    static int[] unterminatedString(RuleSource source, Integer errorLine) {
        String[] lines = source.text().split("\n", -1);
        int last = errorLine == null ? lines.length : Math.min(errorLine, lines.length);
        for (int i = 1; i <= last; i++) {
            String text = lines[i - 1];
            int open = -1;
            for (int c = 0; c < text.length(); c++) {
                char ch = text.charAt(c);
                if (open < 0 && ch == '/' && c + 1 < text.length() && text.charAt(c + 1) == '/') {
                    break;
                }
                if (ch == '\\') {
                    c++;
                } else if (ch == '"') {
                    open = open < 0 ? c : -1;
                }
            }
            if (open >= 0) {
                return new int[] {i, open + 1};
            }
        }
        return null;
    }

    static boolean hasThen(RuleSource source, String rule) {
        String[] lines = source.text().split("\n", -1);
        for (int i = source.lineOfRule(rule); i >= 1 && i <= lines.length; i++) {
            String t = lines[i - 1].trim();
            if (t.equals("then") || t.startsWith("then ")) {
                return true;
            }
            if (t.equals("end")) {
                return false;
            }
        }
        return false;
    }

    /** The innermost '(' left open between the rule's start and a syntax error: {line, column}, or null. */
    static int[] unclosedParen(RuleSource source, String rule, Integer errorLine) {
        String[] lines = source.text().split("\n", -1);
        int start = source.lineOfRule(rule);
        if (start < 1 || errorLine == null) {
            return null;
        }
        ArrayDeque<int[]> open = new ArrayDeque<>();
        for (int i = start; i < errorLine && i <= lines.length; i++) {
            String text = lines[i - 1];
            boolean inString = false;
            for (int c = 0; c < text.length(); c++) {
                char ch = text.charAt(c);
                if (inString) {
                    if (ch == '\\') {
                        c++;
                    } else if (ch == '"') {
                        inString = false;
                    }
                } else if (ch == '"') {
                    inString = true;
                } else if (ch == '/' && c + 1 < text.length() && text.charAt(c + 1) == '/') {
                    break;
                } else if (ch == '(') {
                    open.push(new int[] {i, c + 1});
                } else if (ch == ')' && !open.isEmpty()) {
                    open.pop();
                }
            }
        }
        return open.peek();
    }

    /** The first consequence line of the rule that ends a statement without ';': {line, column after it}. */
    static int[] statementWithoutSemicolon(RuleSource source, String rule) {
        String[] lines = source.text().split("\n", -1);
        int i = source.lineOfRule(rule);
        while (i > 0 && i <= lines.length && !lines[i - 1].trim().equals("then")) {
            i++;
        }
        for (i = i + 1; i > 1 && i <= lines.length; i++) {
            String text = lines[i - 1].replaceFirst("//.*$", "").stripTrailing();
            if (text.trim().equals("end")) {
                return null;
            }
            if (text.isBlank() || ";{}(,+-*/&|?:=".indexOf(text.charAt(text.length() - 1)) >= 0) {
                continue;
            }
            String next = i < lines.length ? lines[i].trim() : "";
            if (!next.isEmpty() && ".+-*/&|?:)".indexOf(next.charAt(0)) >= 0) {
                continue;
            }
            return new int[] {i, text.length() + 1};
        }
        return null;
    }

    /** Index of {@code word} in {@code text} not inside a longer identifier, or -1. */
    private static int wordIndex(String text, String word) {
        Matcher m = Pattern.compile("(?<![\\w$])" + Pattern.quote(word) + "(?![\\w$])")
                .matcher(text);
        return m.find() ? m.start() : -1;
    }

    private static final Pattern ANNOTATION_IN_MESSAGE = Pattern.compile("^(?:duplicate )?@(\\w+)");

    /**
     * Gives a rule-metadata error a column: at the annotation it is about ({@code @severity("urgent")}),
     * or at the {@code rule} keyword when the annotation is missing.
     */
    static Diagnostic locateMetadata(Diagnostic e, List<RuleSource> sources) {
        if (e.kind() != Kind.RULE_METADATA || e.line() == null || e.rule() == null || e.column() != null) {
            return e;
        }
        RuleSource source = sources.stream()
                .filter(s -> s.displayPath().equals(e.file()))
                .findFirst()
                .orElse(null);
        if (source == null || source.lineOfRule(e.rule()) != e.line()) {
            return e;
        }
        String[] lines = source.text().split("\n", -1);
        int line = e.line();
        int column = lines[line - 1].indexOf("rule") + 1;
        Matcher annotation = ANNOTATION_IN_MESSAGE.matcher(e.message());
        if (annotation.find()) {
            Pattern at = Pattern.compile("@" + Pattern.quote(annotation.group(1)) + "\\b");
            for (int i = line; i <= lines.length && !lines[i - 1].trim().equals("when"); i++) {
                Matcher m = at.matcher(lines[i - 1]);
                if (m.find()) {
                    line = i;
                    column = m.start() + 1;
                    break;
                }
            }
        }
        return e.at(e.location().withPosition(line, column > 0 ? column : null));
    }
}
