package org.articlepipeline.store;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An article state ready to be written together with its search terms: the item carries the (bounded)
 * list of terms it is indexed under, so a later replace or delete removes exactly those postings.
 */
public final class IndexedArticle {

    private final ArticleRecord record;
    private final List<SearchIndex.Posting> postings;

    /**
     * {@code record} with the search terms of its title and {@code text}, ready to be written; a state in no
     * index (a tombstone, a rejection) carries none.
     */
    public static IndexedArticle of(ArticleRecord record, String text) {
        if (!record.isVisible()) {
            return new IndexedArticle(record, List.of());
        }
        return new IndexedArticle(record, SearchIndex.postingsOf(record.metadata().title(), text));
    }

    /** The state {@code item} holds, with the postings it says it owns; the item must hold an article. */
    static IndexedArticle of(StoredItem item) {
        return new IndexedArticle(item.record().orElseThrow(), SearchIndex.postingsOf(item));
    }

    IndexedArticle(ArticleRecord record, List<SearchIndex.Posting> postings) {
        this.record = record;
        this.postings = List.copyOf(postings);
    }

    public ArticleRecord record() {
        return record;
    }

    List<SearchIndex.Posting> postings() {
        return postings;
    }

    Map<String, AttributeValue> itemAttributes() {
        return SearchIndex.itemAttributes(postings);
    }
}
