package io.lodestone.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.lodestone.Lodestone;
import io.lodestone.api.RunReport;
import io.lodestone.output.Formatters;
import io.lodestone.output.OutputOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every bundled rule's {@code @description}, read from the DRL text itself (not through Drools), reaches
 * {@code /v1/rules} and SARIF ({@code fullDescription}, {@code help} with the rule's file:line), and
 * docs/rules.md lists every rule id with its exact description. After editing a description, refresh the
 * generated part of docs/rules.md with {@code mvn verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
 * -Dit.test=RuleDescriptionsIT -Dlodestone.updateDocs=true}.
 */
class RuleDescriptionsIT {
    private static final Path RULES = Path.of("rules");
    private static final Path DOC = Path.of("docs/rules.md");
    private static final String BEGIN = "<!-- rule descriptions: generated from the DRL by RuleDescriptionsIT -->";
    private static final String END = "<!-- end of rule descriptions -->";
    private static final Pattern RULE =
            Pattern.compile("(?m)^\\s*rule\\s+\"((?:[^\"\\\\]|\\\\.)*)\"(.*?)^\\s*when\\b", Pattern.DOTALL);
    private static final Pattern ID = Pattern.compile("@id\\(\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*\\)");
    private static final Pattern DESCRIPTION = Pattern.compile("@description\\(\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*\\)");

    /** Rule id → description, for every bundled rule that has {@code @category} (derivations emit nothing). */
    static Map<String, String> descriptionsInDrl() throws IOException {
        Map<String, String> out = new TreeMap<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(RULES)) {
            files = walk.filter(p -> p.toString().endsWith(".drl")).sorted().toList();
        }
        for (Path file : files) {
            Matcher rule = RULE.matcher(Files.readString(file));
            while (rule.find()) {
                String head = rule.group(2);
                Matcher id = ID.matcher(head);
                if (!head.contains("@category") || !id.find()) {
                    continue;
                }
                Matcher d = DESCRIPTION.matcher(head);
                out.put(id.group(1), d.find() ? d.group(1).replace("\\\"", "\"") : null);
            }
        }
        assertTrue(out.size() >= 15, "the bundled rule pack: " + out.keySet());
        return out;
    }

    @Test
    void everyBundledRuleHasADescription() throws IOException {
        Map<String, String> drl = descriptionsInDrl();
        List<String> missing = drl.entrySet().stream()
                .filter(e -> e.getValue() == null || e.getValue().isBlank())
                .map(Map.Entry::getKey)
                .toList();
        assertEquals(List.of(), missing, "rules without @description");
    }

    @Test
    void descriptionsReachV1Rules() throws Exception {
        Map<String, String> drl = descriptionsInDrl();
        LiveRules rules = new LiveRules(Lodestone.builder(RULES)::build, new PrintWriter(new StringWriter()));
        assertTrue(rules.reload());
        try (LodestoneServer server = LodestoneServer.start(
                rules, new LodestoneServer.Config("127.0.0.1", 0, 32 * 1024, 2), new PrintWriter(new StringWriter()))) {
            Http.Response reply = Http.get(server.baseUrl() + "/v1/rules");
            assertEquals(200, reply.status(), reply.body());
            Map<String, String> served = new TreeMap<>();
            for (JsonNode r : reply.json().get("rules")) {
                if (drl.containsKey(r.get("id").asText())) {
                    served.put(
                            r.get("id").asText(),
                            r.path("description").isNull()
                                    ? null
                                    : r.path("description").asText());
                }
            }
            assertEquals(drl, served);
        }
    }

    @Test
    void descriptionsReachSarifWithHelpAndLocation() throws Exception {
        Map<String, String> drl = descriptionsInDrl();
        Lodestone lodestone = Lodestone.fromRules(RULES);
        RunReport run = lodestone.evaluateAll(List.of(Path.of("facts/us-ua-minerals-2025-02.json")));
        StringWriter out = new StringWriter();
        Formatters.get("sarif").write(run, OutputOptions.plain(), out);
        JsonNode driverRules = Http.JSON.readTree(out.toString()).at("/runs/0/tool/driver/rules");
        Map<String, String> inSarif = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        for (JsonNode r : driverRules) {
            String id = r.get("id").asText();
            if (!drl.containsKey(id)) {
                continue;
            }
            inSarif.put(id, r.at("/fullDescription/text").asText(null));
            String help = r.at("/help/text").asText("");
            if (!help.contains(drl.get(id))
                    || !Pattern.compile("\\.drl:\\d+").matcher(help).find()) {
                problems.add(id + ": help.text lacks the description or file:line: " + help);
            }
            if (r.at("/shortDescription/text").asText("").isBlank()) {
                problems.add(id + ": no shortDescription");
            }
        }
        assertEquals(drl, inSarif, "fullDescription of every rule");
        assertEquals(List.of(), problems);
    }

    /** Generic, so the doc's layout is free: each rule id appears, and its description appears verbatim. */
    @Test
    void docsRulesMdListsEveryRuleWithItsExactDescription() throws IOException {
        Map<String, String> drl = descriptionsInDrl();
        if (Boolean.getBoolean("lodestone.updateDocs")) {
            Files.writeString(DOC, withGeneratedSection(Files.readString(DOC), drl));
        }
        String doc = Files.readString(DOC);
        String flat = doc.replaceAll("\\s+", " ");
        Map<String, String> problems = new LinkedHashMap<>();
        drl.forEach((id, description) -> {
            if (!doc.contains(id)) {
                problems.put(id, "not listed");
            } else if (description != null && !flat.contains(description.replaceAll("\\s+", " "))) {
                problems.put(id, "description differs from the DRL: " + description);
            }
        });
        assertEquals(Map.of(), problems, "docs/rules.md against the DRL (refresh with -Dlodestone.updateDocs=true)");
    }

    private static String withGeneratedSection(String doc, Map<String, String> drl) {
        StringBuilder section = new StringBuilder(BEGIN)
                .append("\n\n## Rule descriptions\n\n")
                .append("Each rule's `@description`, exactly as in the DRL (and as `/v1/rules`, SARIF, JUnit and the\n")
                .append("HTML report show it).\n\n| id | description |\n|---|---|\n");
        drl.forEach((id, d) -> section.append("| `")
                .append(id)
                .append("` | ")
                .append(d == null ? "" : d.replace("|", "\\|"))
                .append(" |\n"));
        section.append('\n').append(END);
        int from = doc.indexOf(BEGIN);
        int to = doc.indexOf(END);
        if (from >= 0 && to > from) {
            return doc.substring(0, from) + section + doc.substring(to + END.length());
        }
        return doc.stripTrailing() + "\n\n" + section + "\n";
    }
}
