package org.articlepipeline.store;

import java.util.List;

/**
 * Keeps the secondary structures beyond the article item itself, the search postings and the
 * per-publisher counts, in step with each change of an article item.
 *
 * <p>Ingest writes the item with the postings it owns ({@link IndexedArticle#of(ArticleRecord, String)});
 * the index step then calls {@link #repost} and {@link #recount}, or {@link #afterRemoved}, with the item's
 * state before and after the change, as the table's stream shows them. The old state names its own
 * postings and publisher, so nothing is read before it is undone. Postings are idempotent; a count is not,
 * so it moves last, once everything else about the change has succeeded.
 */
public final class ArticleIndexes {

    private final SearchIndex search;
    private final SourceCounts sources;

    public ArticleIndexes(SearchIndex search, SourceCounts sources) {
        this.search = search;
        this.sources = sources;
    }

    /** After the visible state {@code current} replaced {@code previous}: the postings now describe it. */
    public void repost(StoredItem previous, StoredItem current) {
        IndexedArticle article = IndexedArticle.of(current);
        search.replace(article.record().id(), SearchIndex.postingsOf(previous), article.postings());
    }

    /**
     * After the visible state {@code current} replaced {@code previous}: the article counts for the publisher
     * it names now. Not idempotent (an increment), so the caller runs it after every other step.
     */
    public void recount(StoredItem previous, StoredItem current) {
        ArticleRecord article = current.record().orElseThrow();
        sources.replace(article.id(), previous.record().orElse(null), article);
    }

    /**
     * After a state in no index (tombstone, rejection, or no item at all) replaced {@code previous}, the
     * state of article {@code id}: it leaves every index.
     */
    public void afterRemoved(StoredItem previous, String id) {
        search.replace(id, SearchIndex.postingsOf(previous), List.of());
        // Last, as in recount: the one step that is not idempotent.
        sources.replace(id, previous.record().orElse(null), null);
    }
}
