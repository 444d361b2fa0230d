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
