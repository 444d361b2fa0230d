package org.articlepipeline.normalize;

/**
 * Limits the normalizer applies to an upload.
 *
 * @param maxBytes        uploads longer than this are rejected as {@code too-large} without being decoded;
 *                        news pages are tens of kilobytes, so anything near the cap is almost certainly not an
 *                        article
 * @param maxLines        pages with more non-empty lines than this are rejected as {@code too-large} before their
 *                        structure is read: that stage keeps a few hundred bytes per line, so a page of millions of
 *                        one-letter lines (which a 10 MB cap allows) would need gigabytes
 * @param minArticleWords articles whose body has fewer words with letters than this are rejected as
 *                        {@code no-article-text}: a page of links, a bare headline or "hello" is not an article
 */
public record NormalizerSettings(int maxBytes, int maxLines, int minArticleWords) {

    /** The default cap: 10 MB. */
    public static final int DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
    /**
     * The default line cap. A 10 MB article of ordinary paragraphs has about 100,000 lines (a hundred bytes
     * each, a blank line between); twice that is no page a person wrote.
     */
    public static final int DEFAULT_MAX_LINES = 200_000;
    /**
     * The default minimum: 8 words, one sentence of news. A breaking-news flash is one such sentence and is
     * news all the same; what is no article ("hello", a menu, a page of links) fails the sentence test or has a
     * word or two. A collection that wants only full stories raises it ({@code MIN_ARTICLE_WORDS}).
     */
    public static final int DEFAULT_MIN_ARTICLE_WORDS = 8;

    public NormalizerSettings {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
        }
        if (maxLines <= 0) {
            throw new IllegalArgumentException("maxLines must be positive: " + maxLines);
        }
        if (minArticleWords < 0) {
            throw new IllegalArgumentException("minArticleWords must not be negative: " + minArticleWords);
        }
    }

    /** Settings with a size cap of {@code maxBytes} and the other defaults. */
    public NormalizerSettings(int maxBytes) {
        this(maxBytes, DEFAULT_MAX_LINES, DEFAULT_MIN_ARTICLE_WORDS);
    }

    /** Settings with a 10 MB size cap, a 200,000-line cap and a 20-word minimum. */
    public static NormalizerSettings defaults() {
        return new NormalizerSettings(DEFAULT_MAX_BYTES);
    }

    /** These settings with a minimum of {@code words} words of article text. */
    public NormalizerSettings withMinArticleWords(int words) {
        return new NormalizerSettings(maxBytes, maxLines, words);
    }
}
