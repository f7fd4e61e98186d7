package io.lodestone.api;

import java.util.Optional;

/**
 * Finds where a fact of a reported fact set is written, for formats that point into files (SARIF).
 * Looked up lazily, so runs that never ask pay nothing.
 */
@FunctionalInterface
public interface FactLocator {
    /** Knows no location; used when a run was not built from files. */
    FactLocator NONE = (file, factId) -> Optional.empty();

    /**
     * Where a fact is written.
     *
     * @param file   the fact-set file, as in {@link Report#file()}
     * @param factId the fact's id
     * @return its location, or empty when the file cannot be read or has no such fact
     */
    Optional<FactLocation> locate(String file, String factId);
}
