package io.lodestone.spark;

import io.lodestone.api.Category;
import io.lodestone.api.Evidence;
import io.lodestone.api.Finding;
import io.lodestone.api.Diagnostic;
import io.lodestone.api.Report;
import io.lodestone.api.Severity;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/** Findings, reports and errors as rows of {@link Schemas}; the only place that reads the core's value types. */
final class Rows {
    private Rows() {
    }

    static Row finding(String factSet, String file, Finding f, String rulesHash) {
        List<Row> sources = new ArrayList<>();
        for (Evidence e : f.getSources()) {
            sources.add(RowFactory.create(e.fact(), e.ref(), e.quote()));
        }
        Row[] entities = f.getEntities().stream()
                .map(e -> RowFactory.create(e.id(), e.type(), e.name()))
                .toArray(Row[]::new);
        // as JsonFormatter writes a jsonl evidence entry: no source number or ref without a source,
        // no quote for a context fact (the report quotes it once)
        Row[] evidence = f.getCitations().stream()
                .map(c -> RowFactory.create(c.fact(), c.type(), c.name(), c.context() ? "context" : "carrying",
                        c.source() > 0 ? c.source() : null, c.source() > 0 ? c.sourceId() : null,
                        c.context() ? null : c.quote()))
                .toArray(Row[]::new);
        return RowFactory.create("finding", factSet, file, f.getRuleId(), f.getCategory().name(),
                f.getSeverity().label(), f.getMessage(), f.getFacts().toArray(String[]::new),
                sources.toArray(Row[]::new), f.getWeight(), entities, evidence, rulesHash);
    }

    static Row report(Report r, String file, String rulesHash) {
        return RowFactory.create(r.id(), r.title(), file, r.alignment().score(), r.alignment().band(),
                r.counts().findings(), r.counts().facts(), r.counts().rules(),
                r.counts().of(Category.ALIGNMENT), r.counts().of(Category.RISK), r.counts().of(Category.INCONSISTENCY),
                r.counts().of(Severity.CRITICAL), r.counts().of(Severity.HIGH), r.counts().of(Severity.MEDIUM),
                r.counts().of(Severity.LOW), r.counts().of(Severity.INFO), r.errors().size(), rulesHash);
    }

    static Row error(String factSet, Diagnostic e, String rulesHash) {
        return RowFactory.create("error", factSet, e.kind().label(), e.file(), e.line(), e.column(), e.path(), e.rule(),
                e.message(), rulesHash);
    }

    /** An error row for a problem the core does not describe (a bug, or a file that cannot be read). */
    static Row error(String kind, String file, String message, String rulesHash) {
        return RowFactory.create("error", null, kind, file, null, null, null, null, message, rulesHash);
    }

    /** The error with its file under {@code to} instead of {@code from} (a local copy of the rules folder). */
    static Diagnostic relocate(Diagnostic e, String from, String to) {
        String file = e.file();
        if (file == null || !file.startsWith(from)) {
            return e;
        }
        String rest = file.substring(from.length());
        String base = to.endsWith("/") ? to.substring(0, to.length() - 1) : to;
        return new Diagnostic(e.kind(), new Diagnostic.Location(rest.isEmpty() ? to : base + rest, e.line(),
                e.column(), e.path(), e.rule()), e.message());
    }

    /** The error of a record in a packed file: the record's line in that file, and the column within it. */
    static Diagnostic inPackedFile(Diagnostic e, int recordLine) {
        int line = e.line() == null ? recordLine : recordLine + e.line() - 1;
        return new Diagnostic(e.kind(), e.location().withPosition(line, e.column()), e.message());
    }
}
