package io.lodestone.api;

/**
 * One fact of a fact set: the declared type's simple name, the fact's id, the bound object that is
 * inserted into the session, and what the loader keeps beside it (the {@code source} entry and the
 * fact's JSON path, e.g. {@code facts[3]}).
 */
public record Fact(String type, String id, Object value, String sourceRef, String quote, String path) {
}
