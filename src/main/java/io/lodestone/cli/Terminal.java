package io.lodestone.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether standard streams are terminals, and the decisions that depend on it. */
final class Terminal {
    private Terminal() {}

    /**
     * Colour only for a report printed to a terminal, never with {@code --no-color} or a non-empty
     * {@code NO_COLOR} (see no-color.org), never into a file.
     */
    static boolean useColor(boolean noColorFlag, String noColorEnv, boolean toFile, boolean stdoutIsTerminal) {
        return !noColorFlag && (noColorEnv == null || noColorEnv.isEmpty()) && !toFile && stdoutIsTerminal;
    }

    /** A progress bar only when stderr is a terminal, and not with {@code --quiet}. */
    static boolean showProgress(boolean quiet, boolean stderrIsTerminal) {
        return !quiet && stderrIsTerminal;
    }

    /**
     * The width to wrap text to: {@code COLUMNS} on a terminal (a shell exports it), else 100, so files
     * and pipes always get the same lines. Narrower than 40 columns is taken as 40.
     */
    static int width(boolean stdoutIsTerminal, String columnsEnv) {
        if (stdoutIsTerminal && columnsEnv != null) {
            try {
                return Math.max(40, Integer.parseInt(columnsEnv.trim()));
            } catch (NumberFormatException e) {
                // not a number: use the default
            }
        }
        return io.lodestone.output.OutputOptions.DEFAULT_WIDTH;
    }

    static boolean stdoutIsTerminal() {
        return isTerminal(1);
    }

    static boolean stderrIsTerminal() {
        return isTerminal(2);
    }

    /**
     * Java cannot ask isatty(2) for one stream; on Linux the descriptor's link names the device. Elsewhere
     * fall back to {@code System.console()}, which needs stdin and stdout to be terminals.
     */
    @SuppressWarnings("SystemConsoleNull") // the fallback is right on Java 17, where null means no console
    private static boolean isTerminal(int fd) {
        Path link = Path.of("/proc/self/fd/" + fd);
        try {
            if (Files.isSymbolicLink(link)) {
                String target = Files.readSymbolicLink(link).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
            }
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // fall through
        }
        return System.console() != null;
    }
}
