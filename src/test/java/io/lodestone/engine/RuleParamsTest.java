package io.lodestone.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lodestone.api.Diagnostic;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Global;

/**
 * Globals get their values from params.json files and --param. The rule base is a hand-made stand-in
 * that only declares globals: nothing is compiled.
 */
class RuleParamsTest {
    /** The DRL that declares the globals, so errors about a missing value can point at the declaration. */
    private static final RuleSource PARAMS_DRL = RuleSource.of("m/params.drl", "rules/m/params.drl", """
            package m;

            global java.lang.Double aidTolerance;
            global java.lang.String homeCountry;
            """);

    /** A rule base whose one package declares {@code globals} (name to Java type). */
    private static KieBase kieBase(Map<String, String> globals) {
        List<Global> declared = new ArrayList<>();
        globals.forEach((name, type) -> declared.add(stub(Global.class, Map.of("getName", name, "getType", type))));
        KiePackage pkg = stub(KiePackage.class, Map.of("getGlobalVariables", declared));
        return stub(KieBase.class, Map.of("getKiePackages", List.of(pkg)));
    }

    /** An interface whose listed methods answer fixed values; any other call fails the test. */
    private static <T> T stub(Class<T> type, Map<String, Object> answers) {
        return type.cast(Proxy.newProxyInstance(
                RuleParamsTest.class.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
                    if (answers.containsKey(method.getName())) {
                        return answers.get(method.getName());
                    }
                    throw new UnsupportedOperationException(method.getName());
                }));
    }

    private static RuleSource paramsFile(String path, String json) {
        return RuleSource.of(path, "rules/" + path, json);
    }

    private static final Map<String, String> BOTH =
            new LinkedHashMap<>(Map.of("aidTolerance", "java.lang.Double", "homeCountry", "java.lang.String"));

    static Stream<Arguments> resolve() {
        RuleSource good = paramsFile("m/params.json", """
                {"aidTolerance": 0.1, "homeCountry": "US", "// aidTolerance": "a comment key", "_note": "also"}""");
        return Stream.of(
                Arguments.of(
                        "values from params.json; comment keys are skipped",
                        List.of(good),
                        Map.of(),
                        Map.of("aidTolerance", 0.1, "homeCountry", "US"),
                        List.of()),
                Arguments.of(
                        "--param wins over the file",
                        List.of(good),
                        Map.of("aidTolerance", "0.25"),
                        Map.of("aidTolerance", 0.25, "homeCountry", "US"),
                        List.of()),
                Arguments.of(
                        "--param text that is not JSON is a string",
                        List.of(paramsFile("m/params.json", "{\"aidTolerance\": 1}")),
                        Map.of("homeCountry", "UA"),
                        Map.of("aidTolerance", 1.0, "homeCountry", "UA"),
                        List.of()),
                Arguments.of(
                        "a global without a value, located at its declaration",
                        List.of(paramsFile("m/params.json", "{\"aidTolerance\": 1}")),
                        Map.of(),
                        Map.of("aidTolerance", 1.0),
                        List.of("rules/m/params.drl:4 null")),
                Arguments.of(
                        "a value of the wrong type, located in the file that gave it",
                        List.of(paramsFile("m/params.json", "{\"aidTolerance\": \"lots\", \"homeCountry\": \"US\"}")),
                        Map.of(),
                        Map.of("homeCountry", "US"),
                        List.of("rules/m/params.json:null aidTolerance")),
                Arguments.of(
                        "a parameter no global declares",
                        List.of(paramsFile(
                                "m/params.json", "{\"aidTolerance\": 1, \"homeCountry\": \"US\", \"x\": 2}")),
                        Map.of(),
                        Map.of("aidTolerance", 1.0, "homeCountry", "US"),
                        List.of("rules/m/params.json:null x")),
                Arguments.of(
                        "a parameter set in two files",
                        List.of(
                                paramsFile("m/params.json", "{\"aidTolerance\": 1, \"homeCountry\": \"US\"}"),
                                paramsFile("m/more/params.json", "{\"aidTolerance\": 2}")),
                        Map.of(),
                        Map.of("aidTolerance", 2.0, "homeCountry", "US"),
                        List.of("rules/m/more/params.json:null aidTolerance")),
                Arguments.of(
                        "a file that is not an object",
                        List.of(paramsFile("m/params.json", "[1, 2]")),
                        Map.of("aidTolerance", "1", "homeCountry", "US"),
                        Map.of("aidTolerance", 1.0, "homeCountry", "US"),
                        List.of("rules/m/params.json:1 $")),
                Arguments.of(
                        "a file that is not JSON",
                        List.of(paramsFile("m/params.json", "{\"aidTolerance\": ")),
                        Map.of("aidTolerance", "1", "homeCountry", "US"),
                        Map.of("aidTolerance", 1.0, "homeCountry", "US"),
                        List.of("rules/m/params.json:null null")));
    }

    /** Errors are compared as "file:line path": where they point, not their wording. */
    @ParameterizedTest(name = "{0}")
    @MethodSource
    void resolve(
            String name,
            List<RuleSource> files,
            Map<String, String> overrides,
            Map<String, Object> values,
            List<String> errorsAt) {
        List<Diagnostic> errors = new ArrayList<>();
        Map<String, Object> resolved =
                RuleParams.resolve(kieBase(BOTH), List.of(PARAMS_DRL), files, new LinkedHashMap<>(overrides), errors);
        assertEquals(values, resolved);
        assertEquals(
                errorsAt,
                errors.stream()
                        .map(e -> e.file() + ":" + e.line() + " " + e.path())
                        .toList(),
                errors.toString());
        errors.forEach(e -> assertEquals(Diagnostic.Kind.RULE_PARAMS, e.kind()));
    }
}
