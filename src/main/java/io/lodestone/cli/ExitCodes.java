package io.lodestone.cli;

import io.lodestone.api.RunReport;
import io.lodestone.api.Severity;

/** Process exit codes, shared by every command and documented in the README and {@code --help}. */
public final class ExitCodes {
    /** Everything evaluated, nothing at or above {@code --fail-on}. */
    public static final int OK = 0;
    /** A finding at or above {@code --fail-on} (or, for {@code test}, a failed case). */
    public static final int FINDINGS = 1;
    /** The command line is wrong. */
    public static final int USAGE = 2;
    /** A rule file or a fact set could not be loaded, or a rule failed; the rest was still evaluated. */
    public static final int LOAD_ERROR = 3;
    /** A bug in Lodestone, or an uncaught JVM error (out of memory, stack overflow). */
    public static final int INTERNAL = 4;
    /** The report could not be written (missing folder, read-only file, full disk, closed stdout). */
    public static final int OUTPUT = 5;

    static final String HELP_0 = "0:Everything was evaluated and no finding is at or above --fail-on.";
    static final String HELP_1 = "1:A finding is at or above --fail-on.";
    static final String HELP_2 = "2:Usage error: an unknown option or a bad option value.";
    static final String HELP_3 = "3:A rule file or a fact set could not be loaded, or a rule failed while evaluating "
            + "(the rest were still evaluated and reported).";
    static final String HELP_4 = "4:Internal error (a bug: please report it), or the JVM ran out of memory or stack.";
    static final String HELP_5 = "5:The report could not be written (missing folder, read-only file, full disk, "
            + "closed standard output).";

    private ExitCodes() {}

    /** Load errors win over findings: a partial run must never look clean or merely "failing". */
    public static int of(RunReport run, Severity failOn) {
        if (run.hasErrors()) {
            return LOAD_ERROR;
        }
        return failOn != null && run.hasFindingAtLeast(failOn) ? FINDINGS : OK;
    }
}
