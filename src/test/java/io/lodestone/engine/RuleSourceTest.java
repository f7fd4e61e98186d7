package io.lodestone.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The indexed look-up of type declarations answers exactly as the one-regex-per-question scan did. */
class RuleSourceTest {
    private static final String DRL = String.join(
            "\n",
            "package t;", // 1
            "declare Item", // 2
            "end", // 3
            "  declare   Item // again", // 4
            "declare", // 5
            "declare Shelf extends Item", // 6
            "declare Itemised", // 7
            "declare\n    Crate", // 8-9
            "declare Café", // 10
            "declare Caf", // 11
            "xdeclare Box", // 12
            "declare Box_2", // 13
            "declare Tag$1", // 14
            "");

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Item",
                "Shelf",
                "Itemised",
                "Crate",
                "Caf",
                "Café",
                "Box",
                "Box_2",
                "Tag",
                "Tag$1",
                "declare",
                "Ite",
                "Missing"
            })
    void lineOfDeclareMatchesTheRegex(String type) {
        RuleSource source = RuleSource.of("t/a.drl", "rules/t/a.drl", DRL);
        int expected = source.lineOf(Pattern.compile("(?m)^[ \\t]*declare\\s+" + Pattern.quote(type) + "\\b"));
        assertEquals(expected, source.lineOfDeclare(type), type);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "rule \"A\"\nwhen\nthen\nend\n  rule 'B b'\nrule C\n",
                "rule\nrule foo\nrule \"bar\"\n",
                "x\r\nrule \"crlf\"\r\n\trule tab\rrule cr\u2028rule ls\u0085rule nel\n",
                "xrule no\n rulebook\nrule\n\n  \"late\"\nrule \"A\"\n",
                ""
            })
    void ruleLinesMatchAPlainRegexScan(String text) {
        Pattern header = Pattern.compile("(?m)^[ \\t]*rule\\s+(?:\"([^\"]+)\"|'([^']+)'|([^\\s\"']+))");
        Map<String, Integer> expected = new HashMap<>();
        Matcher m = header.matcher(text);
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
            int line = 1
                    + (int) text.substring(0, m.start())
                            .chars()
                            .filter(c -> c == '\n')
                            .count();
            expected.putIfAbsent(name, line);
        }
        assertEquals(expected, RuleSource.of("t/a.drl", "rules/t/a.drl", text).ruleLines());
    }

    @ParameterizedTest
    @ValueSource(strings = {"t", "u", "t.u"})
    void declaresPackageAnswersTheSameTwice(String pkg) {
        RuleSource source = RuleSource.of("t/a.drl", "rules/t/a.drl", DRL);
        boolean expected = pkg.equals("t");
        assertEquals(expected, source.declaresPackage(pkg));
        assertEquals(expected, source.declaresPackage(pkg));
    }
}
