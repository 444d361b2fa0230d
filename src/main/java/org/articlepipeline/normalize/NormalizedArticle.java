package org.articlepipeline.normalize;

import java.util.List;

/**
 * An article read out of an uploaded page: its clean text, its structure and what describes it.
 *
 * <p>Absent values are {@code null}, never invented. Field names are the JSON contract of the
 * {@code normalize} command and of the stored {@code normalized/<id>.json} documents. {@code format} says
 * how the upload was read: {@code html} (a page, its article extracted from the markup) or {@code text}.
 */
public record NormalizedArticle(
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
        List<String> paragraphs,
        String text,
        int wordCount,
        int paragraphCount,
        int charCount,
        int readingMinutes,
        String contentHash,
        Fingerprint fingerprint,
        List<RemovedLine> removed) {

    public NormalizedArticle {
        paragraphs = List.copyOf(paragraphs);
        removed = List.copyOf(removed);
    }
}
