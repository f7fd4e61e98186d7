package io.lodestone.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** Review F24: an uncaught Error is exit 4 in a line or two, never exit 1 ("findings") with a raw trace. */
class UncaughtErrorTest {
    @Test
    void anErrorIsExit4WithoutAStackTraceUnlessDebug() {
        StringWriter quiet = new StringWriter();
        int code = Main.internal(new StackOverflowError(), new PrintWriter(quiet, true), false);
        assertEquals(ExitCodes.INTERNAL, code);
        assertTrue(quiet.toString().lines().count() <= 3, quiet.toString());
        assertTrue(quiet.toString().lines().noneMatch(l -> l.startsWith("\tat java.")), quiet.toString());

        StringWriter debug = new StringWriter();
        Main.internal(new OutOfMemoryError("Java heap space"), new PrintWriter(debug, true), true);
        assertTrue(debug.toString().lines().count() > 3, "--debug prints the trace: " + debug);
    }

    @Test
    void debugIsAcceptedAnywhereOnTheCommandLine() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(
                new String[] {"--debug", "evaluate", "--rules", "no-such-rules", "facts"},
                new PrintWriter(out, true),
                new PrintWriter(err, true));
        assertEquals(ExitCodes.LOAD_ERROR, code, err.toString());
    }
}
