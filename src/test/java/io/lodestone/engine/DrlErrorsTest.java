package io.lodestone.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lodestone.api.Diagnostic;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.kie.api.io.Resource;
import org.kie.internal.builder.InternalMessage;
import org.kie.internal.builder.KnowledgeBuilderError;
import org.kie.internal.builder.ResultSeverity;
import org.kie.internal.io.ResourceFactory;

/**
 * How the Drools compiler's raw messages become located errors. The messages are hand-made in the
 * shapes Drools writes them, so nothing is compiled; the bad-input corpus (BadInputCorpusIT) checks
 * the same translation against the real compiler.
 */
class DrlErrorsTest {
    private static final String DRL = String.join(
            "\n",
            "package t;", // 1
            "import io.lodestone.api.Finding;", // 2
            "rule \"Beta\"", // 3
            "    @id(\"B\") @category(\"RISK\") @severity(\"low\")", // 4
            "when", // 5
            "    $d : Dael( amountUsd > 5, status = \"signed\" )", // 6
            "then", // 7
            "    insert(new Finding(\"b\", $d))", // 8
            "    $d.sett();", // 9
            "end", // 10
            "");
    private static final List<RuleSource> SOURCES = List.of(RuleSource.of("t/a.drl", "rules/t/a.drl", DRL));

    /** A compiler error as Drools hands it over: a message, maybe a line, the resource it is about. */
    private static final class RawError implements KnowledgeBuilderError {
        private final String message;
        private final int[] lines;

        RawError(String message, int[] lines) {
            this.message = message;
            this.lines = lines.clone();
        }

        @Override
        public String toString() {
            return message;
        }

        @Override
        public ResultSeverity getSeverity() {
            return ResultSeverity.ERROR;
        }

        @Override
        public String getMessage() {
            return message;
        }

        @Override
        public int[] getLines() {
            return lines.clone();
        }

        @Override
        public Resource getResource() {
            return ResourceFactory.newByteArrayResource(DRL.getBytes(StandardCharsets.UTF_8))
                    .setSourcePath("t/a.drl");
        }

        @Override
        public InternalMessage asMessage(long id) {
            throw new UnsupportedOperationException();
        }
    }

    private static RawError raw(String message, int... lines) {
        return new RawError(message, lines);
    }

