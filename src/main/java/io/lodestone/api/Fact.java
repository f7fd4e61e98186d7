package io.lodestone.api;

/**
 * One fact of a fact set: the declared type's simple name, the fact's id, the bound object that is
 * inserted into the session, and what the loader keeps beside it (the {@code source} entry and the
 * fact's JSON path, e.g. {@code facts[3]}).
 *
 * @param type      the declared type's simple name
 * @param id        the fact's id, unique in its fact set
 * @param value     the bound object (an instance of a type declared in the rules)
 * @param sourceRef the id of the source the fact came from, or null
 * @param quote     the quoted span of that source, or null
 * @param path      the fact's JSON path in the fact set
 */
public record Fact(String type, String id, Object value, String sourceRef, String quote, String path) {}
