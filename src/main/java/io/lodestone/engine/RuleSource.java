package io.lodestone.engine;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One .drl file's text and where it lives, kept while compiling so problems can be given a line. */
record RuleSource(String relativePath, String displayPath, String text) {

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

    int lineOfRule(String ruleName) {
        return lineOf(Pattern.compile("(?m)^[ \\t]*rule\\s+(\"" + Pattern.quote(ruleName) + "\"|'"
                + Pattern.quote(ruleName) + "'|" + Pattern.quote(ruleName) + "\\b)"));
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
