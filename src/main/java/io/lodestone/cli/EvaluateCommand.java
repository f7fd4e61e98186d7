package io.lodestone.cli;

import io.lodestone.Lodestone;
import io.lodestone.api.BatchListener;
import io.lodestone.api.FactLocator;
import io.lodestone.api.RulesException;
import io.lodestone.api.RunReport;
import io.lodestone.api.Severity;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lodestone evaluate}: fact sets in, findings out. */
@Command(
        name = "evaluate",
        mixinStandardHelpOptions = true,
        description = "Evaluate fact sets (JSON or YAML files, folders searched recursively for *.json, *.yaml and "
                + "*.yml, globs, or - for standard input) with the rules.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            ExitCodes.HELP_0,
            ExitCodes.HELP_1,
            ExitCodes.HELP_2,
            ExitCodes.HELP_3,
            ExitCodes.HELP_4,
            ExitCodes.HELP_5
        })
public final class EvaluateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    RulesOptions rules;

    @Mixin
    FormatOptions output;

    @Parameters(
            paramLabel = "PATH",
            arity = "0..*",
            defaultValue = "facts",
            description =
                    "Fact-set files, folders or globs (quote globs); - reads standard input. Default: ${DEFAULT-VALUE}.")
    List<Path> paths;

    @Option(
            names = "--fail-on",
            paramLabel = "SEVERITY",
            defaultValue = "never",
            description = "Exit 1 when a finding is at or above SEVERITY: info, low, medium, high, critical, "
                    + "or never. Default: ${DEFAULT-VALUE}.")
    String failOn;

    @Option(
            names = {"-j", "--jobs"},
            paramLabel = "N",
            description = "Evaluate on N threads; output order never depends on it. Default: the number of cores.")
    Integer jobs;

    @Option(
            names = "--explain",
            description = "Show under each finding why it fired: the rule, its file and line, "
                    + "the facts each pattern matched with the fields it read, and derived facts' own traces.")
    boolean explain;

    @Override
    public Integer call() throws Exception {
        Severity threshold = parseFailOn();
        output.formatter(spec.commandLine()); // reject a bad --format before the costly compile
        output.checkDestination(); // and an -o that cannot be written
        int threads = jobs == null ? Runtime.getRuntime().availableProcessors() : jobs;
        if (threads < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--jobs must be at least 1");
        }
        RunReport run;
        FactLocator locator = FactLocator.NONE;
        try {
            rules.requireRulesFolder();
            Lodestone lodestone = rules.builder().jobs(threads).explain(explain).build();
            locator = lodestone.locator();
            boolean color = Terminal.useColor(output.noColor, System.getenv("NO_COLOR"), false, true);
            try (ProgressListener progress =
                    new ProgressListener(spec.commandLine().getErr(), color)) {
                boolean show = Terminal.showProgress(output.quiet, Terminal.stderrIsTerminal());
                run = lodestone.evaluateAll(paths, show ? progress : BatchListener.NONE);
            }
        } catch (RulesException e) {
            run = RunReport.failed(e.errors());
        }
        output.print(run, spec.commandLine(), threshold, locator);
        return ExitCodes.of(run, threshold);
    }

    private Severity parseFailOn() {
        if (failOn.equalsIgnoreCase("never") || failOn.equalsIgnoreCase("none")) {
            return null;
        }
        Severity s = Severity.parse(failOn);
        if (s == null) {
            throw new picocli.CommandLine.ParameterException(
                    spec.commandLine(),
                    "--fail-on '" + failOn + "' is not one of info, low, medium, high, critical, never");
        }
        return s;
    }
}
