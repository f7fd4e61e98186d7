package io.lodestone.api;

/**
 * Where a fact cited by a finding came from: the fact's id, the id of its source in the fact set
 * and, when the fact set gives one, the quoted span of that source.
 *
 * @param fact  the cited fact's id
 * @param ref   the id of the source it came from
 * @param quote the quoted span, or null
 */
public record Evidence(String fact, String ref, String quote) {}
