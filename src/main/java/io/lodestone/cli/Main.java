package io.lodestone.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;

/** The process entry point: the only place that calls {@code System.exit}. */
public final class Main {
    /** Prints the stack trace of an internal error; accepted anywhere on the command line. */
    static final String DEBUG = "--debug";

    /** Subcommand names in the order the help lists them; {@link #subcommand} makes each. */
    static final List<String> SUBCOMMANDS =
            List.of("evaluate", "check", "test", "schema", "serve", "bench-http", "completion", "help");

    /** The first failure writing the process's standard output, as the OS reported it. */
    private static volatile String stdoutFailure;

    private Main() {}

    public static void main(String[] args) {
        // PrintStream hides write errors; a checking stream underneath lets the exit code tell the truth
        PrintWriter out = new PrintWriter(
                new java.io.OutputStreamWriter(
                        new java.io.FileOutputStream(java.io.FileDescriptor.out) {
                            @Override
                            public void write(byte[] b, int off, int len) throws IOException {
                                try {
                                    super.write(b, off, len);
                                } catch (IOException e) {
                                    failed(e);
                                    throw e;
                                }
                            }
                        },
                        StandardCharsets.UTF_8),
                true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code = run(args, out, err);
        out.flush();
        if (out.checkError() && code != ExitCodes.OUTPUT && !brokenPipe()) {
            err.println("lodestone: cannot write to standard output"
                    + stdoutFailure().map(r -> ": " + r).orElse(""));
            code = ExitCodes.OUTPUT;
        }
        err.flush();
        System.exit(code);
    }

    private static void failed(IOException e) {
        if (stdoutFailure == null) {
            stdoutFailure = e.getMessage() == null ? e.toString() : e.getMessage();
        }
    }

    /** A reader that stopped reading ({@code | head}) is not a failure, as for other command-line tools. */
    private static boolean brokenPipe() {
        return stdoutFailure != null
                && stdoutFailure.toLowerCase(java.util.Locale.ROOT).contains("broken pipe");
    }

    /** Why writing standard output failed, if it did. */
    static Optional<String> stdoutFailure() {
        return Optional.ofNullable(stdoutFailure);
    }

    /**
     * Runs a command line with the given writers and returns its exit code; tests call this in-process.
     * Nothing escapes: an uncaught {@link Error} (out of memory, stack overflow) is exit 4 with one line,
     * and a stack trace only with {@code --debug}.
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        boolean debug = Arrays.asList(args).contains(DEBUG);
        String[] rest = Arrays.stream(args).filter(a -> !a.equals(DEBUG)).toArray(String[]::new);
        try {
            return commandLine(out, err, debug, rest).execute(rest);
        } catch (Throwable t) { // picocli rethrows Errors; they must not become exit 1 with a raw trace
            return internal(t, err, debug);
        }
    }

    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return commandLine(out, err, false);
    }

    static CommandLine commandLine(PrintWriter out, PrintWriter err, boolean debug) {
        return commandLine(out, err, debug, new String[0]);
    }

    /**
     * The command line for {@code args}: when the first argument names a subcommand that does not look at
     * its siblings (not {@code help} or {@code completion}), only that one is registered, since picocli
     * builds its model by reflection over every registered command class (a tenth of a cached start).
     * Anything else (top-level options, a typo that needs "did you mean") gets all of them.
     */
    static CommandLine commandLine(PrintWriter out, PrintWriter err, boolean debug, String[] args) {
        String only = args.length > 0
                        && SUBCOMMANDS.contains(args[0])
                        && !args[0].equals("help")
                        && !args[0].equals("completion")
                ? args[0]
                : null;
        CommandLine cl = new CommandLine(new LodestoneCommand());
        for (String name : SUBCOMMANDS) {
            if (only == null || only.equals(name)) {
                cl.addSubcommand(name, subcommand(name));
            }
        }
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            if (ex instanceof CommandLine.ParameterException pe) {
                err.println("lodestone: " + pe.getMessage());
                return ExitCodes.USAGE;
            }
            if (ex instanceof OutputException oe) {
                err.println("lodestone: " + oe.getMessage());
                return ExitCodes.OUTPUT;
            }
            return internal(ex, err, debug);
        });
        return cl;
    }

    /** A new instance of the named subcommand; a switch, so only the one asked for is loaded. */
    private static Object subcommand(String name) {
        return switch (name) {
            case "evaluate" -> new EvaluateCommand();
            case "check" -> new CheckCommand();
            case "test" -> new TestCommand();
            case "schema" -> new SchemaCommand();
            case "serve" -> new ServeCommand();
            case "bench-http" -> new BenchHttpCommand();
            case "completion" -> new CompletionCommand();
            case "help" -> new CommandLine.HelpCommand();
            default -> throw new IllegalArgumentException("no subcommand " + name);
        };
    }

    static int internal(Throwable t, PrintWriter err, boolean debug) {
        // an Error here is not a finding: exit 1 would make a CI gate read a crash as a policy failure
        boolean jvm = t instanceof VirtualMachineError;
        err.println("lodestone: " + (jvm ? "the JVM failed: " : "internal error: ") + oneLine(t));
        if (debug) {
            t.printStackTrace(err);
        } else {
            for (StackTraceElement e : t.getStackTrace()) {
                if (e.getClassName().startsWith("io.lodestone")) {
                    err.println("    at " + e);
                    break;
                }
            }
        }
        err.println(
                jvm
                        ? "Raise the memory (-Xmx) or stack (-Xss) in LODESTONE_JAVA_OPTS, or lower the limits; "
                                + "run with " + DEBUG + " for the stack trace."
                        : "This is a bug in Lodestone; please report it with the command line and input (" + DEBUG
                                + " prints the stack trace).");
        err.flush();
        return ExitCodes.INTERNAL;
    }

    private static String oneLine(Throwable t) {
        String s = t.toString();
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
