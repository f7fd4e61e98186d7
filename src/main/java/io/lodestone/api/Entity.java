package io.lodestone.api;

/**
 * A fact (or source) a finding's message names, as rendered: rules write {@code ref($fact)} or
 * {@code ref(id)} into a message and the engine replaces it with {@code name}.
 *
 * @param id   the referenced id
 * @param type the fact's declared type, {@code Source} for a source of the fact set, or null when the
 *             id names nothing in the fact set
 * @param name the text shown in the message: the fact's name (a source's title), else the id
 */
public record Entity(String id, String type, String name) {}
