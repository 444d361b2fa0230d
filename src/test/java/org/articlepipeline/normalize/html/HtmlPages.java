package org.articlepipeline.normalize.html;

import java.util.List;
import org.articlepipeline.normalize.RemovedLine;

/** Small pages written for the tests: an article's prose and the page around it. */
final class HtmlPages {

    static final String P1 = "The council voted on Tuesday to reopen the old river bridge to cyclists, after two years"
            + " of repairs that cost more than the town had planned.";
    static final String P2 = "Engineers said the steel frame had rusted faster than expected, and that the new deck"
            + " would carry bicycles and people on foot, but not cars.";
    static final String P3 = "Residents who had crossed by ferry since the closure welcomed the decision, although"
            + " some asked why the work had taken so long.";
    static final String PROSE = "<p>" + P1 + "</p><p>" + P2 + "</p><p>" + P3 + "</p>";

    private HtmlPages() {
    }

    /** A whole page around {@code body}. */
    static String page(String body) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Bridge reopens | Town Post</title>"
                + "</head><body>" + body + "</body></html>";
    }

    /** The article read out of {@code html}; fails when the extractor finds none. */
    static Extraction.Article extract(String html) {
        HtmlExtractor extractor = new HtmlExtractor();
        Extraction x = extractor.extract(extractor.parse(html));
        if (x instanceof Extraction.Article article) {
            return article;
        }
        throw new AssertionError("no article: " + ((Extraction.NoArticle) x).detail());
    }

    /** The reason code the extraction lists {@code line} with, or null when it was not dropped. */
    static String reasonOf(Extraction.Article article, String line) {
        for (RemovedLine removed : article.removed()) {
            if (removed.text().equals(line)) {
                return removed.reason().code();
            }
        }
        return null;
    }

    static List<String> lines(String html) {
        return extract(html).lines();
    }
}
