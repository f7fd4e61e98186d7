package io.lodestone.api;

/**
 * Told how a batch evaluation progresses, e.g. to draw a progress bar. Calls may come from several
 * threads when a batch runs on more than one; implementations must be thread-safe and quick.
 */
public interface BatchListener {
    /** A listener that ignores everything. */
    BatchListener NONE = new BatchListener() {};

    /**
     * The inputs were expanded into fact-set files; called once, before any is evaluated.
     *
     * @param total how many fact-set files the batch holds
     */
    default void started(int total) {}

    /**
     * One fact-set file was evaluated (or failed to load).
     *
     * @param file  the file, as reported
     * @param done  how many files are finished, this one included
     * @param total how many files the batch holds
     */
    default void finished(String file, int done, int total) {}
}
