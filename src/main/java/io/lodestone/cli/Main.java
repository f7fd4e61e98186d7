package io.lodestone.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** The process entry point: the only place that calls {@code System.exit}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code = run(args, out, err);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs a command line with the given writers and returns its exit code; tests call this in-process. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return commandLine(out, err).execute(args);
    }

    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new LodestoneCommand());
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            if (ex instanceof CommandLine.ParameterException pe) {
                err.println("lodestone: " + pe.getMessage());
                return ExitCodes.USAGE;
            }
            err.println("lodestone: internal error: " + ex);
            for (StackTraceElement e : ex.getStackTrace()) {
                if (e.getClassName().startsWith("io.lodestone")) {
                    err.println("    at " + e);
                    break;
                }
            }
            err.println("This is a bug in Lodestone; please report it with the command line and input.");
            return ExitCodes.INTERNAL;
        });
        return cl;
    }
}
