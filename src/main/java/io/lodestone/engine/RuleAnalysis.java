package io.lodestone.engine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.base.base.ClassObjectType;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.rule.Declaration;
import org.drools.base.rule.RuleConditionElement;
import org.drools.base.rule.constraint.Constraint;
import org.drools.mvel.MVELConstraint;
import org.kie.api.definition.rule.Rule;

/**
 * Which fields of which declared types a rule's conditions read: the identifiers in each pattern's
 * constraints and the fields its bindings take. Used only to explain a firing, so an approximation
 * that errs toward showing a field is fine.
 */
final class RuleAnalysis {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private RuleAnalysis() {}

    static Map<Class<?>, Set<String>> fieldsRead(Rule rule, Map<Class<?>, DeclaredType> types) {
        Map<Class<?>, Set<String>> read = new HashMap<>();
        if (rule instanceof RuleImpl impl) {
            visit(impl.getLhs(), types, read);
        }
        return read;
    }

    private static void visit(
            RuleConditionElement element, Map<Class<?>, DeclaredType> types, Map<Class<?>, Set<String>> read) {
        if (element == null) {
            return;
        }
        if (element instanceof org.drools.base.rule.Pattern pattern) {
            if (pattern.getObjectType() instanceof ClassObjectType cot && types.containsKey(cot.getClassType())) {
                DeclaredType type = types.get(cot.getClassType());
                Set<String> fields = read.computeIfAbsent(cot.getClassType(), c -> new TreeSet<>());
                for (Constraint c : pattern.getConstraints()) {
                    String text = c instanceof MVELConstraint m ? m.getExpression() : String.valueOf(c);
                    Matcher words = IDENTIFIER.matcher(text == null ? "" : text);
                    while (words.find()) {
                        if (type.fields().containsKey(words.group())
                                && !words.group().equals("id")) {
                            fields.add(words.group());
                        }
                    }
                }
                for (Declaration d : pattern.getDeclarations().values()) {
                    String field = fieldOf(d);
                    if (field != null && type.fields().containsKey(field) && !field.equals("id")) {
                        fields.add(field);
                    }
                }
            }
            if (pattern.getSource() != null) {
                visit(pattern.getSource(), types, read);
            }
        }
        List<? extends RuleConditionElement> nested = element.getNestedElements();
        if (nested != null) {
            for (RuleConditionElement child : nested) {
                visit(child, types, read);
            }
        }
    }

    private static String fieldOf(Declaration d) {
        if (d.isPatternDeclaration()) {
            return null;
        }
        String getter = d.getNativeReadMethodName();
        if (getter == null) {
            return null;
        }
        String name =
                getter.startsWith("get") ? getter.substring(3) : getter.startsWith("is") ? getter.substring(2) : null;
        return name == null || name.isEmpty() ? null : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
