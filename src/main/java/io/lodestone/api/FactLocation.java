package io.lodestone.api;

/**
 * Where a fact sits in its fact-set file: its JSON path (e.g. {@code facts[3]}) and the 1-based line
 * and column of the fact object's opening brace.
 */
public record FactLocation(String fact, String path, int line, int column) {}
