package io.lodestone.engine;

import io.lodestone.api.LoadError;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kie.internal.builder.KnowledgeBuilderError;

/** Turns the Drools compiler's errors into located {@link LoadError}s, dropping its follow-on noise. */
final class DrlErrors {
    private static final Pattern LINE_COLUMN = Pattern.compile("\\[ERR \\d+\\] Line (\\d+):(\\d+)");
    private static final Pattern RULE_NAME = Pattern.compile("rule (?:name=)?['\"]([^'\"]+)['\"]",
            Pattern.CASE_INSENSITIVE);

    private DrlErrors() {
    }

    static List<LoadError> translate(Iterable<KnowledgeBuilderError> drlErrors, List<RuleSource> sources) {
        Set<String> seen = new LinkedHashSet<>();
        List<LoadError> errors = new ArrayList<>();
        for (KnowledgeBuilderError e : drlErrors) {
            String message = e.getMessage() == null ? "unknown compiler error" : e.getMessage().trim();
            if (message.startsWith("Parser returned a null Package")) {
                continue; // always follows a real syntax error in the same file
            }
            String rel = e.getResource() == null ? null : e.getResource().getSourcePath();
            String file = rel;
            for (RuleSource s : sources) {
                if (s.relativePath().equals(rel)) {
                    file = s.displayPath();
                }
            }
            Integer line = null;
            Integer column = null;
            Matcher lc = LINE_COLUMN.matcher(message);
            if (lc.find()) {
                line = Integer.valueOf(lc.group(1));
                column = Integer.parseInt(lc.group(2)) + 1;
            } else if (e.getLines() != null && e.getLines().length > 0 && e.getLines()[0] > 0) {
                line = e.getLines()[0];
            }
            Matcher rn = RULE_NAME.matcher(message);
            String rule = rn.find() ? rn.group(1) : null;
            String kind = message.startsWith("[ERR ") ? LoadError.Kind.RULE_SYNTAX : LoadError.Kind.RULE_COMPILE;
            String oneLine = message.replaceAll("\\s*\\n\\s*", " ");
            if (seen.add(file + ":" + line + ":" + oneLine)) {
                errors.add(new LoadError(kind, file, line, column, null, rule, oneLine));
            }
        }
        return errors;
    }
}
