package org.articlepipeline.store;

import java.util.List;

/**
 * Keeps the secondary structures that ingest owns beyond the article item itself, the search postings
 * and the per-publisher counts, in step with each applied write.
 *
 * <p>Ingest calls {@link #index} before its conditional write, hands the result to
 * {@link ArticleRepository#replaceIfNotStale(IndexedArticle)}, and then {@link #afterApplied} with the
 * item that write replaced; after a tombstone or a rejection it calls {@link #afterRemoved}. The replaced
 * item names its own postings and publisher, so nothing is read before it is undone.
 */
public final class ArticleIndexes {

    private final SearchIndex search;
    private final SourceCounts sources;

    public ArticleIndexes(SearchIndex search, SourceCounts sources) {
        this.search = search;
        this.sources = sources;
    }

    /** {@code record} with the search terms of its title and {@code text}, ready to be written. */
    public IndexedArticle index(ArticleRecord record, String text) {
        if (!record.isVisible()) {
            return new IndexedArticle(record, List.of());
        }
        return new IndexedArticle(record, SearchIndex.postingsOf(record.metadata().title(), text));
    }

    /** After {@code article} replaced {@code previous}: postings and counts now describe it. */
    public void afterApplied(StoredItem previous, IndexedArticle article) {
        String id = article.record().id();
        search.replace(id, SearchIndex.postingsOf(previous), article.postings());
        sources.replace(id, previous.record().orElse(null), article.record());
    }

    /** After a state in no index (tombstone, rejection) replaced {@code previous}: it leaves every index. */
    public void afterRemoved(StoredItem previous, ArticleRecord state) {
        search.replace(state.id(), SearchIndex.postingsOf(previous), List.of());
        sources.replace(state.id(), previous.record().orElse(null), state);
    }
}
