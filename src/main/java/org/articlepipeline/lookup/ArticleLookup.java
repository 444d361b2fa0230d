package org.articlepipeline.lookup;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.articlepipeline.store.ArticleBucket;
import org.articlepipeline.store.ArticleId;
import org.articlepipeline.store.ArticleMetadata;
import org.articlepipeline.store.ArticleRecord;
import org.articlepipeline.store.ArticleRepository;

/**
 * The lookup routes: turns an {@link ApiRequest} into an {@link ApiResponse}, reading the table and bucket.
 *
 * <p>Every failure the caller can cause becomes an {@link ApiException} with a 4xx status; only a
 * backend failure escapes, and the handler answers it with 503.
 */
public final class ArticleLookup {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;
    private static final Pattern ARTICLE_PATH = Pattern.compile("/articles/([^/]+)(/text)?/?");

    private final ArticleRepository repository;
    private final ArticleBucket bucket;
    private final Cursors cursors;
    private final ObjectMapper mapper;

    public ArticleLookup(ArticleRepository repository, ArticleBucket bucket, Cursors cursors, ObjectMapper mapper) {
        this.repository = repository;
        this.bucket = bucket;
        this.cursors = cursors;
        this.mapper = mapper;
    }

    /** Answers one request. */
    public ApiResponse answer(ApiRequest request) throws Exception {
        String path = request.path();
        if (path.equals("/health") || path.equals("/articles") || path.equals("/articles/")
                || ARTICLE_PATH.matcher(path).matches()) {
            if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
                throw new ApiException(405, "method-not-allowed", "only GET is allowed on " + path);
            }
        } else {
            throw ApiException.notFound("no route for " + path);
        }
        if (path.equals("/health")) {
            return health();
        }
        if (path.equals("/articles") || path.equals("/articles/")) {
            String key = request.parameter("key");
            return key != null ? byKey(key) : newest(request);
        }
        Matcher matcher = ARTICLE_PATH.matcher(path);
        matcher.matches();
        String id = matcher.group(1);
        return matcher.group(2) == null ? article(id) : text(id, request);
    }

    private ApiResponse health() throws Exception {
        repository.find("000000000000000000000000");
        bucket.isReachable();
        return ApiResponse.json(200, "{\"status\":\"ok\"}");
    }

    private ApiResponse article(String id) throws Exception {
        ArticleRecord record = visible(id);
        return ApiResponse.json(200, mapper.writeValueAsString(toJson(record)));
    }

    private ApiResponse text(String id, ApiRequest request) {
        ArticleRecord record = visible(id);
        String eTag = "\"" + textVersion(record) + "\"";
        if (eTag.equals(request.header("if-none-match"))) {
            return new ApiResponse(304, Map.of("etag", eTag), "");
        }
        String text = bucket.readText(id).orElseThrow(() -> ApiException.notFound("no text for article " + id));
        return new ApiResponse(200, Map.of("content-type", "text/plain; charset=utf-8", "etag", eTag), text);
    }

    private ApiResponse byKey(String key) throws Exception {
        if (key.isEmpty() || key.length() > 1024) {
            throw ApiException.badParameter("key", "must be an object key of 1 to 1024 characters");
        }
        ArticleRecord record = repository.find(ArticleId.of(bucket.bucket(), key))
                .filter(ArticleRecord::isVisible)
                .orElseThrow(() -> ApiException.notFound("no article for key " + key));
        return ApiResponse.json(200, mapper.writeValueAsString(toJson(record)));
    }

    private ApiResponse newest(ApiRequest request) throws Exception {
        int limit = limit(request.parameter("limit"));
        String scope = "newest";
        String after = null;
        String cursor = request.parameter("cursor");
        if (cursor != null) {
            after = cursors.decode(scope, cursor)
                    .orElseThrow(() -> ApiException.badParameter("cursor", "is not a cursor this listing issued"));
        }
        List<ArticleRecord> page = repository.newest(limit + 1, after);
        ObjectNode body = mapper.createObjectNode();
        ArrayNode items = body.putArray("items");
        for (ArticleRecord record : page.subList(0, Math.min(limit, page.size()))) {
            items.add(toJson(record));
        }
        if (page.size() > limit) {
            body.put("nextCursor", cursors.encode(scope, ArticleRepository.positionOf(page.get(limit - 1))));
        } else {
            body.putNull("nextCursor");
        }
        return ApiResponse.json(200, mapper.writeValueAsString(body));
    }

    static int limit(String value) {
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException notANumber) {
            // falls through to the same answer as an out-of-range number
        }
        throw ApiException.badParameter("limit", "must be a whole number from 1 to " + MAX_LIMIT);
    }

    private ArticleRecord visible(String id) {
        if (!ArticleId.isWellFormed(id)) {
            throw ApiException.notFound("no article " + truncate(id));
        }
        Optional<ArticleRecord> record = repository.find(id).filter(ArticleRecord::isVisible);
        return record.orElseThrow(() -> ApiException.notFound("no article " + id));
    }

    private ObjectNode toJson(ArticleRecord record) {
        ObjectNode node = mapper.createObjectNode();
        node.put("id", record.id());
        node.put("key", record.key());
        node.put("status", record.status().name());
        ArticleMetadata m = record.metadata();
        node.put("title", m.title());
        node.put("subtitle", m.subtitle());
        node.put("source", m.source());
        node.put("sourceUrl", m.sourceUrl());
        node.put("agency", m.agency());
        node.put("dateline", m.dateline());
        node.put("publishedAt", m.publishedAt());
        node.put("language", m.language());
        node.put("encoding", m.encoding());
        node.put("wordCount", m.wordCount());
        node.put("paragraphCount", m.paragraphCount());
        node.put("charCount", m.charCount());
        node.put("readingMinutes", m.readingMinutes());
        node.put("contentHash", m.contentHash());
        node.put("fingerprint", m.fingerprint());
        node.put("duplicateOf", m.duplicateOf());
        node.put("ingestedAt", record.ingestedAt());
        if (record.size() != null) {
            node.put("size", record.size());
        } else {
            node.putNull("size");
        }
        node.put("eTag", record.eTag());
        node.put("versionId", record.versionId());
        node.put("textUrl", "/articles/" + record.id() + "/text");
        return node;
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

    private static String truncate(String value) {
        return value.length() <= 64 ? value : value.substring(0, 64) + "...";
    }
}
