package io.lodestone.cli;

import io.lodestone.api.Diagnostic;
import io.lodestone.api.FactLocator;
import io.lodestone.api.RunReport;
import io.lodestone.api.Severity;
import io.lodestone.output.Formatters;
import io.lodestone.output.OutputOptions;
import io.lodestone.output.ReportFormatter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** Options shared by commands that print a run: format, destination, colour, quiet. */
public final class FormatOptions {
    @Option(
            names = {"-f", "--format"},
            paramLabel = "FORMAT",
            defaultValue = "text",
            completionCandidates = FormatNames.class,
            description = "Output format: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FILE",
            description = "Write the report to FILE instead of standard output.")
    Path output;

    @Option(names = "--no-color", description = "Never colour text output (also when NO_COLOR is set).")
    boolean noColor;

    @Option(
            names = {"-q", "--quiet"},
            description = "Print no report; only errors (on stderr) and the exit code.")
    boolean quiet;

    static final class FormatNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return Formatters.names().iterator();
        }
    }

    ReportFormatter formatter(CommandLine cl) {
        ReportFormatter f = Formatters.get(format);
        if (f == null) {
            throw new CommandLine.ParameterException(
                    cl,
                    "unknown --format '" + format + "' (expected one of " + String.join(", ", Formatters.names())
                            + ")");
        }
        return f;
    }

    /**
     * Prints the run with the chosen format. Load errors also go to stderr in compiler form unless the
     * report itself is text on stdout, where they are already shown.
     */
    void print(RunReport run, CommandLine cl) throws IOException {
        print(run, cl, null, FactLocator.NONE);
    }

    /**
     * As {@link #print(RunReport, CommandLine)}, for formats that mark findings at or above {@code failOn}
     * and point into fact-set files through {@code locator}.
     */
    void print(RunReport run, CommandLine cl, Severity failOn, FactLocator locator) throws IOException {
        ReportFormatter formatter = formatter(cl);
        PrintWriter err = cl.getErr();
        boolean errorsShownInReport =
                !quiet && output == null && formatter.name().equals("text");
        if (!errorsShownInReport) {
            for (Diagnostic e : run.errors()) {
                err.println(e.toCompilerString());
            }
            run.reports().forEach(r -> r.errors().forEach(e -> err.println(e.toCompilerString())));
            run.warnings().forEach(w -> err.println(w.toCompilerString("warning")));
            err.flush();
        }
        if (quiet) {
            return;
        }
        if (output != null) {
            ReportFile.write(
                    output,
                    w -> formatter.write(
                            run, new OutputOptions(false, failOn, locator), new java.io.BufferedWriter(w)));
            return;
        }
        boolean terminal = Terminal.stdoutIsTerminal();
        boolean color = Terminal.useColor(noColor, System.getenv("NO_COLOR"), false, terminal);
        PrintWriter out = cl.getOut();
        Writer escaped = new LoneSurrogateEscaper(out);
        formatter.write(
                run,
                new OutputOptions(color, failOn, locator, Terminal.width(terminal, System.getenv("COLUMNS"))),
                escaped);
        escaped.flush();
        if (out.checkError()) {
            throw new OutputException("cannot write the report to standard output"
                    + Main.stdoutFailure().map(r -> ": " + r).orElse(""));
        }
    }

    /** Refuses a destination that cannot be written before any work is done (exit 5). */
    void checkDestination() {
        if (output != null && !quiet) {
            String problem = ReportFile.problem(output);
            if (problem != null) {
                throw new OutputException("cannot write the report to " + output + ": " + problem);
            }
        }
    }
}
