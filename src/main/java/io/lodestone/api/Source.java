package io.lodestone.api;

/** A document a fact set was drawn from, as listed in its {@code sources} array. */
public record Source(String id, String title, String kind, String published, String url) {
}
