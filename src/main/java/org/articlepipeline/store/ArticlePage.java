package org.articlepipeline.store;

import java.util.List;

/**
 * One page of a listing or a search.
 *
 * @param items        the visible articles on the page, in order
 * @param nextPosition where the next page starts (exclusive), or {@code null} when this is the last page;
 *                     computed from the index, so articles that vanish between the index read and the
 *                     item read never shorten the walk
 */
public record ArticlePage(List<ArticleRecord> items, String nextPosition) {

    public ArticlePage {
        items = List.copyOf(items);
    }
}
