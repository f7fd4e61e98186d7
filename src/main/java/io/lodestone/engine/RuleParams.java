package io.lodestone.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lodestone.api.Diagnostic;
import io.lodestone.api.Diagnostic.Kind;
import io.lodestone.api.Diagnostic.Location;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Global;

/**
 * Gives the rule set's globals their values: from the {@code params.json} files under the rules
 * folder, overridden by {@code --param}. A global without a value, a value of the wrong type, a
 * parameter no global declares and a parameter set twice are all errors.
 */
final class RuleParams {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PARAMS_FILE = RuleBase.PARAMS_FILE;

    private RuleParams() {}

    static Map<String, Object> resolve(
            KieBase kieBase,
            List<RuleSource> sources,
            List<RuleSource> paramFiles,
            Map<String, String> overrides,
            List<Diagnostic> errors) {
        Map<String, JsonNode> given = new LinkedHashMap<>();
        Map<String, String> givenIn = new HashMap<>();
        for (RuleSource file : paramFiles) {
            try {
                JsonNode node = JSON.readTree(file.text());
                if (!(node instanceof ObjectNode object)) {
                    errors.add(Diagnostic.rule(
                            Kind.RULE_PARAMS,
                            Location.at(file.displayPath(), 1, 1).withPath("$"),
                            "expected a JSON object of parameter names to values"));
                    continue;
                }
                for (Map.Entry<String, JsonNode> e : object.properties()) {
                    if (e.getKey().startsWith("//") || e.getKey().startsWith("_")) {
                        continue; // comment keys document a parameter beside its value
                    }
                    String before = givenIn.put(e.getKey(), file.displayPath());
                    if (before != null) {
                        errors.add(Diagnostic.rule(
                                Kind.RULE_PARAMS,
                                Location.file(file.displayPath()).withPath(e.getKey()),
                                "parameter " + e.getKey() + " is also set in " + before));
                    }
                    given.put(e.getKey(), e.getValue());
                }
            } catch (IOException e) {
                errors.add(Diagnostic.rule(
                        Kind.RULE_PARAMS, Location.file(file.displayPath()), "not valid JSON: " + e.getMessage()));
            }
        }
        for (Map.Entry<String, String> o : overrides.entrySet()) {
            JsonNode value;
            try {
                value = JSON.readTree(o.getValue());
            } catch (IOException e) {
                value = JSON.getNodeFactory().textNode(o.getValue());
            }
            given.put(o.getKey(), value);
            givenIn.put(o.getKey(), "--param");
        }
        Map<String, Object> values = new TreeMap<>();
        Set<String> declared = new LinkedHashSet<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Global global : pkg.getGlobalVariables()) {
                declared.add(global.getName());
                RuleSource where = sources.stream()
                        .filter(s -> s.lineOfGlobal(global.getName()) > 0)
                        .findFirst()
                        .orElse(null);
                String file = where == null ? null : where.displayPath();
                Integer line = where == null ? null : where.lineOfGlobal(global.getName());
                JsonNode value = given.get(global.getName());
                if (value == null) {
                    errors.add(Diagnostic.rule(
                            Kind.RULE_PARAMS,
                            Location.at(file, line, null),
                            "global " + global.getName() + " has no value: set it in a " + PARAMS_FILE
                                    + " under the rules folder or with --param " + global.getName() + "=VALUE"));
                    continue;
                }
                try {
                    Class<?> type = Class.forName(
                            global.getType(), false, kieBase.getClass().getClassLoader());
                    values.put(global.getName(), JSON.convertValue(value, type));
                } catch (ClassNotFoundException | IllegalArgumentException e) {
                    errors.add(Diagnostic.rule(
                            Kind.RULE_PARAMS,
                            Location.file(givenIn.get(global.getName())).withPath(global.getName()),
                            "value " + value + " does not fit global " + global.getName() + " of type "
                                    + global.getType()));
                }
            }
        }
        for (String name : given.keySet()) {
            if (!declared.contains(name)) {
                errors.add(Diagnostic.rule(
                        Kind.RULE_PARAMS,
                        Location.file(givenIn.get(name)).withPath(name),
                        "parameter " + name + " matches no global declared in the rules (known: "
                                + String.join(", ", declared) + ")"));
            }
        }
        return values;
    }
}
