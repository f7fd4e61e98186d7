package io.lodestone.engine;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One .drl file's text and where it lives, kept while compiling so problems can be given a line. Rule
 * headers and type declarations are indexed once ({@code ruleLines}, {@code declareLines}) and package
 * checks remembered ({@code packages}): describing a rule base asks for every type and rule in every file,
 * which as one regex scan per question was a tenth of a cached start.
 */
record RuleSource(
        String relativePath,
        String displayPath,
        String text,
        Map<String, Integer> ruleLines,
        Map<String, Integer> declareLines,
        Map<String, Boolean> packages) {
    private static final Pattern RULE_HEADER =
            Pattern.compile("(?m)^[ \\t]*rule\\s+(?:\"([^\"]+)\"|'([^']+)'|([^\\s\"']+))");
    /** Same start as {@link #lineOfDeclare}'s pattern; the name is an ASCII word run (others use the regex). */
    private static final Pattern DECLARE_HEADER = Pattern.compile("(?m)^[ \\t]*declare\\s+([A-Za-z0-9_]+)");

    private static final Pattern ASCII_WORD = Pattern.compile("[A-Za-z0-9_]+");

    /** Indexes the rule headers and type declarations once, so finding their lines is a map look-up. */
    static RuleSource of(String relativePath, String displayPath, String text) {
        Map<String, Integer> lines = new HashMap<>();
        Matcher m = RULE_HEADER.matcher(text);
        int line = 1;
        int scanned = 0;
        int from = 0;
        while (findAtLineStart(m, text, from, "rule")) {
            from = m.end();
            for (int i = scanned; i < m.start(); i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                }
            }
            scanned = m.start();
            String name = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
            lines.putIfAbsent(name, line);
        }
        return new RuleSource(
                relativePath, displayPath, text, Map.copyOf(lines), declares(text), new ConcurrentHashMap<>());
    }

    /**
     * First line of each {@code declare NAME} with an ASCII NAME, as {@code lineOfDeclare}'s regex would
     * find it: the name must be followed by a word boundary, and the next match may begin inside this
     * one's whitespace (a line holding only {@code declare}).
     */
    private static Map<String, Integer> declares(String text) {
        Map<String, Integer> lines = new HashMap<>();
        Matcher m = DECLARE_HEADER.matcher(text);
        int line = 1;
        int scanned = 0;
        int from = 0;
        while (findAtLineStart(m, text, from, "declare")) {
            for (int i = scanned; i < m.start(); i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                }
            }
            scanned = m.start();
            int end = m.end(1);
            // java.util.regex's \b (JDK 17) counts letters, digits, '_' and combining marks as word characters
            if (end == text.length() || !isBoundaryWordChar(text.codePointAt(end))) {
                lines.putIfAbsent(m.group(1), line);
            }
            from = m.start(1); // always past m.start(): "declare" comes first
        }
        return Map.copyOf(lines);
    }

    /**
     * {@code m.find(from)} for a pattern {@code (?m)^[ \\t]*keyword...}, trying the regex only at line
     * starts whose text begins with the keyword (a plain find tries it at every character of the file).
     * Line starts are where {@code (?m)^} puts them: after \\n, \\r (not inside \\r\\n), U+0085, U+2028, U+2029.
     */
    private static boolean findAtLineStart(Matcher m, String text, int from, String keyword) {
        int n = text.length();
        for (int p = from; p < n; p++) {
            if (p > 0) {
                char c = text.charAt(p - 1);
                boolean terminator = c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
                if (!terminator || (c == '\r' && text.charAt(p) == '\n')) {
                    continue;
                }
            }
            int q = p;
            while (q < n && (text.charAt(q) == ' ' || text.charAt(q) == '\t')) {
                q++;
            }
            if (text.startsWith(keyword, q) && m.region(p, n).lookingAt()) {
                return true;
            }
        }
        return false;
    }

    private static boolean isBoundaryWordChar(int c) {
        return c == '_' || Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK;
    }

    /** 1-based line of the first match of {@code regex} in this file, or 0 when it does not occur. */
    int lineOf(Pattern regex) {
        Matcher m = regex.matcher(text);
        if (!m.find()) {
            return 0;
        }
        int line = 1;
        for (int i = 0; i < m.start(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** 1-based line of the rule's header, or 0 when this file has no rule of that name. */
    int lineOfRule(String ruleName) {
        return ruleLines.getOrDefault(ruleName, 0);
    }

    int lineOfDeclare(String typeName) {
        if (ASCII_WORD.matcher(typeName).matches()) {
            return declareLines.getOrDefault(typeName, 0);
        }
        return lineOf(Pattern.compile("(?m)^[ \\t]*declare\\s+" + Pattern.quote(typeName) + "\\b"));
    }

    /** True when this file's {@code package} statement names {@code packageName}. */
    boolean declaresPackage(String packageName) {
        return packages.computeIfAbsent(
                packageName,
                p -> lineOf(Pattern.compile("(?m)^[ \\t]*package\\s+" + Pattern.quote(p) + "\\s*;?\\s*$")) > 0);
    }

    int lineOfGlobal(String globalName) {
        return lineOf(Pattern.compile("(?m)^[ \\t]*global\\s+\\S+\\s+" + Pattern.quote(globalName) + "\\b"));
    }
}
