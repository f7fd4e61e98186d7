package io.lodestone.cli;

import io.lodestone.Lodestone;
import io.lodestone.api.CheckResult;
import io.lodestone.api.RulesException;
import io.lodestone.output.CheckFormatter;
import io.lodestone.output.Formatters;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lodestone check}: compile the rules and validate fact sets without evaluating, like {@code opa check}. */
@Command(
        name = "check",
        mixinStandardHelpOptions = true,
        description = "Compile the rules and validate fact sets (JSON or YAML files, folders, globs or -) without "
                + "evaluating them.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:The rules compile and every fact set is valid.",
            ExitCodes.HELP_2,
            "3:A rule file or a fact set has errors (all of them are listed).",
            ExitCodes.HELP_4
        })
public final class CheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    RulesOptions rules;

    @Parameters(
            paramLabel = "PATH",
            arity = "0..*",
            defaultValue = "facts",
            description =
                    "Fact-set files, folders or globs (quote globs); - reads standard input. Default: ${DEFAULT-VALUE}.")
    List<Path> paths;

    @Option(
            names = {"-f", "--format"},
            paramLabel = "FORMAT",
            defaultValue = "text",
            description = "text (compiler-style lines) or json. Default: ${DEFAULT-VALUE}.")
    String format;

    @Override
    public Integer call() throws Exception {
        CheckFormatter formatter = Formatters.check(format);
        if (formatter == null) {
            throw new picocli.CommandLine.ParameterException(
                    spec.commandLine(),
                    "unknown --format '" + format + "' for check (expected "
                            + String.join(" or ", Formatters.checkNames()) + ")");
        }
        CheckResult result;
        try {
            rules.requireRulesFolder();
            Lodestone lodestone = rules.builder().build();
            result = lodestone.checkAll(paths);
        } catch (RulesException e) {
            result = CheckResult.rulesFailed(e.errors());
        }
        formatter.write(result, spec.commandLine().getOut());
        return result.clean() ? ExitCodes.OK : ExitCodes.LOAD_ERROR;
    }
}
