package org.articlepipeline.lookup;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import org.articlepipeline.store.ArticleBucket;
import org.articlepipeline.store.ArticleRepository;
import org.articlepipeline.store.SourceCounts;

/** The routes about the collection rather than one article: {@code /sources} and {@code /health}. */
final class ServiceRoutes {

    private final ArticleRepository repository;
    private final ArticleBucket bucket;
    private final SourceCounts sources;
    private final ArticleJson json;

    ServiceRoutes(ArticleRepository repository, ArticleBucket bucket, SourceCounts sources, ArticleJson json) {
        this.repository = repository;
        this.bucket = bucket;
        this.sources = sources;
        this.json = json;
    }

    /** {@code GET /sources}: every publisher with visible articles, most articles first. */
    ApiResponse sources(ApiRequest request) {
        Parameters.of(request, Set.of());
        ObjectNode body = json.object();
        ArrayNode items = body.putArray("items");
        for (SourceCounts.Source source : sources.all()) {
            items.addObject().put("key", source.key()).put("name", source.name()).put("count", source.count());
        }
        body.putNull("nextCursor");
        return ApiResponse.json(200, json.write(body));
    }

    /**
     * {@code GET /health}: 200 when the table and the bucket answer. A failure of either escapes, and the
     * handler answers 503 as for any backend failure.
     */
    ApiResponse health(ApiRequest request) {
        Parameters.of(request, Set.of());
        repository.find("000000000000000000000000");
        bucket.isReachable();
        return ApiResponse.json(200, "{\"status\":\"ok\"}");
    }
}
