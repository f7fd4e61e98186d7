package io.lodestone.cli;

import io.lodestone.api.BatchListener;
import java.io.PrintWriter;
import java.util.function.LongSupplier;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Draws a progress bar on stderr for a batch, but only once it has run for more than a second, so
 * quick runs print nothing. Close it before printing the report.
 */
final class ProgressListener implements BatchListener, AutoCloseable {
    static final long DELAY_MILLIS = 1000;
    private final PrintWriter err;
    private final boolean color;
    private final LongSupplier nanoClock;
    private final long start;
    private int total;
    private ProgressBar bar;

    /** {@code color}: whether the bar may use colour (the same --no-color / NO_COLOR decision as text). */
    ProgressListener(PrintWriter err, boolean color) {
        this(err, color, System::nanoTime);
    }

    /** {@code nanoClock}: the time source, {@link System#nanoTime()} outside tests. */
    ProgressListener(PrintWriter err, boolean color, LongSupplier nanoClock) {
        this.err = err;
        this.color = color;
        this.nanoClock = nanoClock;
        this.start = nanoClock.getAsLong();
    }

    @Override
    public synchronized void started(int total) {
        this.total = total;
    }

    @Override
    public synchronized void finished(String file, int done, int total) {
        if (bar == null && (nanoClock.getAsLong() - start) / 1_000_000 < DELAY_MILLIS) {
            return;
        }
        if (bar == null) {
            bar = new ProgressBarBuilder()
                    .setTaskName("Evaluating")
                    .setInitialMax(total)
                    .setStyle(color ? ProgressBarStyle.COLORFUL_UNICODE_BLOCK : ProgressBarStyle.UNICODE_BLOCK)
                    .setUpdateIntervalMillis(200)
                    .setConsumer(new WriterConsumer(err))
                    .build();
        }
        bar.stepTo(Math.max(bar.getCurrent(), done));
    }

    @Override
    public synchronized void close() {
        if (bar != null) {
            bar.stepTo(total);
            bar.close();
            bar = null;
        }
    }

    /** Renders onto the command's stderr writer, redrawing one line in place. */
    private record WriterConsumer(PrintWriter err) implements ProgressBarConsumer {
        @Override
        public int getMaxRenderedLength() {
            String columns = System.getenv("COLUMNS");
            try {
                return columns == null ? 80 : Math.max(40, Integer.parseInt(columns.trim()));
            } catch (NumberFormatException e) {
                return 80;
            }
        }

        @Override
        public void accept(String rendered) {
            err.print('\r' + rendered);
            err.flush();
        }

        @Override
        public void close() {
            err.println();
            err.flush();
        }
    }
}