    static Stream<Arguments> oneError() {
        return Stream.of(
                Arguments.of(
                        "an unknown fact type, at the type",
                        raw("Unable to resolve ObjectType 'Dael' : [Rule name='Beta']", 6),
                        Diagnostic.Kind.RULE_COMPILE,
                        6,
                        10,
                        "Dael"),
                Arguments.of(
                        "a single '=' in a constraint",
                        raw("[ERR 102] Line 6:37 mismatched input '=' in rule \"Beta\""),
                        Diagnostic.Kind.RULE_SYNTAX,
                        6,
                        38,
                        "=="),
                Arguments.of(
                        "an unknown field, at the field in the expression",
                        raw(
                                "Unable to Analyse Expression amountUsd > 5:\n[Error: unable to resolve method using "
                                        + "strict-mode: t.Dael.amountUsd()]\n[Near : {... amountUsd > 5 ....}] in rule \"Beta\"",
                                6),
                        Diagnostic.Kind.RULE_COMPILE,
                        6,
                        16,
                        "amountUsd"),
                Arguments.of(
                        "an undefined method in a consequence",
                        raw(
                                "Rule Compilation error The method sett() is undefined for the type Dael in rule 'Beta'",
                                3),
                        Diagnostic.Kind.RULE_COMPILE,
                        9,
                        8,
                        "sett"),
                Arguments.of(
                        "a missing ';', at the end of the statement",
                        raw(
                                "Rule Compilation error Syntax error, insert \";\" to complete BlockStatements "
                                        + "in rule \"Beta\"",
                                3),
                        Diagnostic.Kind.RULE_COMPILE,
                        8,
                        33,
                        "';'"),
                Arguments.of(
                        "the file ending inside a rule",
                        raw("[ERR 102] Line 11:0 mismatched input '<eof>' in rule \"Beta\""),
                        Diagnostic.Kind.RULE_SYNTAX,
                        11,
                        1,
                        "missing 'end'"),
                Arguments.of(
                        "an unknown import, at the class name",
                        raw("Error importing : 'io.lodestone.api.Finding'"),
                        Diagnostic.Kind.RULE_COMPILE,
                        2,
                        8,
                        "io.lodestone.api.Finding"),
                Arguments.of(
                        "a duplicate rule name",
                        raw("Duplicate rule name: Beta", 3),
                        Diagnostic.Kind.RULE_COMPILE,
                        3,
                        null,
                        "\"Beta\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void oneError(String name, RawError error, Diagnostic.Kind kind, Integer line, Integer column, String mentions) {
        List<Diagnostic> errors = DrlErrors.translate(List.of(error), SOURCES);
        assertEquals(1, errors.size(), errors.toString());
        Diagnostic e = errors.get(0);
        assertEquals(kind, e.kind());
        assertEquals("rules/t/a.drl", e.file());
        assertEquals(line, e.line(), e.toString());
        assertEquals(column, e.column(), e.toString());
        assertTrue(e.message().contains(mentions), e.message());
    }

    @Test
    void anUnterminatedStringIsReportedWhereItOpens() {
        String text = "package t;\nrule \"Gamma\"\nwhen\n    $x : Item( name == \"open )\nend\n";
        List<RuleSource> sources = List.of(RuleSource.of("t/a.drl", "rules/t/a.drl", text));
        List<Diagnostic> errors = DrlErrors.translate(
                List.of(raw("[ERR 101] Line 5:0 no viable alternative at input 'end' in rule \"Gamma\"")), sources);
        assertEquals(1, errors.size(), errors.toString());
        assertEquals(List.of(4, 24), List.of(errors.get(0).line(), errors.get(0).column()));
        assertTrue(
                errors.get(0).message().contains("unterminated string"),
                errors.get(0).message());
    }

    @Test
    void anUnclosedParenIsReportedWhereItOpens() {
        String text = "package t;\nrule \"Gamma\"\nwhen\n    $x : Item( a > 1\nthen\nend\n";
        List<RuleSource> sources = List.of(RuleSource.of("t/a.drl", "rules/t/a.drl", text));
        List<Diagnostic> errors = DrlErrors.translate(
                List.of(raw("[ERR 102] Line 5:0 mismatched input 'then' in rule \"Gamma\"")), sources);
        assertEquals(1, errors.size(), errors.toString());
        assertEquals(List.of(4, 14), List.of(errors.get(0).line(), errors.get(0).column()));
        assertEquals(Diagnostic.Kind.RULE_SYNTAX, errors.get(0).kind());
    }

    @Test
    void aMissingThenIsNamedAsSuch() {
        String text = "package t;\nrule \"Delta\"\nwhen\n    Item()\nend\n";
        List<RuleSource> sources = List.of(RuleSource.of("t/a.drl", "rules/t/a.drl", text));
        List<Diagnostic> errors = DrlErrors.translate(
                List.of(raw("[ERR 102] Line 5:0 mismatched input 'end' in rule \"Delta\"")), sources);
        assertEquals(1, errors.size(), errors.toString());
        assertEquals(List.of(5, 1), List.of(errors.get(0).line(), errors.get(0).column()));
        assertTrue(errors.get(0).message().contains("then"), errors.get(0).message());
    }

    @Test
    void followOnErrorsAreDropped() {
        List<Diagnostic> errors = DrlErrors.translate(
                List.of(
                        raw("[ERR 102] Line 6:37 mismatched input '=' in rule \"Beta\""),
                        raw("Parser returned a null Package"),
                        raw("Unexpected exception raised while parsing: unexpected exception", 6),
                        raw("[ERR 102] Line 6:37 mismatched input '=' in rule \"Beta\"")),
                SOURCES);
        assertEquals(1, errors.size(), "one mistake, one error: " + errors);
        assertEquals(Diagnostic.Kind.RULE_SYNTAX, errors.get(0).kind());
    }

    @Test
    void aSummaryOfAMoreSpecificErrorOnTheSameLineIsDropped() {
        List<Diagnostic> errors = DrlErrors.translate(
                List.of(
                        raw(
                                "Unable to Analyse Expression amountUsd > 5:\n[Error: unable to resolve method using "
                                        + "strict-mode: t.Dael.amountUsd()] in rule \"Beta\"",
                                6),
                        raw("Unable to analyze expression 'amountUsd > 5' in rule \"Beta\"", 6),
                        raw("Unable to resolve ObjectType 'Dael' in rule \"Beta\"", 6)),
                SOURCES);
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).message().contains("amountUsd"), errors.get(0).message());
    }

    @Test
    void anErrorInAFileNotBeingCompiledKeepsItsPathAndLine() {
        List<Diagnostic> errors =
                DrlErrors.translate(List.of(raw("Unable to resolve ObjectType 'Dael'", 4)), List.of());
        assertEquals(1, errors.size());
        assertEquals("t/a.drl", errors.get(0).file());
        assertEquals(4, errors.get(0).line());
    }
}
