package io.lodestone.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.lodestone.api.Diagnostic;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The source-reading heuristics behind located DRL errors, on DRL text alone (nothing is compiled). */
class DrlSourceHintsTest {
    /** Line numbers in the comments; columns below are 1-based. */
    private static final String DRL = String.join(
            "\n",
            "package t;", // 1
            "declare Item", // 2
            "    id : String", // 3
            "end", // 4
            "rule \"Alpha\"", // 5
            "    @id(\"A\") @category(\"RISK\") @severity(\"urgent\")", // 6
            "when", // 7
            "    $i : Item( amount > 1, nme == \"x\" )", // 8
            "then", // 9
            "    insert(new Finding(\"a\" + $i.getId(), $i))", // 10
            "    update($i);", // 11
            "end", // 12
            "");

    private static final RuleSource SOURCE = source(DRL);

    private static RuleSource source(String text) {
        return RuleSource.of("t/a.drl", "rules/t/a.drl", text);
    }

    private static int[] at(int line, int column) {
        return new int[] {line, column};
    }

    static Stream<Arguments> find() {
        return Stream.of(
                Arguments.of(Named.of("a token on the reported line", 8), "Alpha", null, "nme", at(8, 28)),
                Arguments.of(
                        Named.of("an expression, then the token in it", null),
                        "Alpha",
                        "nme == \"x\"",
                        "nme",
                        at(8, 28)),
                Arguments.of(Named.of("an expression without a token", null), "Alpha", "amount > 1", null, at(8, 16)),
                Arguments.of(
                        Named.of("not on the reported line: within the rule", 3), "Alpha", null, "Item", at(8, 10)),
                Arguments.of(Named.of("a bound variable", null), "Alpha", null, "$i", at(8, 5)),
                Arguments.of(Named.of("no rule: the whole file", null), null, null, "Item", at(2, 9)),
                Arguments.of(Named.of("only as part of a longer word", null), "Alpha", null, "amoun", null),
                Arguments.of(Named.of("nowhere", 8), "Alpha", null, "missing", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void find(Integer line, String rule, String expression, String token, int[] expected) {
        assertArrayEquals(expected, DrlSourceHints.find(SOURCE, line, rule, expression, token));
    }

    static Stream<Arguments> unterminatedString() {
        return Stream.of(
                Arguments.of("an open quote", "a\n    insert(\"oops);\nb\n", null, at(2, 12)),
                Arguments.of("an escaped quote inside a closed string", "x(\"say \\\"hi\\\"\");\n", null, null),
                Arguments.of("a quote in a line comment", "// it's \"quoted\nx();\n", null, null),
                Arguments.of("after the error line", "a\nb\nc(\"open\n", 2, null),
                Arguments.of("on the error line", "a\nc(\"open\n", 2, at(2, 3)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void unterminatedString(String name, String text, Integer errorLine, int[] expected) {
        assertArrayEquals(expected, DrlSourceHints.unterminatedString(source(text), errorLine));
    }

    static Stream<Arguments> hasThen() {
        return Stream.of(
                Arguments.of("then on its own line", "rule \"r\"\nwhen\n  X()\nthen\nend\n", true),
                Arguments.of("then with a comment", "rule \"r\"\nwhen\n  X()\nthen // go\nend\n", true),
                Arguments.of("end without then", "rule \"r\"\nwhen\n  X()\nend\n", false),
                Arguments.of(
                        "another rule's then does not count",
                        "rule \"r\"\nwhen\nend\nrule \"s\"\nwhen\nthen\nend\n",
                        false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void hasThen(String name, String text, boolean expected) {
        assertEquals(expected, DrlSourceHints.hasThen(source(text), "r"));
    }

    static Stream<Arguments> unclosedParen() {
        return Stream.of(
                Arguments.of("an open pattern", "rule \"r\"\nwhen\n  $i : Item( a > 1\nthen\n", 4, at(3, 12)),
                Arguments.of("the innermost of two", "rule \"r\"\nwhen\n  Item( a > (1 + 2\nthen\n", 4, at(3, 13)),
                Arguments.of("balanced", "rule \"r\"\nwhen\n  Item( a > (1) )\nthen\n", 4, null),
                Arguments.of("a paren inside a string", "rule \"r\"\nwhen\n  Item( n == \"(\" )\nthen\n", 4, null),
                Arguments.of("a paren in a comment", "rule \"r\"\nwhen\n  Item() // (\nthen\n", 4, null),
                Arguments.of("no error line", "rule \"r\"\nwhen\n  Item(\nthen\n", null, null),
                Arguments.of("no such rule", "rule \"s\"\nwhen\n  Item(\nthen\n", 4, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void unclosedParen(String name, String text, Integer errorLine, int[] expected) {
        assertArrayEquals(expected, DrlSourceHints.unclosedParen(source(text), "r", errorLine));
    }

    static Stream<Arguments> statementWithoutSemicolon() {
        return Stream.of(
                Arguments.of("a call without ';'", DRL, "Alpha", at(10, 46)),
                Arguments.of("every statement ends", "rule \"r\"\nwhen\nthen\n  a();\n  b(); // c\nend\n", "r", null),
                Arguments.of(
                        "a call continued on the next lines",
                        "rule \"r\"\nwhen\nthen\n  a(1,\n    2)\n    .b();\nend\n",
                        "r",
                        null),
                Arguments.of(
                        "the last line of a statement",
                        "rule \"r\"\nwhen\nthen\n  x = 1 +\n    2\nend\n",
                        "r",
                        at(5, 6)),
                Arguments.of("a block", "rule \"r\"\nwhen\nthen\n  if (x) {\n    y();\n  }\nend\n", "r", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void statementWithoutSemicolon(String name, String text, String rule, int[] expected) {
        assertArrayEquals(expected, DrlSourceHints.statementWithoutSemicolon(source(text), rule));
    }

    static Stream<Arguments> locateMetadata() {
        return Stream.of(
                Arguments.of("at the annotation it is about", "@severity must be low, medium, high or critical", 6, 32),
                Arguments.of("at a duplicated annotation", "duplicate @id on one rule", 6, 5),
                Arguments.of("at the rule keyword when nothing names an annotation", "missing @id", 5, 1),
                Arguments.of("at the rule keyword when the annotation is absent", "@weight is needed", 5, 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void locateMetadata(String name, String message, int line, int column) {
        Diagnostic e = new Diagnostic(
                Diagnostic.Kind.RULE_METADATA,
                new Diagnostic.Location("rules/t/a.drl", 5, null, null, "Alpha"),
                message);
        Diagnostic located = DrlSourceHints.locateMetadata(e, List.of(SOURCE));
        assertEquals(List.of(line, column), List.of(located.line(), located.column()));
        assertEquals(message, located.message());
    }

    @Test
    void otherErrorsAndErrorsWithAColumnAreLeftAlone() {
        Diagnostic compile = new Diagnostic(
                Diagnostic.Kind.RULE_COMPILE, new Diagnostic.Location("rules/t/a.drl", 5, null, null, "Alpha"), "x");
        assertSame(compile, DrlSourceHints.locateMetadata(compile, List.of(SOURCE)));
        Diagnostic placed = new Diagnostic(
                Diagnostic.Kind.RULE_METADATA, new Diagnostic.Location("rules/t/a.drl", 5, 3, null, "Alpha"), "@id");
        assertSame(placed, DrlSourceHints.locateMetadata(placed, List.of(SOURCE)));
        Diagnostic elsewhere = new Diagnostic(
                Diagnostic.Kind.RULE_METADATA, new Diagnostic.Location("rules/t/b.drl", 5, null, null, "Alpha"), "@id");
        assertSame(elsewhere, DrlSourceHints.locateMetadata(elsewhere, List.of(SOURCE)));
    }
}
