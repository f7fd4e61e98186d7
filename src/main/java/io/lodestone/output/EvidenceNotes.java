package io.lodestone.output;

import io.lodestone.api.Citation;
import io.lodestone.api.Finding;
import io.lodestone.api.Report;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The evidence lines of a report for the formats people read, walked in the order a format shows the
 * findings: each quote appears once per report (context quotes in the Context list first, then each
 * carrying quote under the first finding shown that cites it), later citations point back to it.
 */
final class EvidenceNotes {
    /** What an evidence line says after the fact's label and source number. */
    enum Kind {
        /** {@code text} is the quote. */
        QUOTE,
        /** the quote was shown earlier in the report. */
        QUOTED_ABOVE,
        /** a context fact; {@code text} is its context number ("C1"). */
        CONTEXT,
        /** the fact has a source but no quote; the source itself is the evidence. */
        SOURCE,
        /** the fact cites no source (or the rule cited something that is not a fact of the set). */
        NO_SOURCE
    }

    /** One line of evidence: one fact, or several unquoted facts of one type from one source. */
    record Note(String label, int source, Kind kind, String text) {}

    private EvidenceNotes() {}

    /** The context number of each context fact ("C1", …), in the report's order. */
    static Map<String, String> contextNumbers(Report report) {
        Map<String, String> out = new HashMap<>();
        for (Citation c : report.context()) {
            out.putIfAbsent(c.fact(), "C" + (out.size() + 1));
        }
        return out;
    }

    /**
     * The evidence notes of each finding, for findings shown in the given order.
     *
     * @param report the report
     * @param shown  its findings in the order the format shows them
     * @return notes per finding (identity map)
     */
    static IdentityHashMap<Finding, List<Note>> of(Report report, List<Finding> shown) {
        Map<String, String> context = contextNumbers(report);
        Set<String> quoted = new HashSet<>();
        report.context().forEach(c -> {
            if (c.quote() != null) {
                quoted.add(c.quote());
            }
        });
        IdentityHashMap<Finding, List<Note>> out = new IdentityHashMap<>();
        for (Finding f : shown) {
            List<Note> notes = new ArrayList<>();
            for (List<Citation> group : ReadableText.groups(f.getCitations())) {
                Citation c = group.get(0);
                String label = ReadableText.label(group);
                if (c.context() && context.containsKey(c.fact())) {
                    notes.add(new Note(label, c.source(), Kind.CONTEXT, context.get(c.fact())));
                } else if (c.quote() != null) {
                    notes.add(
                            quoted.add(c.quote())
                                    ? new Note(label, c.source(), Kind.QUOTE, c.quote())
                                    : new Note(label, c.source(), Kind.QUOTED_ABOVE, null));
                } else if (c.source() > 0) {
                    notes.add(new Note(
                            label,
                            c.source(),
                            Kind.SOURCE,
                            ReadableText.source(report.sources().get(c.source() - 1))));
                } else {
                    notes.add(new Note(label, 0, Kind.NO_SOURCE, null));
                }
            }
            out.put(f, notes);
        }
        return out;
    }

    /** The plain-text ending of a note, after its label and source mark. */
    static String plain(Note n) {
        return switch (n.kind()) {
            case QUOTE -> ": \u201c" + n.text() + "\u201d";
            case QUOTED_ABOVE -> ": quoted above";
            case CONTEXT -> ": context " + n.text();
            case SOURCE -> ", from " + n.text();
            case NO_SOURCE -> ": no source given";
        };
    }
}
