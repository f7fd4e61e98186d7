package io.lodestone.cli;

import io.lodestone.Lodestone;
import io.lodestone.api.Diagnostic;
import io.lodestone.api.RulesException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lodestone schema}: the JSON Schema of fact sets for a rules folder, for editors and other tools. */
@Command(
        name = "schema",
        mixinStandardHelpOptions = true,
        description = "Write the JSON Schema (Draft 2020-12) of fact sets for the rules folder: the envelope and one "
                + "branch per declared type with its fields, enumerations, ranges and vocabularies.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:The schema was written.",
            ExitCodes.HELP_2,
            "3:A rule file has errors (all of them are listed).",
            ExitCodes.HELP_4
        })
public final class SchemaCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(
            names = "--rules",
            paramLabel = "DIR",
            defaultValue = "rules",
            description = "Folder of .drl rule files, searched recursively. Default: ${DEFAULT-VALUE}.")
    Path rulesDir;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FILE",
            description = "Write the schema to FILE instead of stdout.")
    Path output;

    @Override
    public Integer call() throws Exception {
        String schema;
        try {
            schema = Lodestone.builder(rulesDir)
                    .ruleCache(Lodestone.defaultRuleCache())
                    .build()
                    .schema();
        } catch (RulesException e) {
            PrintWriter err = spec.commandLine().getErr();
            e.errors().stream().map(Diagnostic::toCompilerString).forEach(err::println);
            err.flush();
            return ExitCodes.LOAD_ERROR;
        }
        if (output != null) {
            Files.writeString(output, schema, StandardCharsets.UTF_8);
        } else {
            PrintWriter out = spec.commandLine().getOut();
            out.print(schema);
            out.flush();
        }
        return ExitCodes.OK;
    }
}
