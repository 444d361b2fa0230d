package org.articlepipeline.normalize.html;

import java.util.List;
import org.articlepipeline.normalize.RemovedLine;

/** What the {@link HtmlExtractor} read out of a page: the article's lines, or why there is no article. */
public sealed interface Extraction permits Extraction.Article, Extraction.NoArticle {

    /**
     * The page holds an article.
     *
     * @param headline the page's visible headline (its first {@code h1}), or null
     * @param lines    the article's text, one block per line, in page order
     * @param removed  every line of text the extractor dropped, with its reason, in page order per reason
     * @param credits  the captions and photo credits dropped from the body (they may name a news agency)
     */
    record Article(String headline, List<String> lines, List<RemovedLine> removed, List<String> credits)
            implements Extraction {
        public Article {
            lines = List.copyOf(lines);
            removed = List.copyOf(removed);
            credits = List.copyOf(credits);
        }
    }

    /**
     * The page is not an article: a home page, a section, tag or search listing, a login or paywall stub.
     *
     * @param detail a sentence saying what the page looks like instead
     */
    record NoArticle(String detail) implements Extraction {
    }
}
