package io.lodestone.api;

/**
 * Told how a batch evaluation progresses, e.g. to draw a progress bar. Calls may come from several
 * threads when a batch runs on more than one; implementations must be thread-safe and quick.
 */
public interface BatchListener {
    BatchListener NONE = new BatchListener() {
    };

    /** The inputs expanded to {@code total} fact-set files; called once, before any is evaluated. */
    default void started(int total) {
    }

    /** One fact-set file was evaluated (or failed to load); {@code done} of {@code total} are finished. */
    default void finished(String file, int done, int total) {
    }
}
