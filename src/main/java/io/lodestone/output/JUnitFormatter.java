package io.lodestone.output;

import io.lodestone.api.Diagnostic;
import io.lodestone.api.Finding;
import io.lodestone.api.Report;
import io.lodestone.api.RuleDescription;
import io.lodestone.api.RunReport;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * JUnit XML for CI test tabs: one testsuite per fact set with one testcase per rule, failed when the
 * rule produced a finding at or above {@code --fail-on} (never, by default); rule failures while
 * evaluating are errored testcases; inputs that could not be loaded form an errored "load errors" suite.
 * Valid against the Jenkins xunit plugin's {@code junit-10.xsd} (the schema Surefire's reports pass):
 * the fact-set file is a suite attribute and a suite property, never a testcase attribute, and
 * testcase names are unique within their suite.
 */
public final class JUnitFormatter implements ReportFormatter {
    static final String LOAD_SUITE = "lodestone load errors";

    @Override
    public String name() {
        return "junit";
    }

    @Override
    public String description() {
        return "JUnit XML: a testsuite per fact set, a testcase per rule (fails at --fail-on)";
    }

    @Override
    public void write(RunReport run, OutputOptions options, Writer out) throws IOException {
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            nl(x, 0);
            x.writeStartElement("testsuites");
            x.writeAttribute("name", "lodestone");
            List<Suite> suites = new ArrayList<>();
            for (Report r : run.reports()) {
                suites.add(suite(run, r, options));
            }
            if (!run.errors().isEmpty()) {
                suites.add(loadSuite(run.errors()));
            }
            x.writeAttribute(
                    "tests",
                    String.valueOf(suites.stream().mapToInt(s -> s.cases.size()).sum()));
            x.writeAttribute(
                    "failures",
                    String.valueOf(suites.stream().mapToInt(Suite::failures).sum()));
            x.writeAttribute(
                    "errors",
                    String.valueOf(suites.stream().mapToInt(Suite::errors).sum()));
            for (Suite s : suites) {
                writeSuite(x, s);
            }
            nl(x, 0);
            x.writeEndElement();
            nl(x, 0);
            x.writeEndDocument();
            x.flush();
            out.flush();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write JUnit XML: " + e.getMessage(), e);
        }
    }

    private record Case(
            String classname,
            String name,
            String outcome,
            String message,
            String type,
            String body,
            String systemOut) {}

    private record Suite(String name, String file, List<Case> cases) {
        Suite {
            cases = uniqueNames(cases);
        }

        int failures() {
            return (int) cases.stream().filter(c -> "failure".equals(c.outcome)).count();
        }

        int errors() {
            return (int) cases.stream().filter(c -> "error".equals(c.outcome)).count();
        }
    }

    private static Suite suite(RunReport run, Report report, OutputOptions options) {
        List<Case> cases = new ArrayList<>();
        java.util.Map<String, RuleDescription> rules = ReadableText.rulesById(run);
        for (String ruleId : ruleIds(run, report)) {
            List<Finding> findings = report.findings().stream()
                    .filter(f -> f.getRuleId().equals(ruleId))
                    .toList();
            List<Finding> failing = findings.stream()
                    .filter(f -> options.fails(f.getSeverity()))
                    .toList();
            // the rule's description heads its output, so a CI test tab says what the rule checks
            RuleDescription rule = rules.get(ruleId);
            String about = rule == null || rule.description() == null ? "" : "Rule: " + rule.description() + "\n";
            String listing = listing(findings);
            if (failing.isEmpty()) {
                cases.add(new Case(
                        report.id(),
                        ruleId,
                        "passed",
                        null,
                        null,
                        null,
                        about.isEmpty() && listing == null ? null : about + (listing == null ? "" : listing)));
            } else {
                cases.add(new Case(
                        report.id(),
                        ruleId,
                        "failure",
                        failing.size() + " finding(s) at or above "
                                + options.failOn().label(),
                        failing.get(0).getSeverity().label(),
                        about + listing(failing),
                        null));
            }
        }
        for (Diagnostic e : report.errors()) {
            cases.add(new Case(
                    report.id(),
                    "evaluation: " + (e.rule() == null ? e.kind() : e.rule()),
                    "error",
                    e.message(),
                    e.kind().label(),
                    e.toCompilerString(),
                    null));
        }
        return new Suite(report.id(), report.file(), cases);
    }

    /** Every finding rule of the run's rule set; without descriptions, the rules that produced findings. */
    private static Set<String> ruleIds(RunReport run, Report report) {
        Set<String> ids = new LinkedHashSet<>();
        for (RuleDescription r : run.rules()) {
            if (!r.isDerivation()) {
                ids.add(r.id());
            }
        }
        report.findings().forEach(f -> ids.add(f.getRuleId()));
        return ids;
    }

    private static Suite loadSuite(List<Diagnostic> errors) {
        List<Case> cases = new ArrayList<>();
        for (Diagnostic e : errors) {
            cases.add(new Case(
                    "lodestone.load", where(e), "error", e.message(), e.kind().label(), e.toCompilerString(), null));
        }
        return new Suite(LOAD_SUITE, null, cases);
    }

    /** file:line:col of a load error: two errors in one file get different names. */
    private static String where(Diagnostic e) {
        String file = e.file() == null ? "<input>" : e.file();
        return e.line() == null ? file : file + ":" + e.line() + (e.column() == null ? "" : ":" + e.column());
    }

    /** Test-report importers key results by classname and name; a repeated name gets " (2)", " (3)", … */
    private static List<Case> uniqueNames(List<Case> cases) {
        Set<String> seen = new java.util.HashSet<>();
        List<Case> unique = new ArrayList<>();
        for (Case c : cases) {
            String name = c.name;
            for (int n = 2; !seen.add(c.classname + "\u0000" + name); n++) {
                name = c.name + " (" + n + ")";
            }
            unique.add(
                    name.equals(c.name)
                            ? c
                            : new Case(c.classname, name, c.outcome, c.message, c.type, c.body, c.systemOut));
        }
        return List.copyOf(unique);
    }

    private static String listing(List<Finding> findings) {
        if (findings.isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (Finding f : findings) {
            sb.append('[')
                    .append(f.getSeverity().label())
                    .append("] ")
                    .append(f.getMessage())
                    .append(" (facts: ")
                    .append(String.join(", ", f.getFacts()))
                    .append(")\n");
        }
        return sb.toString();
    }

    private static void writeSuite(XMLStreamWriter x, Suite s) throws XMLStreamException {
        nl(x, 1);
        x.writeStartElement("testsuite");
        x.writeAttribute("name", xml(s.name));
        x.writeAttribute("tests", String.valueOf(s.cases.size()));
        x.writeAttribute("failures", String.valueOf(s.failures()));
        x.writeAttribute("errors", String.valueOf(s.errors()));
        x.writeAttribute("skipped", "0");
        if (s.file != null) {
            x.writeAttribute("file", xml(s.file));
            nl(x, 2);
            x.writeStartElement("properties");
            nl(x, 3);
            x.writeEmptyElement("property");
            x.writeAttribute("name", "file");
            x.writeAttribute("value", xml(s.file));
            nl(x, 2);
            x.writeEndElement();
        }
        for (Case c : s.cases) {
            nl(x, 2);
            x.writeStartElement("testcase");
            x.writeAttribute("classname", xml(c.classname));
            x.writeAttribute("name", xml(c.name));
            if (!c.outcome.equals("passed")) {
                nl(x, 3);
                x.writeStartElement(c.outcome);
                x.writeAttribute("message", xml(c.message));
                x.writeAttribute("type", xml(c.type));
                x.writeCharacters(xml(c.body));
                x.writeEndElement();
            }
            if (c.systemOut != null) {
                nl(x, 3);
                x.writeStartElement("system-out");
                x.writeCharacters(xml(c.systemOut));
                x.writeEndElement();
            }
            if (!c.outcome.equals("passed") || c.systemOut != null) {
                nl(x, 2);
            }
            x.writeEndElement();
        }
        nl(x, 1);
        x.writeEndElement();
    }

    private static void nl(XMLStreamWriter x, int depth) throws XMLStreamException {
        x.writeCharacters("\n" + "  ".repeat(depth));
    }

    /** XML 1.0 cannot carry most control characters at all, even escaped: replace them. */
    static String xml(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            boolean allowed = c == 0x9
                    || c == 0xA
                    || c == 0xD
                    || (c >= 0x20 && c <= 0xD7FF)
                    || (c >= 0xE000 && c <= 0xFFFD)
                    || c >= 0x10000;
            sb.appendCodePoint(allowed ? c : 0xFFFD);
        });
        return sb.toString();
    }
}
