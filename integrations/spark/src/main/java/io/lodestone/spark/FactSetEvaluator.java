package io.lodestone.spark;

import io.lodestone.api.FactSetException;
import io.lodestone.api.Finding;
import io.lodestone.api.Diagnostic;
import io.lodestone.api.Report;
import io.lodestone.api.RulesException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Evaluates a partition of inputs ({@link Schemas#INPUT}) with the executor's shared evaluator, one outcome
 * row per input, lazily. A file that cannot be loaded becomes error rows; the others are evaluated.
 */
final class FactSetEvaluator implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    /** Error kind for a failure on one input that the core does not classify (a bug); the batch still runs. */
    static final String INTERNAL = Diagnostic.Kind.INTERNAL.label();

    private final RuleSet rules;
    private final String localBase;

    /**
     * @param rules     the rule set shipped with the job
     * @param localBase a {@code file:} URI prefix (the driver's working folder) cut from local paths, so that
     *                  files are named as the CLI names them when given relative paths; null to keep URIs
     */
    FactSetEvaluator(RuleSet rules, String localBase) {
        this.rules = rules;
        this.localBase = localBase;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> inputs) throws RulesException {
        Evaluators.Compiled compiled = Evaluators.get(rules);
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return inputs.hasNext();
            }

            @Override
            public Row next() {
                return evaluate(compiled, inputs.next());
            }
        };
    }

    Row evaluate(Evaluators.Compiled compiled, Row input) {
        String hash = compiled.lodestone().rulesHash();
        String name = displayName(input.getString(input.fieldIndex("path")));
        Integer recordLine = lineOf(input);
        List<Row> findings = new ArrayList<>();
        List<Row> errors = new ArrayList<>();
        Row report = null;
        String readErrorKind = optionalString(input, "readErrorKind");
        if (readErrorKind != null) {
            errors.add(Rows.error(readErrorKind, name, optionalString(input, "readError"), hash));
            return RowFactory.create(null, new Row[0], errors.toArray(Row[]::new));
        }
        try {
            Report r = compiled.lodestone().evaluate(new ByteArrayInputStream(content(input)), name);
            String file = recordLine == null ? r.file() : name + ":" + recordLine;
            for (Finding f : r.findings()) {
                findings.add(Rows.finding(r.id(), file, f, hash));
            }
            for (Diagnostic e : r.errors()) {
                errors.add(Rows.error(r.id(), Rows.relocate(e, compiled.dir().toString(), rules.displayDir()), hash));
            }
            report = Rows.report(r, file, hash);
        } catch (FactSetException e) {
            for (Diagnostic err : e.errors()) {
                errors.add(Rows.error(null, recordLine == null ? err : Rows.inPackedFile(err, recordLine), hash));
            }
        } catch (RuntimeException e) {
            // one input must not fail the task (Spark would retry, then stop the job): it is an error row
            errors.add(Rows.error(INTERNAL, recordLine == null ? name : name + ":" + recordLine,
                    "internal error: " + e, hash));
        }
        return RowFactory.create(report, findings.toArray(Row[]::new), errors.toArray(Row[]::new));
    }

    String displayName(String path) {
        String p = path.startsWith("file:///") ? "file:/" + path.substring("file:///".length()) : path;
        return localBase != null && p.startsWith(localBase) ? p.substring(localBase.length()) : path;
    }

    private static Integer lineOf(Row input) {
        int i = java.util.Arrays.asList(input.schema().fieldNames()).indexOf("line");
        return i < 0 || input.isNullAt(i) ? null : input.getInt(i);
    }

    private static String optionalString(Row input, String column) {
        int i = java.util.Arrays.asList(input.schema().fieldNames()).indexOf(column);
        return i < 0 || input.isNullAt(i) ? null : input.getString(i);
    }

    private static byte[] content(Row input) {
        Object value = input.get(input.fieldIndex("content"));
        return value instanceof byte[] bytes ? bytes : String.valueOf(value).getBytes(StandardCharsets.UTF_8);
    }
}
