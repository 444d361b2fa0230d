package org.articlepipeline.normalize;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An article read out of an uploaded page: its clean text, its structure and what describes it.
 *
 * <p>Absent values are {@code null}, never invented. Field names are the JSON contract of the
 * {@code normalize} command and of the stored {@code normalized/<id>.json} documents. {@code format} says
 * how the upload was read: {@code html} (a page, its article extracted from the markup) or {@code text}.
 *
 * <p>{@code removed} lists at most {@link #LISTED_REMOVED_LINES} lines, the first in page order;
 * {@code removedNotListed} counts the others per reason, in the order their reasons first occur. A page of
 * millions of short lines would otherwise give a document many times the size of the page.
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
        List<RemovedLine> removed,
        Map<String, Integer> removedNotListed) {

    /** How many removed lines an article lists; the rest are counted per reason. */
    public static final int LISTED_REMOVED_LINES = 200;

    public NormalizedArticle {
        if (removed.size() > LISTED_REMOVED_LINES) {
            throw new IllegalArgumentException("at most " + LISTED_REMOVED_LINES + " removed lines are listed, not "
                    + removed.size());
        }
        paragraphs = List.copyOf(paragraphs);
        removed = List.copyOf(removed);
        removedNotListed = Collections.unmodifiableMap(new LinkedHashMap<>(removedNotListed));
    }

    /**
     * An article with every line that was removed: the first {@link #LISTED_REMOVED_LINES} are listed, the
     * others counted per reason.
     */
    public NormalizedArticle(String title, String subtitle, String source, String sourceUrl, String agency,
                             String dateline, String publishedAt, String language, String encoding, String format,
                             List<String> paragraphs, String text, int wordCount, int paragraphCount, int charCount,
                             int readingMinutes, String contentHash, Fingerprint fingerprint,
                             List<RemovedLine> allRemoved) {
        this(title, subtitle, source, sourceUrl, agency, dateline, publishedAt, language, encoding, format, paragraphs, text,
                wordCount, paragraphCount, charCount, readingMinutes, contentHash, fingerprint,
                allRemoved.subList(0, Math.min(allRemoved.size(), LISTED_REMOVED_LINES)), notListed(allRemoved));
    }

    private static Map<String, Integer> notListed(List<RemovedLine> allRemoved) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int i = LISTED_REMOVED_LINES; i < allRemoved.size(); i++) {
            counts.merge(allRemoved.get(i).reason().code(), 1, Integer::sum);
        }
        return counts;
    }
}
