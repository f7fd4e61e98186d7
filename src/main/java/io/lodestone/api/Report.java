package io.lodestone.api;

import java.util.List;

/**
 * The result of evaluating one fact set: its findings in a deterministic order (category, severity
 * descending, rule id, fact ids), the alignment roll-up and counts. {@code errors} holds problems met
 * while evaluating (a rule that threw, a firing limit hit); the findings gathered before them are kept.
 *
 * @param id        the fact set's id
 * @param title     the fact set's title, or null
 * @param file      the file (or stream name) the fact set was read from
 * @param findings  every finding, in report order
 * @param alignment the alignment score, band and contributions
 * @param counts    findings per category and severity, facts and rules
 * @param errors    problems met while evaluating; empty when none
 * @param summary   the bottom line: two to four sentences derived from the findings
 * @param sources   the sources the findings cite, numbered by position (the first is number 1), in the
 *                  order the report first cites them
 * @param context   the context facts of the report (facts that frame many findings), each once with its
 *                  quote; findings cite them without repeating the quote
 */
public record Report(
        String id,
        String title,
        String file,
        List<Finding> findings,
        Alignment alignment,
        Counts counts,
        List<Diagnostic> errors,
        String summary,
        List<Source> sources,
        List<Citation> context) {
    /**
     * Copies the lists.
     *
     * @param id        the fact set's id
     * @param title     the fact set's title, or null
     * @param file      the file (or stream name) the fact set was read from
     * @param findings  every finding, in report order
     * @param alignment the alignment score, band and contributions
     * @param counts    findings per category and severity, facts and rules
     * @param errors    problems met while evaluating; empty when none
     * @param summary   the bottom line, or null
     * @param sources   the numbered sources the findings cite
     * @param context   the context facts of the report
     */
    public Report {
        findings = List.copyOf(findings);
        errors = List.copyOf(errors);
        sources = List.copyOf(sources);
        context = List.copyOf(context);
    }

    /**
     * A report without bottom line, sources or context.
     *
     * @param id        the fact set's id
     * @param title     the fact set's title, or null
     * @param file      the file (or stream name) the fact set was read from
     * @param findings  every finding, in report order
     * @param alignment the alignment score, band and contributions
     * @param counts    findings per category and severity, facts and rules
     * @param errors    problems met while evaluating; empty when none
     */
    public Report(
            String id,
            String title,
            String file,
            List<Finding> findings,
            Alignment alignment,
            Counts counts,
            List<Diagnostic> errors) {
        this(id, title, file, findings, alignment, counts, errors, null, List.of(), List.of());
    }

    /**
     * Whether a finding reaches a severity.
     *
     * @param threshold the lowest severity that counts
     * @return true when some finding is at least as severe as {@code threshold}
     */
    public boolean hasFindingAtLeast(Severity threshold) {
        return findings.stream().anyMatch(f -> f.getSeverity().atLeast(threshold));
    }
}
