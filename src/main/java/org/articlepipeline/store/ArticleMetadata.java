package org.articlepipeline.store;

/**
 * What describes an OK article, as stored in its item and returned by lookups.
 *
 * <p>Absent values are {@code null}, never invented.
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
        int wordCount,
        int paragraphCount,
        int charCount,
        int readingMinutes,
        String contentHash,
        String fingerprint,
        String duplicateOf) {
}
