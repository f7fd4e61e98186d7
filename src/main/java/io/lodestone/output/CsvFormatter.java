package io.lodestone.output;

import io.lodestone.api.Finding;
import io.lodestone.api.Report;
import io.lodestone.api.RunReport;
import java.io.IOException;
import java.io.Writer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * For spreadsheets: a header, then one RFC 4180 row per finding. Fact ids are joined with spaces
 * (ids are free text, so a cell that needs quoting is quoted). Load errors go to stderr, not here.
 * Text from fact sets is neutralised for spreadsheets and terminals (OWASP CSV injection): a cell a
 * spreadsheet would take for a formula ({@code = + - @}, tab or carriage return first) gets a leading
 * {@code '}, and control characters other than line breaks are written as {@code \u001B}.
 */
public final class CsvFormatter implements ReportFormatter {
    static final String[] HEADER = {"factSet", "file", "ruleId", "category", "severity", "weight", "message", "facts"};
    private static final CSVFormat FORMAT =
            CSVFormat.RFC4180.builder().setHeader(HEADER).get();

    @Override
    public String name() {
        return "csv";
    }

    @Override
    public String description() {
        return "one RFC 4180 row per finding, for spreadsheets";
    }

    @Override
    public void write(RunReport run, OutputOptions options, Writer out) throws IOException {
        CSVPrinter csv = new CSVPrinter(out, FORMAT);
        for (Report report : run.reports()) {
            for (Finding f : report.findings()) {
                csv.printRecord(
                        safe(report.id()),
                        safe(report.file()),
                        safe(f.getRuleId()),
                        f.getCategory().name(),
                        f.getSeverity().label(),
                        f.getWeight() == null ? "" : f.getWeight(),
                        safe(f.getMessage()),
                        safe(String.join(" ", f.getFacts())));
            }
        }
        csv.flush();
    }

    private static final java.util.regex.Pattern NUMBER =
            java.util.regex.Pattern.compile("[+-]?\\d+(\\.\\d+)?([eE][+-]?\\d+)?");

    /** A text cell a spreadsheet shows as text and a terminal shows without obeying it. */
    static String safe(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length() + 1);
        char first = text.charAt(0);
        if ("=+-@\t\r".indexOf(first) >= 0 && !NUMBER.matcher(text).matches()) {
            sb.append('\'');
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
                sb.append(String.format("\\u%04X", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
