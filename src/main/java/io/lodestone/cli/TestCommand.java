package io.lodestone.cli;

import io.lodestone.api.Diagnostic;
import io.lodestone.api.RulesException;
import io.lodestone.api.TestRun;
import io.lodestone.output.Formatters;
import io.lodestone.output.TestRunFormatter;
import io.lodestone.verify.CaseRunner;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lodestone test}: runs the analysts' rule test cases, with optional rule coverage. */
@Command(
        name = "test",
        mixinStandardHelpOptions = true,
        description = "Run rule test cases: each NAME.expect.json beside its NAME.facts.json under the given folders.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:Every case passed (and coverage is at least --coverage-min).",
            "1:A case failed, or coverage is below --coverage-min.",
            ExitCodes.HELP_2,
            "3:A rule file, fact set or expectation could not be loaded.",
            ExitCodes.HELP_4
        })
public final class TestCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    RulesOptions rules;

    @Parameters(
            paramLabel = "DIR",
            arity = "0..*",
            defaultValue = "rules",
            description = "Folders searched for *.expect.json, or expectation files. Default: ${DEFAULT-VALUE}.")
    List<Path> paths;

    @Option(
            names = {"-f", "--format"},
            defaultValue = "text",
            paramLabel = "FORMAT",
            description = "text or json. Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(names = "--coverage", description = "Report for each rule how many cases made it fire and guard it.")
    boolean coverage;

    @Option(
            names = "--coverage-min",
            paramLabel = "PCT",
            description =
                    "Fail (exit 1) when fewer than PCT percent of the rules fire in some case. Implies --coverage.")
    Double coverageMin;

    @Override
    public Integer call() throws Exception {
        TestRunFormatter formatter = Formatters.test(format);
        if (formatter == null) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(),
                    "unknown --format '" + format + "' (expected " + String.join(" or ", Formatters.testNames()) + ")");
        }
        TestRun run;
        try {
            rules.requireRulesFolder();
            run = new CaseRunner(rules.builder().build()).run(paths);
        } catch (RulesException e) {
            PrintWriter err = spec.commandLine().getErr();
            e.errors().stream().map(Diagnostic::toCompilerString).forEach(err::println);
            run = new TestRun(null, List.of(), List.of(), Map.of(), Map.of(), e.errors());
        }
        formatter.write(run, coverage || coverageMin != null, spec.commandLine().getOut());
        if (run.hasLoadErrors()) {
            return ExitCodes.LOAD_ERROR;
        }
        if (run.failed() > 0 || (coverageMin != null && run.coveragePercent() < coverageMin)) {
            return ExitCodes.FINDINGS;
        }
        return ExitCodes.OK;
    }
}
