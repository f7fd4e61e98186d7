package io.lodestone.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TerminalTest {
    @Test
    void colourOnlyOnATerminalWithoutOptOut() {
        assertTrue(Terminal.useColor(false, null, false, true));
        assertFalse(Terminal.useColor(false, null, false, false), "not a terminal");
        assertFalse(Terminal.useColor(true, null, false, true), "--no-color");
        assertFalse(Terminal.useColor(false, "1", false, true), "NO_COLOR");
        assertTrue(Terminal.useColor(false, "", false, true), "an empty NO_COLOR does not count (no-color.org)");
        assertFalse(Terminal.useColor(false, null, true, true), "--output FILE");
    }

    @Test
    void textWidthIsColumnsOnATerminalAnd100Otherwise() {
        assertEquals(132, Terminal.width(true, "132"));
        assertEquals(100, Terminal.width(false, "132"), "a pipe or file always gets 100 columns");
        assertEquals(100, Terminal.width(true, null), "COLUMNS unset");
        assertEquals(100, Terminal.width(true, "wide"), "COLUMNS not a number");
        assertEquals(40, Terminal.width(true, "12"), "too narrow to wrap sensibly");
    }

    @Test
    void progressOnlyOnATerminalAndNotWhenQuiet() {
        assertTrue(Terminal.showProgress(false, true));
        assertFalse(Terminal.showProgress(false, false));
        assertFalse(Terminal.showProgress(true, true));
    }

    @Test
    void progressStaysSilentForQuickBatchesAndDrawsForSlowOnes() {
        StringWriter quick = new StringWriter();
        try (ProgressListener p = new ProgressListener(new PrintWriter(quick, true), false, () -> 0L)) {
            p.started(3);
            p.finished("a.json", 1, 3);
            p.finished("b.json", 2, 3);
            p.finished("c.json", 3, 3);
        }
        assertTrue(quick.toString().isEmpty(), "a batch under a second prints nothing");

        StringWriter slow = new StringWriter();
        AtomicLong clock = new AtomicLong();
        try (ProgressListener p = new ProgressListener(new PrintWriter(slow, true), false, clock::get)) {
            p.started(3);
            p.finished("a.json", 1, 3);
            clock.addAndGet(TimeUnit.MILLISECONDS.toNanos(ProgressListener.DELAY_MILLIS + 1));
            p.finished("b.json", 2, 3);
        }
        assertTrue(slow.toString().contains("Evaluating"), slow.toString());
        assertTrue(slow.toString().contains("3/3"), "closing completes the bar: " + slow);
        assertTrue(!slow.toString().contains("\u001b["), "no colour when colour is off");
    }
}
