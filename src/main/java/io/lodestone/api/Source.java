package io.lodestone.api;

/**
 * A document a fact set was drawn from, as listed in its {@code sources} array.
 *
 * @param id        the id facts use to cite it
 * @param title     its title, or null
 * @param kind      what it is (news, report, law, …), or null
 * @param published its publication date (ISO-8601), or null
 * @param url       where it can be read, or null
 * @param publisher who published it, or null
 * @param author    who wrote it, or null
 */
public record Source(String id, String title, String kind, String published, String url, String publisher,
                     String author) {
    /**
     * A source without publisher or author.
     *
     * @param id        the id facts use to cite it
     * @param title     its title, or null
     * @param kind      what it is (news, report, law, …), or null
     * @param published its publication date (ISO-8601), or null
     * @param url       where it can be read, or null
     */
    public Source(String id, String title, String kind, String published, String url) {
        this(id, title, kind, published, url, null, null);
    }
}
