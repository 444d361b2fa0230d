package org.articlepipeline.store;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * The articles table: owns its item layout and every read and write of article items.
 *
 * <p>Writes are conditional on the S3 sequencer, so a stale or repeated event can never overwrite newer
 * state, without a read before the write.
 */
public final class ArticleRepository {

    /** How long a tombstone outlives its delete: far longer than S3 ever delays an event. */
    static final long TOMBSTONE_TTL_SECONDS = 30L * 24 * 3600;

    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final BatchRetry retry;
    /** Days this container already wrote to a day directory ({@code <directory>#<day>}): one write per day, not per article. */
    private final Set<String> knownDays = ConcurrentHashMap.newKeySet();

    /** The attribute that marks an article as an exact duplicate of an earlier one (written by the index step). */
    static final String DUPLICATE_OF = "duplicateOf";
    /** The attribute naming the normalizer version that made the item ({@code NormalizerVersion}). */
    static final String NORMALIZER_VERSION = "normalizerVersion";

    public ArticleRepository(DynamoDbClient dynamoDb, String tableName) {
        this(dynamoDb, tableName, BatchRetry.standard());
    }

    /** @param retry sends again what a batch read left unprocessed (a throttled table) */
    public ArticleRepository(DynamoDbClient dynamoDb, String tableName, BatchRetry retry) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.retry = retry;
    }


    /**
     * Writes {@code article} (its record plus the index attributes its item carries), made by normalizer
     * {@code normalizerVersion}, unless the table holds a later state ({@link AppliedState#isLaterThan}), and
     * hands back the item it replaced, so the indexes can remove exactly what that item had put into them
     * without a read before the write.
     *
     * @return the replaced item ({@link StoredItem#NONE} when there was none); empty when stale
     */
    public Optional<StoredItem> replaceIfNotStale(IndexedArticle article, int normalizerVersion) {
        return replaceIfNotStale(article.record(), article.itemAttributes(), normalizerVersion);
    }

    /** As {@link #replaceIfNotStale(IndexedArticle, int)}, for states that are in no index (tombstones, rejections). */
    public Optional<StoredItem> replaceIfNotStale(ArticleRecord record, int normalizerVersion) {
        return replaceIfNotStale(record, Map.of(), normalizerVersion);
    }

    private Optional<StoredItem> replaceIfNotStale(ArticleRecord record, Map<String, AttributeValue> extra,
                                                   int normalizerVersion) {
        Map<String, AttributeValue> item = toItem(record);
        item.putAll(extra);
        item.put(NORMALIZER_VERSION, n(normalizerVersion));
        PutItemResponse response;
        try {
            response = dynamoDb.putItem(PutItemRequest.builder()
                    .tableName(tableName)
                    .item(item)
                    // A later event wins. An equal sequencer is the same event delivered again, or the same
                    // object made again by a newer normalizer: re-applying it converges, but an older
                    // normalizer (a container not yet updated) never overwrites a newer one's output.
                    .conditionExpression("attribute_not_exists(pk) OR sequencer < :sequencer OR (sequencer = :sequencer"
                            + " AND (attribute_not_exists(" + NORMALIZER_VERSION + ") OR " + NORMALIZER_VERSION + " <= :version))")
                    .expressionAttributeValues(Map.of(":sequencer", s(record.sequencer()),
                            ":version", n(normalizerVersion)))
                    .returnValues(ReturnValue.ALL_OLD)
                    .build());
        } catch (ConditionalCheckFailedException stale) {
            return Optional.empty();
        }
        if (record.isVisible()) {
            registerDay(TableLayout.DAY_DIRECTORY_PK, dayOf(sortInstant(record)));
        } else if (record.status() == ArticleStatus.REJECTED) {
            registerDay(TableLayout.REJECTED_DAY_DIRECTORY_PK, dayOf(record.ingestedAt()));
        }
        return Optional.of(response.hasAttributes() && !response.attributes().isEmpty()
                ? new StoredItem(response.attributes()) : StoredItem.NONE);
    }

    /**
     * Where the item of {@code id} stands now (a consistent read of four attributes): which event and which
     * normalizer made it. A cheap early exit for stale events, and what lets an event without a sequencer
     * re-make an article from the same object; the conditional write stays the guard.
     */
    public AppliedState appliedState(String id) {
        Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName(tableName).key(articleKey(id))
                .consistentRead(true).projectionExpression("sequencer, " + NORMALIZER_VERSION + ", eTag, #status")
                .expressionAttributeNames(Map.of("#status", "status"))).item();
        return item == null || item.isEmpty() ? AppliedState.NONE : AppliedState.of(item);
    }

    /**
     * Where every article item under {@code keyPrefix} stands, by object key: one paginated scan of the
     * table, filtered to article items and projected to five small attributes (a backfill's comparison).
     */
    public Map<String, AppliedState> appliedStatesByKey(String keyPrefix) {
        Map<String, AppliedState> states = new HashMap<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            ScanResponse page = dynamoDb.scan(b -> b.tableName(tableName).exclusiveStartKey(from)
                    .filterExpression("sk = :article AND begins_with(pk, :articles) AND begins_with(#key, :prefix)")
                    .projectionExpression("#key, sequencer, " + NORMALIZER_VERSION + ", eTag, #status")
                    .expressionAttributeNames(Map.of("#key", "key", "#status", "status"))
                    .expressionAttributeValues(Map.of(":article", s(TableLayout.ARTICLE_SK),
                            ":articles", s(TableLayout.ARTICLE_PK_PREFIX), ":prefix", s(keyPrefix))));
            for (Map<String, AttributeValue> item : page.items()) {
                states.put(item.get("key").s(), AppliedState.of(item));
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return states;
    }

    /**
     * Records that {@code id} has the same content as the earlier {@code firstId}, provided the item still
     * holds the state written for {@code sequencer}.
     */
    public void markDuplicateOf(String id, String firstId, String sequencer) {
        try {
            dynamoDb.updateItem(b -> b.tableName(tableName).key(articleKey(id))
                    .updateExpression("SET " + DUPLICATE_OF + " = :first")
                    .conditionExpression("sequencer = :sequencer")
                    .expressionAttributeValues(Map.of(":first", s(firstId), ":sequencer", s(sequencer))));
        } catch (ConditionalCheckFailedException replacedMeanwhile) {
            // a newer event owns the item now and records its own duplicates
        }
    }

    /** The article stored under {@code id}, whatever its status. */
    public Optional<ArticleRecord> find(String id) {
        Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName(tableName)
                .key(articleKey(id))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    /** The position of a record in the newest-first order: the date index's sort key. */
    public static String positionOf(ArticleRecord record) {
        return TableLayout.sortKey(sortInstant(record), record.id());
    }

    /** The visible articles among {@code ids}, in that order; ids gone or hidden meanwhile drop out. */
    List<ArticleRecord> load(List<String> ids) {
        return load(ids, item -> true);
    }

    /**
     * As {@link #load(List)}, keeping only items {@code keep} accepts: an index whose entries can outlive
     * a concurrent rewrite of their article checks the article item itself.
     */
    List<ArticleRecord> load(List<String> ids, Predicate<Map<String, AttributeValue>> keep) {
        return load(ids, keep, ArticleStatus.OK);
    }

    /**
     * The articles among {@code ids} that {@code keep} accepts and that stand at {@code status}, in that
     * order: an article whose state changed between the index read and this read drops out of the page.
     */
    List<ArticleRecord> load(List<String> ids, Predicate<Map<String, AttributeValue>> keep, ArticleStatus status) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<String, ArticleRecord> byId = new HashMap<>();
        for (int from = 0; from < ids.size(); from += 100) {
            List<Map<String, AttributeValue>> keys = new ArrayList<>();
            for (String id : ids.subList(from, Math.min(ids.size(), from + 100))) {
                keys.add(articleKey(id));
            }
            retry.untilDone("article reads", Map.of(tableName, KeysAndAttributes.builder().keys(keys).build()),
                    request -> {
                        BatchGetItemResponse response = dynamoDb.batchGetItem(b -> b.requestItems(request));
                        for (Map<String, AttributeValue> item : response.responses().getOrDefault(tableName, List.of())) {
                            if (keep.test(item)) {
                                ArticleRecord record = fromItem(item);
                                byId.put(record.id(), record);
                            }
                        }
                        return response.unprocessedKeys();
                    });
        }
        List<ArticleRecord> ordered = new ArrayList<>();
        for (String id : ids) {
            ArticleRecord record = byId.get(id);
            // An article replaced or deleted between the index read and this read drops out of the page.
            if (record != null && record.status() == status) {
                ordered.add(record);
            }
        }
        return ordered;
    }

    private void registerDay(String directory, String day) {
        if (knownDays.contains(directory + "#" + day)) {
            return;
        }
        dynamoDb.putItem(b -> b.tableName(tableName).item(Map.of(
                TableLayout.PK, s(directory),
                TableLayout.SK, s(day))));
        knownDays.add(directory + "#" + day);
    }

    /** The key of article {@code id}'s item. */
    public static Map<String, AttributeValue> articleKey(String id) {
        return Map.of(TableLayout.PK, s(TableLayout.articlePk(id)), TableLayout.SK, s(TableLayout.ARTICLE_SK));
    }

    /** The instant an article sorts by: its publication time when known and complete, else ingest time. */
    static String sortInstant(ArticleRecord record) {
        ArticleMetadata metadata = record.metadata();
        if (metadata != null && metadata.publishedAt() != null) {
            Optional<Instant> published = parseInstant(metadata.publishedAt());
            if (published.isPresent()) {
                return TableLayout.sortableInstant(published.get());
            }
        }
        return record.ingestedAt();
    }

    private static Optional<Instant> parseInstant(String value) {
        try {
            if (value.length() == 10) {
                return Optional.of(java.time.LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant());
            }
            if (value.length() == 16 || value.length() == 19) {
                return Optional.of(java.time.LocalDateTime.parse(value).toInstant(ZoneOffset.UTC));
            }
            return Optional.of(java.time.OffsetDateTime.parse(value).toInstant());
        } catch (DateTimeParseException partialOrUnknown) {
            return Optional.empty();
        }
    }

    /**
     * The key a visible article's publisher is listed and counted under ({@link SearchTerms#sourceKey}),
     * or {@code null} when it has none.
     */
    static String sourceKeyOf(ArticleRecord record) {
        if (!record.isVisible() || record.metadata().source() == null) {
            return null;
        }
        String key = SearchTerms.sourceKey(record.metadata().source());
        return key.isEmpty() ? null : key;
    }

    static String dayOf(String instant) {
        return instant.substring(0, 10);
    }

    Map<String, AttributeValue> toItem(ArticleRecord record) {
        Map<String, AttributeValue> item = new LinkedHashMap<>(articleKey(record.id()));
        item.put("id", s(record.id()));
        item.put("bucket", s(record.bucket()));
        item.put("key", s(record.key()));
        item.put("status", s(record.status().name()));
        putIfPresent(item, "reason", record.reason());
        putIfPresent(item, "reasonDetail", record.reasonDetail());
        item.put("ingestedAt", s(record.ingestedAt()));
        if (record.size() != null) {
            item.put("size", n(record.size()));
        }
        putIfPresent(item, "eTag", record.eTag());
        putIfPresent(item, "versionId", record.versionId());
        item.put("sequencer", s(record.sequencer()));
        putIfPresent(item, "textKey", record.textKey());
        putIfPresent(item, "documentKey", record.documentKey());
        ArticleMetadata m = record.metadata();
        if (m != null) {
            putIfPresent(item, "title", m.title());
            putIfPresent(item, "subtitle", m.subtitle());
            putIfPresent(item, "source", m.source());
            putIfPresent(item, "sourceUrl", m.sourceUrl());
            putIfPresent(item, "agency", m.agency());
            putIfPresent(item, "dateline", m.dateline());
            putIfPresent(item, "publishedAt", m.publishedAt());
            putIfPresent(item, "language", m.language());
            putIfPresent(item, "encoding", m.encoding());
            putIfPresent(item, "format", m.format());
            item.put("wordCount", n(m.wordCount()));
            item.put("paragraphCount", n(m.paragraphCount()));
            item.put("charCount", n(m.charCount()));
            item.put("readingMinutes", n(m.readingMinutes()));
            putIfPresent(item, "contentHash", m.contentHash());
            putIfPresent(item, "fingerprint", m.fingerprint());
            putIfPresent(item, DUPLICATE_OF, m.duplicateOf());
        }
        if (record.isVisible()) {
            // Listing keys only on visible articles (and rejected ones, below, under partitions of their
            // own): the indexes are sparse, so deleted items never appear in a listing and cost no index writes.
            String position = positionOf(record);
            item.put(TableLayout.BY_DATE_PK, s(TableLayout.datePk(dayOf(position), TableLayout.shardOf(record.id(), TableLayout.DATE_SHARDS))));
            item.put(TableLayout.BY_DATE_SK, s(position));
            String sourceKey = sourceKeyOf(record);
            if (sourceKey != null) {
                item.put(TableLayout.BY_SOURCE_PK, s(TableLayout.sourcePk(sourceKey,
                        TableLayout.shardOf(record.id(), TableLayout.SOURCE_SHARDS))));
                item.put(TableLayout.BY_SOURCE_SK, s(position));
            }
            if (m.contentHash() != null) {
                item.put(TableLayout.BY_HASH_PK, s(m.contentHash()));
                item.put(TableLayout.BY_HASH_SK, s(record.ingestedAt() + "#" + record.id()));
            }
        }
        if (record.status() == ArticleStatus.REJECTED) {
            // The rejected listing: the date index under partitions of its own, by ingest time.
            item.put(TableLayout.BY_DATE_PK, s(TableLayout.rejectedPk(dayOf(record.ingestedAt()),
                    TableLayout.shardOf(record.id(), TableLayout.DATE_SHARDS))));
            item.put(TableLayout.BY_DATE_SK, s(TableLayout.sortKey(record.ingestedAt(), record.id())));
        }
        if (record.status() == ArticleStatus.DELETED) {
            item.put("expiresAt", n(Instant.parse(record.ingestedAt()).getEpochSecond() + TOMBSTONE_TTL_SECONDS));
        }
        return item;
    }

    static ArticleRecord fromItem(Map<String, AttributeValue> item) {
        ArticleStatus status = ArticleStatus.valueOf(text(item, "status"));
        ArticleMetadata metadata = status != ArticleStatus.OK ? null : new ArticleMetadata(
                text(item, "title"), text(item, "subtitle"), text(item, "source"), text(item, "sourceUrl"),
                text(item, "agency"), text(item, "dateline"), text(item, "publishedAt"), text(item, "language"),
                text(item, "encoding"), text(item, "format"), number(item, "wordCount"), number(item, "paragraphCount"),
                number(item, "charCount"), number(item, "readingMinutes"), text(item, "contentHash"),
                text(item, "fingerprint"), text(item, DUPLICATE_OF));
        AttributeValue size = item.get("size");
        return new ArticleRecord(text(item, "id"), text(item, "bucket"), text(item, "key"), status,
                text(item, "reason"), text(item, "reasonDetail"), metadata, text(item, "ingestedAt"),
                size == null ? null : Long.parseLong(size.n()), text(item, "eTag"), text(item, "versionId"),
                text(item, "sequencer"), text(item, "textKey"), text(item, "documentKey"));
    }

    private static void putIfPresent(Map<String, AttributeValue> item, String name, String value) {
        if (value != null) {
            item.put(name, s(value));
        }
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    private static int number(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? 0 : Integer.parseInt(value.n());
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
