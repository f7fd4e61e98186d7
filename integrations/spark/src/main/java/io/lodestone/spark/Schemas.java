package io.lodestone.spark;

import static org.apache.spark.sql.types.DataTypes.BinaryType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;
import static org.apache.spark.sql.types.DataTypes.createStructField;
import static org.apache.spark.sql.types.DataTypes.createStructType;

import java.util.List;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** The tables' columns (docs/spark.md). Finding and error columns are the {@code --format jsonl} fields, in order. */
public final class Schemas {
    private Schemas() {
    }

    /**
     * A fact-set input: {@code path}, {@code content}, for a record of a packed file its 1-based {@code line},
     * and when the file could not be read the error's {@code readErrorKind} and {@code readError}.
     */
    public static final StructType INPUT = createStructType(List.of(
            field("path", StringType, false),
            field("content", BinaryType, true),
            field("line", IntegerType, true),
            field("readErrorKind", StringType, true),
            field("readError", StringType, true)));

    /** A finding's source: the fact, the source it cites and the quote, when the fact gives one. */
    public static final StructType SOURCE = createStructType(List.of(
            field("fact", StringType, true),
            field("ref", StringType, true),
            field("quote", StringType, true)));

    /** A fact a finding's message names, in message order: its id, type and rendered name. */
    public static final StructType ENTITY = createStructType(List.of(
            field("id", StringType, true), field("type", StringType, true), field("name", StringType, true)));

    /**
     * A cited fact as the report places it: carrying or context, the number of its source in the report's
     * Sources list and that source's id (absent when it has none), and the quote (absent for context facts).
     */
    public static final StructType EVIDENCE = createStructType(List.of(
            field("fact", StringType, true),
            field("type", StringType, true),
            field("name", StringType, true),
            field("role", StringType, true),
            field("source", IntegerType, true),
            field("ref", StringType, true),
            field("quote", StringType, true)));

    /** One row per finding: the fields of a {@code --format jsonl} finding line, then the rules hash. */
    public static final StructType FINDING = createStructType(List.of(
            field("type", StringType, false),
            field("factSet", StringType, true),
            field("file", StringType, true),
            field("ruleId", StringType, false),
            field("category", StringType, false),
            field("severity", StringType, false),
            field("message", StringType, true),
            field("facts", createArrayType(StringType, true), false),
            field("sources", createArrayType(SOURCE, true), false),
            field("weight", DoubleType, true),
            field("entities", createArrayType(ENTITY, true), false),
            field("evidence", createArrayType(EVIDENCE, true), false),
            field("rulesHash", StringType, false)));

    /** One row per load or rule error: the fields of a {@code --format jsonl} error line, then the rules hash. */
    public static final StructType ERROR = createStructType(List.of(
            field("type", StringType, false),
            field("factSet", StringType, true),
            field("kind", StringType, false),
            field("file", StringType, true),
            field("line", IntegerType, true),
            field("column", IntegerType, true),
            field("path", StringType, true),
            field("rule", StringType, true),
            field("message", StringType, false),
            field("rulesHash", StringType, false)));

    /** One row per evaluated fact set: alignment, counts by category and severity, errors while evaluating. */
    public static final StructType REPORT = createStructType(List.of(
            field("factSet", StringType, true),
            field("title", StringType, true),
            field("file", StringType, true),
            field("alignmentScore", DoubleType, false),
            field("alignmentBand", StringType, true),
            field("findings", IntegerType, false),
            field("facts", IntegerType, false),
            field("rules", IntegerType, false),
            field("alignment", IntegerType, false),
            field("risk", IntegerType, false),
            field("inconsistency", IntegerType, false),
            field("critical", IntegerType, false),
            field("high", IntegerType, false),
            field("medium", IntegerType, false),
            field("low", IntegerType, false),
            field("info", IntegerType, false),
            field("errors", IntegerType, false),
            field("rulesHash", StringType, false)));

    /** What evaluating one input gives; kept (persisted) once and split into the three tables. */
    static final StructType OUTCOME = createStructType(List.of(
            field("report", REPORT, true),
            field("findings", createArrayType(FINDING, false), false),
            field("errors", createArrayType(ERROR, false), false)));

    private static StructField field(String name, org.apache.spark.sql.types.DataType type, boolean nullable) {
        return createStructField(name, type, nullable);
    }
}
