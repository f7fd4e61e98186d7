package io.lodestone.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lodestone.api.Diagnostic;
import io.lodestone.api.Diagnostic.Kind;
import io.lodestone.api.Diagnostic.Location;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.type.FactField;
import org.kie.api.definition.type.FactType;

/**
 * Reads the declared values of a rule set: the field annotations {@code @values}, {@code @range},
 * {@code @min} and {@code @vocabulary} of its declared types, and the vocabularies in
 * {@code vocabulary/*.json} anywhere under the rules folder. A malformed annotation or vocabulary is a
 * rule error, so a mistake in the model is found before any fact set is read.
 */
final class ValueDeclarations {
    /** The folder name under which vocabulary files are read. */
    static final String VOCABULARY_DIR = "vocabulary";

    private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");

    private ValueDeclarations() {}

    static ValueModel read(Path rulesDir, KieBase kieBase, Map<String, DeclaredType> types, List<Diagnostic> errors) {
        Map<String, Vocabulary> vocabularies = vocabularies(rulesDir, errors);
        Map<String, Map<String, FieldValues>> fields = new HashMap<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (FactType type : pkg.getFactTypes()) {
                DeclaredType declared = types.get(type.getSimpleName());
                if (declared == null || !declared.qualifiedName().equals(type.getName())) {
                    continue;
                }
                Map<String, FieldValues> byField = new LinkedHashMap<>();
                for (FactField f : type.getFields()) {
                    FieldValues values = field(declared, f, vocabularies, errors);
                    if (values != null) {
                        byField.put(f.getName(), values);
                    }
                }
                if (!byField.isEmpty()) {
                    fields.put(declared.name(), byField);
                }
            }
        }
        return new ValueModel(fields, vocabularies);
    }

    private static FieldValues field(
            DeclaredType type, FactField f, Map<String, Vocabulary> vocabularies, List<Diagnostic> errors) {
        Map<String, Object> meta = f.getMetaData();
        if (meta == null || meta.isEmpty()) {
            return null;
        }
        String where = type.name() + "." + f.getName();
        List<String> values = null;
        Double min = null;
        Double max = null;
        Vocabulary vocabulary = null;
        if (meta.containsKey("values")) {
            values = words(meta.get("values"));
            if (values.isEmpty()) {
                error(errors, type, "field " + where + " has @values() without values (write @values(\"a\", \"b\"))");
                values = null;
            }
        }
        if (meta.containsKey("range")) {
            List<String> bounds = List.of(String.valueOf(meta.get("range")).split(","));
            Double lo = bounds.size() == 2 ? number(bounds.get(0)) : null;
            Double hi = bounds.size() == 2 ? number(bounds.get(1)) : null;
            if (lo == null || hi == null || lo > hi) {
                error(
                        errors,
                        type,
                        "field " + where + " has @range(" + meta.get("range")
                                + "): expected two numbers, the smallest and the largest value, e.g. @range(0, 1)");
            } else {
                min = lo;
                max = hi;
            }
        }
        if (meta.containsKey("min")) {
            min = number(String.valueOf(meta.get("min")));
            if (min == null) {
                error(errors, type, "field " + where + " has @min(" + meta.get("min") + "): expected a number");
            }
        }
        if (meta.containsKey("vocabulary")) {
            List<String> names = words(meta.get("vocabulary"));
            String name = names.size() == 1 ? names.get(0) : null;
            vocabulary = name == null ? null : vocabularies.get(name);
            if (vocabulary == null) {
                error(
                        errors,
                        type,
                        "field " + where + " has @vocabulary(" + meta.get("vocabulary")
                                + ") but the rules folder has no " + VOCABULARY_DIR + "/"
                                + (name == null ? "NAME" : name)
                                + ".json (known: "
                                + (vocabularies.isEmpty() ? "none" : String.join(", ", vocabularies.keySet()))
                                + ")");
            }
        }
        boolean numeric =
                Number.class.isAssignableFrom(f.getType()) || f.getType().isPrimitive();
        if ((min != null || max != null) && !numeric) {
            error(
                    errors,
                    type,
                    "field " + where + " is a " + f.getType().getSimpleName() + "; @range and @min apply to numbers");
        }
        if (values == null && min == null && max == null && vocabulary == null) {
            return null;
        }
        return new FieldValues(values, min, max, vocabulary);
    }

    /** {@code "a", "b-c"} (Drools keeps the annotation's text) to its words; unquoted text splits on commas. */
    private static List<String> words(Object annotation) {
        List<String> out = new ArrayList<>();
        if (annotation == null) {
            return out;
        }
        String text = annotation.toString();
        Matcher m = QUOTED.matcher(text);
        while (m.find()) {
            out.add(m.group(1));
        }
        if (out.isEmpty()) {
            for (String w : text.split(",", -1)) {
                if (!w.isBlank()) {
                    out.add(w.trim());
                }
            }
        }
        return out;
    }

    private static Double number(String text) {
        try {
            return Double.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static void error(List<Diagnostic> errors, DeclaredType type, String message) {
        errors.add(Diagnostic.rule(
                Kind.RULE_COMPILE, Location.at(type.file(), type.line() == 0 ? null : type.line(), null), message));
    }

    private static Map<String, Vocabulary> vocabularies(Path rulesDir, List<Diagnostic> errors) {
        Map<String, Vocabulary> out = new LinkedHashMap<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(rulesDir)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(p -> p.getParent() != null
                            && p.getParent().getFileName() != null
                            && p.getParent().getFileName().toString().equals(VOCABULARY_DIR)
                            && p.getFileName().toString().endsWith(".json"))
                    .sorted(Comparator.comparing(Path::toString))
                    .toList();
        } catch (IOException e) {
            errors.add(Diagnostic.io(rulesDir.toString(), "cannot read rules folder: " + e.getMessage()));
            return out;
        }
        ObjectMapper mapper = new ObjectMapper();
        for (Path file : files) {
            String name = file.getFileName().toString().replaceFirst("\\.json$", "");
            String display = file.toString();
            try {
                JsonNode root = mapper.readTree(file.toFile());
                Vocabulary v = vocabulary(name, root, display, errors);
                if (v != null && out.putIfAbsent(name, v) != null) {
                    errors.add(Diagnostic.rule(
                            Kind.RULE_PARAMS,
                            Location.file(display),
                            "vocabulary \"" + name + "\" is defined twice (also "
                                    + out.get(name).file() + ")"));
                }
            } catch (IOException e) {
                errors.add(Diagnostic.rule(
                        Kind.RULE_PARAMS, Location.file(display), "cannot read vocabulary: " + e.getMessage()));
            }
        }
        return out;
    }

    private static Vocabulary vocabulary(String name, JsonNode root, String file, List<Diagnostic> errors) {
        JsonNode words = root == null ? null : root.get("words");
        if (words == null || !words.isObject()) {
            errors.add(Diagnostic.rule(
                    Kind.RULE_PARAMS,
                    Location.file(file).withPath("words"),
                    "expected {\"words\": {\"canonical-word\": [\"synonym\", ...], ...}}"));
            return null;
        }
        Map<String, List<String>> entries = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : words.properties()) {
            List<String> synonyms = new ArrayList<>();
            if (e.getValue().isArray()) {
                e.getValue().forEach(s -> synonyms.add(s.asText()));
            } else if (!e.getValue().isNull()) {
                errors.add(Diagnostic.rule(
                        Kind.RULE_PARAMS,
                        Location.file(file).withPath("words." + e.getKey()),
                        "expected a list of synonyms (or [])"));
            }
            entries.put(e.getKey(), synonyms);
        }
        return new Vocabulary(name, root.path("closed").asBoolean(false), entries, file);
    }
}
