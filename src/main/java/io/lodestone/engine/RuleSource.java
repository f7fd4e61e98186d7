package io.lodestone.engine;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One .drl file's text and where it lives, kept while compiling so problems can be given a line. */
record RuleSource(String relativePath, String displayPath, String text, Map<String, Integer> ruleLines) {
    private static final Pattern RULE_HEADER =
            Pattern.compile("(?m)^[ \\t]*rule\\s+(?:\"([^\"]+)\"|'([^']+)'|([^\\s\"']+))");

    /** Indexes the rule headers once, so finding a rule's line is a map look-up. */
    static RuleSource of(String relativePath, String displayPath, String text) {
        Map<String, Integer> lines = new HashMap<>();
        Matcher m = RULE_HEADER.matcher(text);
        int line = 1;
        int scanned = 0;
        while (m.find()) {
            for (int i = scanned; i < m.start(); i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                }
            }
            scanned = m.start();
            String name = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
            lines.putIfAbsent(name, line);
        }
        return new RuleSource(relativePath, displayPath, text, Map.copyOf(lines));
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
        return lineOf(Pattern.compile("(?m)^[ \\t]*declare\\s+" + Pattern.quote(typeName) + "\\b"));
    }

    /** True when this file's {@code package} statement names {@code packageName}. */
    boolean declaresPackage(String packageName) {
        return lineOf(Pattern.compile("(?m)^[ \\t]*package\\s+" + Pattern.quote(packageName) + "\\s*;?\\s*$")) > 0;
    }

    int lineOfGlobal(String globalName) {
        return lineOf(Pattern.compile("(?m)^[ \\t]*global\\s+\\S+\\s+" + Pattern.quote(globalName) + "\\b"));
    }
}
