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
 */
public final class CsvFormatter implements ReportFormatter {
    static final String[] HEADER = {"factSet", "file", "ruleId", "category", "severity", "weight", "message",
            "facts"};
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader(HEADER).get();

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
                csv.printRecord(report.id(), report.file(), f.getRuleId(), f.getCategory().name(),
                        f.getSeverity().label(), f.getWeight() == null ? "" : f.getWeight(), f.getMessage(),
                        String.join(" ", f.getFacts()));
            }
        }
        csv.flush();
    }
}
