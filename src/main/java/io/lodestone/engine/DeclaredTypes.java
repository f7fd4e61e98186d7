package io.lodestone.engine;

import io.lodestone.api.Diagnostic;
import io.lodestone.api.Diagnostic.Kind;
import io.lodestone.api.Diagnostic.Location;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.type.FactField;
import org.kie.api.definition.type.FactType;

/**
 * The fact types the rules declare, by simple name, each located at its {@code declare}; checks that
 * every type has an {@code id : String}, that no simple name is declared twice and that {@code @ref}
 * targets exist.
 */
final class DeclaredTypes {
    private DeclaredTypes() {}

    static Map<String, DeclaredType> of(KieBase kieBase, List<RuleSource> sources, List<Diagnostic> errors) {
        List<DeclaredType> all = new ArrayList<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (FactType type : pkg.getFactTypes()) {
                if (type.getFactClass() == null || type.getFactClass().getName().startsWith("java.")) {
                    continue; // a JDK class a pattern names (List() from collect ...), not a declared type
                }
                String simple = type.getSimpleName();
                RuleSource source = sources.stream()
                        .filter(s -> s.lineOfDeclare(simple) > 0 && s.declaresPackage(pkg.getName()))
                        .findFirst()
                        .orElse(sources.stream()
                                .filter(s -> s.lineOfDeclare(simple) > 0)
                                .findFirst()
                                .orElse(null));
                int line = source == null ? 0 : source.lineOfDeclare(simple);
                String file = source == null ? null : source.displayPath();
                Map<String, Class<?>> fields = new LinkedHashMap<>();
                Map<String, String> refs = new LinkedHashMap<>();
                Map<String, String> replacedBy = new LinkedHashMap<>();
                for (FactField f : type.getFields()) {
                    fields.put(f.getName(), f.getType());
                    Map<String, Object> meta = f.getMetaData();
                    if (meta != null && meta.containsKey("ref")) {
                        String target = RuleMetadata.text(meta.get("ref"));
                        refs.put(f.getName(), target == null ? "" : target);
                    }
                    if (meta != null && RuleMetadata.text(meta.get("replacedBy")) != null) {
                        replacedBy.put(f.getName(), RuleMetadata.text(meta.get("replacedBy")));
                    }
                }
                FactField id = type.getField("id");
                if (id == null || id.getType() != String.class) {
                    errors.add(Diagnostic.rule(
                            Kind.RULE_COMPILE,
                            Location.at(file, line == 0 ? null : line, null),
                            "declared type " + simple + " needs an 'id : String' field (fact sets join on ids)"));
                }
                all.add(new DeclaredType(
                        simple, type.getName(), type.getFactClass(), fields, file, line, refs, replacedBy));
            }
        }
        // in file and line order, so a clash is always reported at the later declaration
        all.sort(Comparator.comparing((DeclaredType t) -> String.valueOf(t.file()))
                .thenComparingInt(DeclaredType::line));
        Map<String, DeclaredType> bySimpleName = new TreeMap<>();
        for (DeclaredType declared : all) {
            DeclaredType clash = bySimpleName.putIfAbsent(declared.name(), declared);
            if (clash != null) {
                errors.add(Diagnostic.rule(
                        Kind.RULE_COMPILE,
                        Location.at(declared.file(), declared.line() == 0 ? null : declared.line(), null),
                        "type " + declared.name()
                                + " is declared in two packages (" + clash.qualifiedName() + " at " + clash.file() + ":"
                                + clash.line() + " and " + declared.qualifiedName()
                                + "); fact sets name types by simple name, so it is ambiguous"));
            }
        }
        for (DeclaredType declared : all) {
            declared.refs().forEach((field, target) -> {
                if (!target.isEmpty() && !bySimpleName.containsKey(target)) {
                    errors.add(Diagnostic.rule(
                            Kind.RULE_COMPILE,
                            Location.at(declared.file(), declared.line() == 0 ? null : declared.line(), null),
                            "field "
                                    + declared.name() + "." + field + " is marked @ref(" + target
                                    + ") but no type " + target + " is declared"));
                }
            });
        }
        return bySimpleName;
    }

    /** Whether a declared type is a concept the rules derive (type metadata {@code @concept}): not loadable from fact sets. */
    static boolean isConcept(KieBase kieBase, DeclaredType type) {
        int dot = type.qualifiedName().lastIndexOf('.');
        if (dot < 0) {
            return false;
        }
        try {
            FactType factType = kieBase.getFactType(type.qualifiedName().substring(0, dot), type.name());
            return factType != null
                    && factType.getMetaData() != null
                    && factType.getMetaData().containsKey("concept");
        } catch (RuntimeException e) {
            return false;
        }
    }
}
