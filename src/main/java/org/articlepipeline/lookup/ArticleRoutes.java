package org.articlepipeline.lookup;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import org.articlepipeline.store.ArticleBucket;
import org.articlepipeline.store.ArticleId;
import org.articlepipeline.store.ArticleRecord;
import org.articlepipeline.store.ArticleRepository;
import org.articlepipeline.store.ArticleStatus;
import org.articlepipeline.store.DuplicateRelations;

/** The routes about one article: its metadata, its text, its duplicates, and the article for an object key. */
final class ArticleRoutes {

    private final ArticleRepository repository;
    private final ArticleBucket bucket;
    private final DuplicateRelations duplicates;
    private final ArticleJson json;

    ArticleRoutes(ArticleRepository repository, ArticleBucket bucket, DuplicateRelations duplicates, ArticleJson json) {
        this.repository = repository;
        this.bucket = bucket;
        this.duplicates = duplicates;
        this.json = json;
    }

    /** {@code GET /articles/{id}}: an article, or a rejected upload with its reason. */
    ApiResponse article(String id, ApiRequest request) {
        Parameters.of(request, Set.of());
        if (!ArticleId.isWellFormed(id)) {
            throw ApiException.notFound("no such article");
        }
        ArticleRecord record = repository.find(id).filter(ArticleRoutes::isShown)
                .orElseThrow(() -> ApiException.notFound("no article " + id));
        return ApiResponse.json(200, json.write(json.of(record)));
    }

    /** {@code GET /articles/{id}/text}: the clean text, revalidated by ETag. */
    ApiResponse text(String id, ApiRequest request) {
        Parameters.of(request, Set.of());
        ArticleRecord record = visible(id);
        String eTag = "\"" + textVersion(record) + "\"";
        if (matches(request.header("if-none-match"), eTag)) {
            return new ApiResponse(304, Map.of("etag", eTag), "");
        }
        String text = bucket.readText(id).orElseThrow(() -> ApiException.notFound("no text for article " + id));
        return new ApiResponse(200, Map.of("content-type", "text/plain; charset=utf-8", "etag", eTag), text);
    }

    /** {@code GET /articles/{id}/duplicates}. */
    ApiResponse duplicates(String id, ApiRequest request) {
        Parameters.of(request, Set.of());
        ArticleRecord record = visible(id);
        ObjectNode body = json.object();
        body.put("id", id);
        ArrayNode items = body.putArray("items");
        for (DuplicateRelations.Duplicate duplicate : duplicates.of(record)) {
            ObjectNode item = items.addObject();
            item.put("kind", duplicate.exact() ? "exact" : "near");
            item.put("similarity", duplicate.similarity());
            item.set("article", json.of(duplicate.article()));
        }
        // One page always: each kind is capped at DuplicateRelations.MAX_PER_KIND.
        body.putNull("nextCursor");
        return ApiResponse.json(200, json.write(body));
    }

    /** {@code GET /articles?key=}: the article stored for an object key. */
    ApiResponse byKey(Parameters parameters) {
        String key = parameters.get(Parameters.KEY);
        ArticleRecord record = repository.find(ArticleId.of(bucket.bucket(), key))
                .filter(ArticleRoutes::isShown)
                .orElseThrow(() -> ApiException.notFound("no article for that key"));
        return ApiResponse.json(200, json.write(json.of(record)));
    }

    private ArticleRecord visible(String id) {
        if (!ArticleId.isWellFormed(id)) {
            // No read for what cannot be an id; nothing of the path is echoed back.
            throw ApiException.notFound("no such article");
        }
        ArticleRecord record = repository.find(id).filter(ArticleRoutes::isShown)
                .orElseThrow(() -> ApiException.notFound("no article " + id));
        if (record.status() == ArticleStatus.REJECTED) {
            throw ApiException.notFound("article " + id + " was rejected (" + record.reason() + "): it has no text"
                    + " and no duplicates; GET /articles/" + id + " says why");
        }
        return record;
    }

    /** Articles and rejected uploads are shown; a deleted object's tombstone is not. */
    private static boolean isShown(ArticleRecord record) {
        return record.status() != ArticleStatus.DELETED;
    }

    /** {@code If-None-Match} holds {@code eTag}: a list of tags, weak or strong, or {@code *}. */
    static boolean matches(String ifNoneMatch, String eTag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals("*") || tag.equals(eTag)) {
                return true;
            }
        }
        return false;
    }

    /** Changes whenever the article's content or the event that produced it changes. */
    private static String textVersion(ArticleRecord record) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(
                    (record.sequencer() + "|" + record.eTag() + "|" + record.metadata().contentHash())
                            .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
