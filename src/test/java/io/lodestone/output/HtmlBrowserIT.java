package io.lodestone.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lodestone.api.Category;
import io.lodestone.api.Finding;
import io.lodestone.api.Report;
import io.lodestone.api.RunReport;
import io.lodestone.api.Severity;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders the HTML report in headless Chromium with the network off. A probe script, added to a copy
 * of the page only, records what the browser shows (text, counts, visibility, fetched resources) into
 * the DOM that {@code --dump-dom} prints. Without Chromium it is skipped with a notice, or fails when
 * {@code CI} is set ({@link BrowserRequirement}).
 */
class HtmlBrowserIT {
    private static final String PROBE = """
            <script>
            (function () {
              function visible(el) {
                var r = el.getBoundingClientRect(), cs = getComputedStyle(el);
                return r.width > 0 && r.height > 0 && cs.visibility === 'visible' && cs.display !== 'none'
                    && parseFloat(cs.opacity) > 0;
              }
              var out = { scripts: document.scripts.length, resources: performance.getEntriesByType('resource').length,
                          factSets: [], bars: [] };
              document.querySelectorAll('section.fact-set').forEach(function (s) {
                var score = s.querySelector('.score-value');
                var fs = { id: s.dataset.factSet, score: score.textContent, scoreVisible: visible(score),
                           gaugeVisible: visible(s.querySelector('svg.score-bar')), cells: [], findings: [] };
                s.querySelectorAll('.risk-matrix g.cell').forEach(function (c) {
                  fs.cells.push({ severity: c.dataset.severity, category: c.dataset.category,
                                  text: c.textContent, visible: visible(c) });
                });
                s.querySelectorAll('article.finding').forEach(function (f) {
                  fs.findings.push({ rule: f.dataset.rule, message: f.querySelector('.message').textContent,
                                     visible: visible(f) });
                });
                out.factSets.push(fs);
              });
              document.querySelectorAll('svg.score-chart g.bar').forEach(function (b) {
                out.bars.push({ id: b.dataset.factSet, visible: visible(b) });
              });
              var pre = document.createElement('pre');
              pre.id = 'probe';
              pre.textContent = JSON.stringify(out);
              document.body.appendChild(pre);
            })();
            </script>
            """;

