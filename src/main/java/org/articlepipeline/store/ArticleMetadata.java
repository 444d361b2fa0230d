package org.articlepipeline.store;

/**
 * What describes an OK article, as stored in its item and returned by lookups.
 *
 * <p>Absent values are {@code null}, never invented. {@code format} is how the original was read ({@code html}
 * or {@code text}); items written before it existed have none.
 */
public record ArticleMetadata(
        String title,
        String subtitle,
        String source,
        String sourceUrl,
        String agency,
        String dateline,
        String publishedAt,
        String language,
        String encoding,
        String format,
        int wordCount,
        int paragraphCount,
        int charCount,
        int readingMinutes,
        String contentHash,
        String fingerprint,
        String duplicateOf) {
}
