package io.lodestone.engine;

import io.lodestone.api.Finding;
import io.lodestone.api.LoadError;
import java.util.List;

/** What one session produced: resolved findings, problems met while firing, and how many rules fired. */
public record SessionResult(List<Finding> findings, List<LoadError> errors, long firings) {
}
