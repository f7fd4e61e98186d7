package io.lodestone.engine;

import io.lodestone.api.Diagnostic;
import io.lodestone.api.Diagnostic.Kind;
import io.lodestone.api.Diagnostic.Location;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.compiler.compiler.DescrBuildError;
import org.drools.compiler.compiler.RuleBuildError;
import org.drools.drl.ast.descr.RuleDescr;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderError;

/**
 * Turns the Drools compiler's errors into located {@link Diagnostic}s: one message per real mistake,
 * with the line and column of the offending text. Drools reports column 0 (or no line at all) for most
 * semantic errors, and several follow-on errors for one mistake; both are repaired here.
 */
final class DrlErrors {
    private static final Pattern PARSER_LOCATION = Pattern.compile("\\[ERR \\d+\\] Line (\\d+):(\\d+)\\s*");
    private static final Pattern RULE_IN_MESSAGE = Pattern.compile("in rule (?:name=)?['\"]([^'\"]+)['\"]");
    private static final Pattern UNKNOWN_TYPE = Pattern.compile("Unable to resolve ObjectType '([^']+)'");
    private static final Pattern BAD_EXPRESSION = Pattern.compile(
            "Unable to Analyse Expression (.*?):\\s*\\[Error: unable to resolve method using strict-mode: "
                    + "(?:[\\w$]+\\.)*([\\w$]+)\\.([\\w$]+)\\(",
            Pattern.DOTALL);
    private static final Pattern ANALYZE = Pattern.compile(
            "Unable to analy[sz]e expression '?(.*?)'?(?::|$)", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern UNDEFINED_METHOD = Pattern.compile("The method (\\w+)\\(.*?\\) is undefined");
    private static final Pattern UNRESOLVED = Pattern.compile("([\\w$.]+) cannot be resolved");
    private static final Pattern IMPORT = Pattern.compile("Error importing : '([^']+)'");
    private static final Pattern MISMATCHED = Pattern.compile("(?:mismatched|extraneous|missing) input '([^']*)'");
    private static final Pattern DUPLICATE_RULE = Pattern.compile("Duplicate rule name: (.+)");

    private DrlErrors() {}

    /** One Drools error after locating, before follow-ons are dropped. */
    private record Located(
            Kind kind,
            String file,
            RuleSource source,
            Integer line,
            Integer column,
            String rule,
            String token,
            String message,
            boolean consequence) {}

    static List<Diagnostic> translate(Iterable<KnowledgeBuilderError> drlErrors, List<RuleSource> sources) {
        List<Located> located = new ArrayList<>();
        for (KnowledgeBuilderError e : drlErrors) {
            Located l = locate(e, sources);
            if (l != null) {
                located.add(l);
            }
        }
        return collapse(located);
    }

    /**
     * Drools stops after parsing when any file has a syntax error, so the other files' semantic errors
     * would only show on the next run (or half of them would). They are compiled again without the
     * broken files, and the result is the syntax errors plus that second pass's errors; an unknown type
     * that a broken file declares is not reported.
     */
    static List<Diagnostic> withFilesThatParsed(List<Diagnostic> first, List<RuleSource> sources) {
        Set<String> broken = new HashSet<>();
        first.stream().filter(e -> e.kind() == Kind.RULE_SYNTAX).forEach(e -> broken.add(e.file()));
        List<RuleSource> parsed =
                sources.stream().filter(s -> !broken.contains(s.displayPath())).toList();
        if (broken.isEmpty()) {
            return first;
        }
        List<Diagnostic> more = new ArrayList<>(
                first.stream().filter(e -> e.kind() == Kind.RULE_SYNTAX).toList());
        if (parsed.isEmpty()) {
            return more;
        }
        KnowledgeBuilder builder = DrlCompiler.build(parsed);
        List<RuleSource> brokenSources =
                sources.stream().filter(s -> broken.contains(s.displayPath())).toList();
        for (Diagnostic e : translate(builder.getErrors(), sources)) {
            Matcher type = Pattern.compile("^unknown fact type '([^']+)'").matcher(e.message());
            if (type.find() && brokenSources.stream().anyMatch(s -> s.lineOfDeclare(type.group(1)) > 0)) {
                continue;
            }
            more.add(e);
        }
        return more;
    }

    @SuppressWarnings("AssignmentExpression") // one if-chain of (m = PATTERN.matcher(raw)).find() tests
    private static Located locate(KnowledgeBuilderError e, List<RuleSource> sources) {
        String raw = e.getMessage() == null
                ? "unknown compiler error"
                : e.getMessage().trim();
        if (raw.startsWith("Parser returned a null Package")
                || (raw.contains("is already defined") && raw.contains("The type Rule_"))) {
            return null; // always follow a real error: a syntax error, a duplicate rule name
        }
        String rel = e.getResource() == null ? null : e.getResource().getSourcePath();
        RuleSource source = sources.stream()
                .filter(s -> s.relativePath().equals(rel))
                .findFirst()
                .orElse(null);
        String file = source == null ? rel : source.displayPath();
        String rule = ruleName(e, raw);
        Integer line = null;
        Integer column = null;
        Matcher lc = PARSER_LOCATION.matcher(raw);
        boolean parser = lc.find();
        if (parser) {
            line = Integer.valueOf(lc.group(1));
            column = Integer.parseInt(lc.group(2)) + 1;
        } else if (e.getLines() != null && e.getLines().length > 0 && e.getLines()[0] > 0) {
            line = e.getLines()[0];
        }
        String token = null;
        String expression = null;
        String message = firstLine(parser ? raw.substring(lc.end()) : raw);
        Matcher m;
        if ((m = UNKNOWN_TYPE.matcher(raw)).find()) {
            token = m.group(1);
            message = "unknown fact type '" + token + "' (not declared in the rules nor imported)";
        } else if ((m = BAD_EXPRESSION.matcher(raw)).find()) {
            expression = m.group(1).trim();
            token = m.group(3);
            message = "'" + token + "' is neither a field of " + m.group(2) + " nor a bound variable or global, in '"
                    + expression + "'";
        } else if ((m = ANALYZE.matcher(raw)).find()) {
            expression = m.group(1).trim();
            message = "cannot analyse the expression '" + expression + "'";
        } else if ((m = UNDEFINED_METHOD.matcher(raw)).find()) {
            token = m.group(1);
        } else if ((m = UNRESOLVED.matcher(raw)).find()) {
            token = m.group(1);
        } else if ((m = IMPORT.matcher(raw)).find()) {
            token = m.group(1);
            message = "cannot import '" + token + "': no such class";
        } else if ((m = DUPLICATE_RULE.matcher(raw)).find()) {
            message = "duplicate rule name \"" + m.group(1).trim() + "\" in one package";
        } else if (parser && (m = MISMATCHED.matcher(raw)).find()) {
            String input = m.group(1);
            if (input.equals("=")) {
                message = message + " (compare with ==)";
            } else if (input.equals("<eof>") && rule != null) {
                message = "missing 'end': the file ends inside the rule";
            } else if (input.equals("end") && rule != null && source != null && !DrlSourceHints.hasThen(source, rule)) {
                message = "missing 'then': the rule reaches 'end' without a consequence";
            } else if (column == 1 && !input.isEmpty() && !input.startsWith("<")) {
                token = input;
            }
        }
        message = message.replaceFirst("^Rule Compilation error\\s*", "");
        if (source != null && parser) {
            int[] quote = DrlSourceHints.unterminatedString(source, line);
            int[] paren = quote != null || rule == null ? null : DrlSourceHints.unclosedParen(source, rule, line);
            if (quote != null) {
                line = quote[0];
                column = quote[1];
                token = null;
                message = "unterminated string: a \" opened here is not closed on this line";
            } else if (paren != null) {
                line = paren[0];
                column = paren[1];
                token = null;
                message = "'(' opened here is never closed";
            }
        }
        if (source != null && rule != null && message.contains("insert \";\"")) {
            int[] end = DrlSourceHints.statementWithoutSemicolon(source, rule);
            if (end != null) {
                line = end[0];
                column = end[1];
                message = "missing ';' at the end of this statement in the consequence";
            }
        }
        boolean consequence = e instanceof RuleBuildError;
        if (source != null && (token != null || expression != null)) {
            int[] at = DrlSourceHints.find(source, line, rule, expression, token);
            if (at != null) {
                line = at[0];
                column = at[1];
            }
        }
        Kind kind = parser ? Kind.RULE_SYNTAX : Kind.RULE_COMPILE;
        return new Located(kind, file, source, line, column, rule, token, message, consequence);
    }

    private static String ruleName(KnowledgeBuilderError e, String raw) {
        if (e instanceof RuleBuildError rbe && rbe.getRule() != null) {
            return rbe.getRule().getName();
        }
        if (e instanceof DescrBuildError dbe && dbe.getParentDescr() instanceof RuleDescr rd) {
            return rd.getName();
        }
        Matcher rn = RULE_IN_MESSAGE.matcher(raw);
        return rn.find() ? rn.group(1) : null;
    }

    /**
     * One message per mistake: a parser crash after a syntax error, a consequence that cannot see a
     * variable whose pattern already failed, an import error's echo, and repeats on the same text go.
     */
    private static List<Diagnostic> collapse(List<Located> located) {
        Set<String> filesWithErrors = new HashSet<>();
        Set<String> rulesWithConditionErrors = new HashSet<>();
        Set<String> filesWithImportErrors = new HashSet<>();
        Set<String> linesWithSpecificErrors = new HashSet<>();
        Set<String> linesWithFieldErrors = new HashSet<>();
        for (Located l : located) {
            if (l.message.contains("is neither a field of")) {
                linesWithFieldErrors.add(l.file + ":" + l.line);
            }
            if (!l.message.startsWith("cannot analyse")) {
                linesWithSpecificErrors.add(l.file + ":" + l.line);
            }
            if (!l.message.contains("unexpected exception")) {
                filesWithErrors.add(l.file);
            }
            if (!l.consequence && l.rule != null) {
                rulesWithConditionErrors.add(l.file + "\u0000" + l.rule);
            }
            if (l.message.startsWith("cannot import")) {
                filesWithImportErrors.add(l.file);
            }
        }
        Set<String> seen = new HashSet<>();
        List<Diagnostic> errors = new ArrayList<>();
        for (Located l : located) {
            if (l.message.contains("unexpected exception") && filesWithErrors.contains(l.file)) {
                continue;
            }
            if (l.consequence
                    && l.token != null
                    && l.token.startsWith("$")
                    && rulesWithConditionErrors.contains(l.file + "\u0000" + l.rule)) {
                continue;
            }
            if (l.message.startsWith("unknown fact type") && linesWithFieldErrors.contains(l.file + ":" + l.line)) {
                continue; // Drools adds it to a bad constraint on an unbound pattern; the type is fine
            }
            if (l.message.startsWith("cannot analyse") && linesWithSpecificErrors.contains(l.file + ":" + l.line)) {
                continue; // Drools' summary of a more specific error on the same line
            }
            if (l.consequence
                    && l.message.startsWith("Only a type can be imported")
                    && filesWithImportErrors.contains(l.file)) {
                continue;
            }
            String key = l.file + ":" + l.line + ":" + (l.token != null ? l.token : l.message);
            if (seen.add(key)) {
                errors.add(Diagnostic.rule(
                        l.kind, Location.at(l.file, l.line, l.column).withRule(l.rule), l.message));
            }
        }
        return errors;
    }

    private static String firstLine(String message) {
        String s = message.trim();
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).trim();
    }
}
