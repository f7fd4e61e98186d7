package io.lodestone.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The top-level command: only dispatches to subcommands. They are registered by {@link Main} (its
 * {@code SUBCOMMANDS}, in this order in the help), not here, so a run of one subcommand does not make
 * picocli reflect over all of them.
 */
@Command(
        name = "lodestone",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Evaluates JSON fact sets with analyst-owned Drools rules and reports ALIGNMENT, RISK and "
                + "INCONSISTENCY findings.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCodes.HELP_0, ExitCodes.HELP_1, ExitCodes.HELP_2, ExitCodes.HELP_3, ExitCodes.HELP_4})
public final class LodestoneCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(), "missing command: try 'lodestone evaluate' or 'lodestone --help'");
    }
}
