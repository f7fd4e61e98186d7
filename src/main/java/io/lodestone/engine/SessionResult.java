package io.lodestone.engine;

import io.lodestone.api.Diagnostic;
import io.lodestone.api.Finding;
import java.util.List;

/** What one session produced: resolved findings, problems met while firing, and how many rules fired. */
public record SessionResult(List<Finding> findings, List<Diagnostic> errors, long firings) {}