    @Test
    void reportRendersWithScoresMatrixAndEveryFindingVisible(@TempDir Path dir) throws Exception {
        String chromium = BrowserRequirement.chromiumOrSkip("HtmlBrowserIT");
        RunReport batch = SampleRuns.batchWithLoadError(dir);
        List<Report> reports = new ArrayList<>(batch.reports());
        reports.add(SampleRuns.small().reports().get(0)); // a fact set whose message carries a <script>
        RunReport run = new RunReport(
                batch.rulesHash(),
                batch.ruleCount(),
                reports,
                batch.errors(),
                List.of(),
                batch.rules(),
                batch.locator());
        String html = SampleRuns.render("html", run);
        Path page = Path.of("target/report.html").toAbsolutePath();
        Files.createDirectories(page.getParent());
        Files.writeString(page, html);
        Path probed = dir.resolve("probed.html");
        Files.writeString(
                probed,
                html.replace("default-src 'none';", "default-src 'none'; script-src 'unsafe-inline';")
                        .replace("</body>", PROBE + "</body>"));

        String dom = chromium(chromium, dir, "--dump-dom", probed.toUri().toString());
        Matcher m =
                Pattern.compile("<pre id=\"probe\">(.*?)</pre>", Pattern.DOTALL).matcher(dom);
        assertTrue(
                m.find(),
                "the probe ran and wrote its result; DOM was:\n" + dom.substring(0, Math.min(500, dom.length())));
        JsonNode probe = new ObjectMapper()
                .readTree(m.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&"));

        assertEquals(1, probe.get("scripts").asInt(), "only the probe script: no script came from a fact set");
        assertEquals(0, probe.get("resources").asInt(), "the page fetched nothing");
        assertEquals(reports.size(), probe.get("factSets").size());
        for (int i = 0; i < reports.size(); i++) {
            Report r = reports.get(i);
            JsonNode fs = probe.get("factSets").get(i);
            assertEquals(r.id(), fs.get("id").asText());
            assertEquals(Numbers.signed(r.alignment().score()), fs.get("score").asText());
            assertTrue(
                    fs.get("scoreVisible").asBoolean() && fs.get("gaugeVisible").asBoolean());
            assertEquals(
                    Severity.values().length * Category.values().length,
                    fs.get("cells").size());
            for (JsonNode cell : fs.get("cells")) {
                Severity s = Severity.parse(cell.get("severity").asText());
                Category c = Category.parse(cell.get("category").asText());
                long expected = r.findings().stream()
                        .filter(f -> f.getSeverity() == s && f.getCategory() == c)
                        .count();
                assertEquals(String.valueOf(expected), cell.get("text").asText(), s + "/" + c);
                assertTrue(cell.get("visible").asBoolean());
            }
            assertEquals(r.findings().size(), fs.get("findings").size());
            for (int j = 0; j < r.findings().size(); j++) {
                Finding f = r.findings().get(j);
                JsonNode shown = fs.get("findings").get(j);
                assertEquals(f.getRuleId(), shown.get("rule").asText());
                assertEquals(f.getMessage(), shown.get("message").asText(), "shown as text, exactly");
                assertTrue(shown.get("visible").asBoolean(), f.getRuleId() + " is visible");
            }
        }
        assertEquals(reports.size(), probe.get("bars").size(), "the comparison chart has a bar per fact set");
        probe.get("bars").forEach(b -> assertTrue(b.get("visible").asBoolean()));

        Path png = Path.of("target/report.png").toAbsolutePath();
        Files.deleteIfExists(png);
        chromium(
                chromium,
                dir,
                "--screenshot=" + png,
                "--window-size=1280,2000",
                page.toUri().toString());
        assertTrue(Files.size(png) > 10_000, "a screenshot for people is in target/report.png");
    }

    /**
     * axe-core (WCAG 2.0/2.1 A and AA rules) over the bundled fact sets' page: no serious or critical
     * violation, e.g. text contrast below 4.5:1. The page keeps its own CSP; only the copy under test
     * allows the inline axe script.
     */
    @Test
    void bundledReportHasNoSeriousOrCriticalAxeViolation(@TempDir Path dir) throws Exception {
        String chromium = BrowserRequirement.chromiumOrSkip("HtmlBrowserIT");
        RunReport run = SampleRuns.lodestone().evaluateAll(List.of(Path.of("facts")));
        assertTrue(run.reports().size() >= 3, "the bundled fact sets");
        String html = SampleRuns.render("html", run);
        String axe;
        try (InputStream in = HtmlBrowserIT.class.getResourceAsStream(AXE)) {
            assertNotNull(in, AXE + " (org.webjars.npm:axe-core, test scope) is on the class path");
            axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String runner = """
                <script>
                axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
                                    resultTypes: ['violations'] }).then(function (r) {
                  var out = r.violations.map(function (v) {
                    return { id: v.id, impact: v.impact, nodes: v.nodes.length,
                             examples: v.nodes.slice(0, 3).map(function (n) { return n.target.join(' ') + ': '
                                 + n.failureSummary; }) };
                  });
                  var pre = document.createElement('pre'); pre.id = 'axe'; pre.textContent = JSON.stringify(out);
                  document.body.appendChild(pre);
                }, function (e) {
                  var pre = document.createElement('pre'); pre.id = 'axe'; pre.textContent = JSON.stringify(
                      [{ id: 'axe-failed', impact: 'critical', nodes: 0, examples: [String(e)] }]);
                  document.body.appendChild(pre);
                });
                </script>
                """;
        Path probed = dir.resolve("axe.html");
        Files.writeString(
                probed,
                html.replace("default-src 'none';", "default-src 'none'; script-src 'unsafe-inline';")
                        .replace(
                                "</body>",
                                "<script>" + axe.replace("</script", "<\\/script") + "</script>" + runner + "</body>"));
        String dom = chromium(
                chromium,
                dir,
                "--virtual-time-budget=60000",
                "--dump-dom",
                probed.toUri().toString());
        Matcher m =
                Pattern.compile("<pre id=\"axe\">(.*?)</pre>", Pattern.DOTALL).matcher(dom);
        assertTrue(m.find(), "axe ran and wrote its result");
        JsonNode violations = new ObjectMapper()
                .readTree(m.group(1)
                        .replace("&lt;", "<")
                        .replace("&gt;", ">")
                        .replace("&quot;", "\"")
                        .replace("&amp;", "&"));
        Files.writeString(Path.of("target/axe-violations.json").toAbsolutePath(), violations.toPrettyString());
        List<String> blocking = new ArrayList<>();
        for (JsonNode v : violations) {
            String impact = v.path("impact").asText();
            if (impact.equals("serious") || impact.equals("critical")) {
                blocking.add(v.toString());
            }
        }
        assertEquals(List.of(), blocking, "axe-core " + AXE + ": serious or critical WCAG 2.1 AA violations");
    }

    private static final String AXE = "/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";

    private static String chromium(String binary, Path dir, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(
                binary,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-extensions",
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost",
                "--user-data-dir=" + dir.resolve("profile")));
        cmd.addAll(List.of(args));
        Path stdout = dir.resolve("chromium.out");
        Path stderr = dir.resolve("chromium.err");
        Process p = new ProcessBuilder(cmd)
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile())
                .start();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("Chromium did not finish within 90 s: " + cmd);
        }
        String out = Files.readString(stdout, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            fail("Chromium exited with " + p.exitValue() + ":\n" + Files.readString(stderr, StandardCharsets.UTF_8));
        }
        return out;
    }
}
