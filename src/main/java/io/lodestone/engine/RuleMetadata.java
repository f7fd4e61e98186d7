package io.lodestone.engine;

import io.lodestone.api.Category;
import io.lodestone.api.Diagnostic;
import io.lodestone.api.Diagnostic.Kind;
import io.lodestone.api.Diagnostic.Location;
import io.lodestone.api.RuleDescription;
import io.lodestone.api.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.kie.api.KieBase;
import org.kie.api.definition.rule.Rule;

/**
 * Reads and checks the rules' metadata ({@code @id}, {@code @category}, {@code @severity}, {@code @weight},
 * {@code @description}, {@code @derivation}) into {@link RuleDescription}s, each located in its file.
 */
final class RuleMetadata {
    private RuleMetadata() {}

    /** The file a rule was compiled from (Drools keeps the resource's source path on the rule). */
    private static RuleSource sourceOf(Rule rule, List<RuleSource> sources) {
        String path = rule instanceof RuleImpl impl && impl.getResource() != null
                ? impl.getResource().getSourcePath()
                : null;
        for (RuleSource s : sources) {
            if (path != null
                    ? s.relativePath().equals(path)
                    : s.lineOfRule(rule.getName()) > 0 && s.declaresPackage(rule.getPackageName())) {
                return s;
            }
        }
        for (RuleSource s : sources) {
            if (s.lineOfRule(rule.getName()) > 0) {
                return s; // a file without a package statement
            }
        }
        return null;
    }

    static List<RuleDescription> describe(KieBase kieBase, List<RuleSource> sources, List<Diagnostic> errors) {
        List<RuleDescription> rules = new ArrayList<>();
        Map<String, RuleDescription> byId = new HashMap<>();
        // validate in file and line order, so "duplicate" always names the later of two rules
        List<Rule> all = new ArrayList<>();
        kieBase.getKiePackages().forEach(pkg -> all.addAll(pkg.getRules()));
        Map<Rule, RuleSource> sourceOfRule = new HashMap<>();
        all.forEach(r -> sourceOfRule.put(r, sourceOf(r, sources)));
        all.sort(Comparator.comparing((Rule r) ->
                        sourceOfRule.get(r) == null ? "" : sourceOfRule.get(r).relativePath())
                .thenComparingInt(r ->
                        sourceOfRule.get(r) == null ? 0 : sourceOfRule.get(r).lineOfRule(r.getName()))
                .thenComparing(Rule::getName));
        for (Rule rule : all) {
            RuleSource source = sourceOfRule.get(rule);
            String file = source == null ? null : source.displayPath();
            int line = source == null ? 0 : source.lineOfRule(rule.getName());
            Integer lineOrNull = line == 0 ? null : line;
            Map<String, Object> meta = rule.getMetaData();
            String id = text(meta.get("id"));
            List<String> problems = new ArrayList<>();
            if (id == null) {
                problems.add("rule \"" + rule.getName() + "\" has no @id(\"...\") metadata");
                id = rule.getName();
            }
            boolean derivation = meta.containsKey("derivation");
            Category category = null;
            Severity severity = null;
            Double weight = null;
            if (!derivation) {
                String categoryText = text(meta.get("category"));
                category = Category.parse(categoryText);
                if (category == null) {
                    problems.add(
                            categoryText == null
                                    ? "missing @category (expected one of ALIGNMENT, RISK, INCONSISTENCY, or @derivation for a rule that emits no findings)"
                                    : "@category(\"" + categoryText
                                            + "\") is not one of ALIGNMENT, RISK, INCONSISTENCY");
                }
                String severityText = text(meta.get("severity"));
                severity = Severity.parse(severityText);
                if (severity == null) {
                    problems.add(
                            severityText == null
                                    ? "missing @severity (expected one of info, low, medium, high, critical)"
                                    : "@severity(\"" + severityText
                                            + "\") is not one of info, low, medium, high, critical");
                }
                String weightText = text(meta.get("weight"));
                if (weightText != null) {
                    try {
                        weight = Double.valueOf(weightText);
                    } catch (NumberFormatException e) {
                        problems.add("@weight(" + weightText + ") is not a number");
                    }
                }
                if (category == Category.ALIGNMENT && weight == null && weightText == null) {
                    problems.add("ALIGNMENT rule has no @weight (a signed number: positive serves the priorities)");
                }
                if (category != null && category != Category.ALIGNMENT && weightText != null) {
                    problems.add("@weight is only meaningful on ALIGNMENT rules");
                }
            }
            RuleDescription previous = byId.get(id);
            if (previous != null && meta.get("id") != null) {
                problems.add("duplicate @id(\"" + id + "\"): also used by rule \"" + previous.name() + "\" at "
                        + previous.file() + ":" + previous.line());
            }
            for (String problem : problems) {
                errors.add(Diagnostic.rule(
                        Kind.RULE_METADATA, Location.at(file, lineOrNull, null).withRule(rule.getName()), problem));
            }
            RuleDescription description = new RuleDescription(
                    id,
                    rule.getName(),
                    rule.getPackageName(),
                    category,
                    severity,
                    category == Category.ALIGNMENT ? weight : null,
                    description(meta),
                    source == null ? null : source.relativePath(),
                    line,
                    otherMetadata(meta));
            byId.putIfAbsent(id, description);
            rules.add(description);
        }
        rules.sort(Comparator.comparing((RuleDescription r) -> String.valueOf(r.file()))
                .thenComparingInt(RuleDescription::line)
                .thenComparing(RuleDescription::name));
        return rules;
    }

    /** Drools 10 keeps {@code @description} under this key (an annotation type name), not "description". */
    static final String DESCRIPTION_KEY = "org.kie.api.definition.type.Description";

    private static String description(Map<String, Object> meta) {
        String text = text(meta.get(DESCRIPTION_KEY));
        return text != null ? text : text(meta.get("description"));
    }

    /** A metadata value as text: trimmed, outer quotes removed, null when empty. */
    /** Metadata the description does not model (e.g. @priority, @effect on ALIGNMENT rules), as text. */
    private static Map<String, String> otherMetadata(Map<String, Object> meta) {
        Map<String, String> out = new java.util.TreeMap<>();
        meta.forEach((k, v) -> {
            if (!java.util.Set.of("id", "category", "severity", "weight", "description", "derivation")
                            .contains(k)
                    && !k.startsWith("org.kie.")) {
                String t = text(v);
                out.put(k, t == null ? "" : t);
            }
        });
        return out;
    }

    static String text(Object metaValue) {
        if (metaValue == null) {
            return null;
        }
        String s = metaValue.toString().trim();
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            s = s.substring(1, s.length() - 1);
        }
        return s.isEmpty() ? null : s;
    }
}
