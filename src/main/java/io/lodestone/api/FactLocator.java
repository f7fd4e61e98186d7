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

    /** The location of fact {@code factId} in fact-set {@code file} (as in {@link Report#file()}). */
    Optional<FactLocation> locate(String file, String factId);
}
