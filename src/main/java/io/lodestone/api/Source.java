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
 * @param file      a local text file holding it, relative to the fact set's folder, or null; quotes
 *                  citing the source are checked against it
 */
public record Source(
        String id,
        String title,
        String kind,
        String published,
        String url,
        String publisher,
        String author,
        String file) {
    /**
     * A source without a local text file.
     *
     * @param id        the id facts use to cite it
     * @param title     its title, or null
     * @param kind      what it is (news, report, law, …), or null
     * @param published its publication date (ISO-8601), or null
     * @param url       where it can be read, or null
     * @param publisher who published it, or null
     * @param author    who wrote it, or null
     */
    public Source(String id, String title, String kind, String published, String url, String publisher, String author) {
        this(id, title, kind, published, url, publisher, author, null);
    }

    /**
     * A source without publisher, author or text file.
     *
     * @param id        the id facts use to cite it
     * @param title     its title, or null
     * @param kind      what it is (news, report, law, …), or null
     * @param published its publication date (ISO-8601), or null
     * @param url       where it can be read, or null
     */
    public Source(String id, String title, String kind, String published, String url) {
        this(id, title, kind, published, url, null, null, null);
    }
}
