package io.lodestone.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lodestone completion}: prints picocli's generated completion script for every command,
 * option and option value. One script serves bash and zsh (it loads zsh's bashcompinit itself).
 */
@Command(
        name = "completion",
        mixinStandardHelpOptions = true,
        description = {
            "Print a bash/zsh completion script for lodestone.",
            "bash: source <(lodestone completion)",
            "      or save it in ~/.local/share/bash-completion/completions/",
            "zsh:  source <(lodestone completion zsh)",
            "      (the script loads bashcompinit itself)"
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:The script was printed.", ExitCodes.HELP_2})
public final class CompletionCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(
            paramLabel = "SHELL",
            arity = "0..1",
            defaultValue = "bash",
            description = "bash or zsh; both get the same script. Default: ${DEFAULT-VALUE}.")
    String shell;

    @Override
    public Integer call() {
        if (!shell.equals("bash") && !shell.equals("zsh")) {
            throw new picocli.CommandLine.ParameterException(
                    spec.commandLine(), "completion for '" + shell + "' is not available: expected bash or zsh");
        }
        String script = AutoComplete.bash(spec.root().name(), spec.root().commandLine());
        spec.commandLine().getOut().print(script);
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
