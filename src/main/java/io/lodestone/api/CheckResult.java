package io.lodestone.api;

import java.util.List;

/**
 * What {@code lodestone check} found: the rules it compiled (hash and count, null and 0 when they did
 * not compile), the fact-set files it read, every error and every warning. Nothing was evaluated.
 */
public record CheckResult(String rulesHash, int ruleCount, List<String> files, List<LoadError> errors,
                          List<LoadError> warnings) {
    public CheckResult {
        files = List.copyOf(files);
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }

    /** The rules did not compile, so no fact set could be checked against their types. */
    public static CheckResult rulesFailed(List<LoadError> errors) {
        return new CheckResult(null, 0, List.of(), errors, List.of());
    }

    public boolean clean() {
        return errors.isEmpty();
    }
}
