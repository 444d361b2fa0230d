package org.articlepipeline.normalize.structure;

import java.util.List;
import org.articlepipeline.normalize.RemovedLine;
import org.articlepipeline.normalize.text.BodyForm;

/**
 * A page split into headline, standfirst, dateline and body, with the chrome that was taken out.
 *
 * @param title        the headline, once, without a site suffix; null when the page has none
 * @param titleSuffix  the site name split off the headline ({@code – مصدر24}, {@code | Site}), or null
 * @param subtitle     the standfirst right after the headline, or null
 * @param dateline     the dateline opening the first body paragraph, or null
 * @param paragraphs   the body, dateline removed from its first paragraph
 * @param removed      every line taken out, with its reason: first one {@code blank} entry per line that held only
 *                     invisible characters, then the others in page order
 * @param bodyForm     the finished matching form of the paragraphs (folded once during analysis): what the
 *                     content hash, the fingerprint and the word count read
 * @param headerDate   the date written nearest the headline (byline, date line, "Publié le ..."), in ISO-8601
 *                     as {@link org.articlepipeline.normalize.describe.DateFinder#find} writes it, or null:
 *                     the article's own date, where a page's other dates belong to other stories
 */
public record PageStructure(
        String title,
        String titleSuffix,
        String subtitle,
        Dateline dateline,
        List<String> paragraphs,
        List<RemovedLine> removed,
        BodyForm bodyForm,
        String headerDate) {

    public PageStructure {
        paragraphs = List.copyOf(paragraphs);
        removed = List.copyOf(removed);
    }
}
