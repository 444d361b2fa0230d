package org.articlepipeline.store;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

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
    /** Days this container already wrote to the day directory: one write per day, not per article. */
    private final Set<String> knownDays = ConcurrentHashMap.newKeySet();

    public ArticleRepository(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    /**
     * Writes {@code record} unless the table already holds state from a later event for the same key.
     *
     * <p>The write returns the item it replaced (DynamoDB's {@code ALL_OLD}), so callers can clean up after
     * the previous version without a read before the write.
     *
     * @return whether it was written, and the previous state if there was one
     */
    public Write applyIfNotStale(ArticleRecord record) {
        Map<String, AttributeValue> item = toItem(record);
        Map<String, AttributeValue> previous;
        try {
            previous = dynamoDb.putItem(PutItemRequest.builder()
                    .tableName(tableName)
                    .item(item)
                    // Equal sequencers are the same event delivered again: re-applying it converges.
                    .conditionExpression("attribute_not_exists(pk) OR sequencer <= :sequencer")
                    .expressionAttributeValues(Map.of(":sequencer", s(record.sequencer())))
                    .returnValues(ReturnValue.ALL_OLD)
                    .build()).attributes();
        } catch (ConditionalCheckFailedException stale) {
            return new Write(false, Optional.empty());
        }
        if (record.isVisible()) {
            registerDay(dayOf(sortInstant(record)));
        }
        return new Write(true, previous == null || previous.isEmpty() ? Optional.empty() : Optional.of(fromItem(previous)));
    }

    /**
     * Records that {@code id} has the same content as the earlier {@code firstId}, provided the item still
     * holds the state written for {@code sequencer}.
     */
    public void markDuplicateOf(String id, String firstId, String sequencer) {
        try {
            dynamoDb.updateItem(b -> b.tableName(tableName).key(articleKey(id))
                    .updateExpression("SET duplicateOf = :first")
                    .conditionExpression("sequencer = :sequencer")
                    .expressionAttributeValues(Map.of(":first", s(firstId), ":sequencer", s(sequencer))));
        } catch (ConditionalCheckFailedException replacedMeanwhile) {
            // a newer event owns the item now and records its own duplicates
        }
    }

    /**
     * The outcome of a conditional write.
     *
     * @param applied  false when a newer event had already been applied (nothing was written)
     * @param previous the state the write replaced, when it replaced one
     */
    public record Write(boolean applied, Optional<ArticleRecord> previous) {
    }

    /**
     * True when the item already holds state from an event later than {@code sequencer} (a consistent
     * read of one attribute). A cheap early exit only: the conditional write stays the guard.
     */
    public boolean holdsNewerThan(String id, String sequencer) {
        Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName(tableName).key(articleKey(id))
                .consistentRead(true).projectionExpression("sequencer")).item();
        return item != null && item.containsKey("sequencer") && item.get("sequencer").s().compareTo(sequencer) > 0;
    }

    /** The article stored under {@code id}, whatever its status. */
    public Optional<ArticleRecord> find(String id) {
        Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName(tableName)
                .key(articleKey(id))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    /**
     * Visible articles newest first (publication time, else ingest time), strictly after {@code after}
     * in that order ({@code null} for the first page).
     *
     * @param limit how many at most
     * @param after the {@link ArticleRecord} position ({@link #positionOf}) the previous page ended on
     */
    public List<ArticleRecord> newest(int limit, String after) {
        List<String> ids = new ArrayList<>();
        String afterDay = after == null ? null : after.substring(0, 10);
        Map<String, AttributeValue> startKey = null;
        do {
            QueryRequest.Builder days = QueryRequest.builder().tableName(tableName)
                    .scanIndexForward(false)
                    .limit(32)
                    .exclusiveStartKey(startKey);
            if (afterDay == null) {
                days.keyConditionExpression("pk = :pk")
                        .expressionAttributeValues(Map.of(":pk", s(TableLayout.DAY_DIRECTORY_PK)));
            } else {
                days.keyConditionExpression("pk = :pk AND sk <= :day")
                        .expressionAttributeValues(Map.of(":pk", s(TableLayout.DAY_DIRECTORY_PK), ":day", s(afterDay)));
            }
            QueryResponse dayPage = dynamoDb.query(days.build());
            for (Map<String, AttributeValue> dayItem : dayPage.items()) {
                collectDay(dayItem.get(TableLayout.SK).s(), limit - ids.size(), after, ids);
                if (ids.size() >= limit) {
                    return load(ids);
                }
            }
            startKey = dayPage.hasLastEvaluatedKey() && !dayPage.lastEvaluatedKey().isEmpty()
                    ? dayPage.lastEvaluatedKey() : null;
        } while (startKey != null);
        return load(ids);
    }

    /** The position of a record in the newest-first order: the date index's sort key. */
    public static String positionOf(ArticleRecord record) {
        return TableLayout.sortKey(sortInstant(record), record.id());
    }

    private void collectDay(String day, int wanted, String after, List<String> ids) {
        record Entry(String position, String id) {
        }
        List<Entry> merged = new ArrayList<>();
        for (int shard = 0; shard < TableLayout.DATE_SHARDS; shard++) {
            Map<String, AttributeValue> values = new HashMap<>();
            values.put(":pk", s(TableLayout.datePk(day, shard)));
            String condition = TableLayout.BY_DATE_PK + " = :pk";
            if (after != null && after.startsWith(day)) {
                condition += " AND " + TableLayout.BY_DATE_SK + " < :after";
                values.put(":after", s(after));
            }
            QueryResponse page = dynamoDb.query(QueryRequest.builder().tableName(tableName)
                    .indexName(TableLayout.BY_DATE_INDEX)
                    .keyConditionExpression(condition)
                    .expressionAttributeValues(values)
                    .scanIndexForward(false)
                    .limit(wanted)
                    .build());
            for (Map<String, AttributeValue> item : page.items()) {
                merged.add(new Entry(item.get(TableLayout.BY_DATE_SK).s(), item.get("id").s()));
            }
        }
        merged.sort(Comparator.comparing(Entry::position).reversed());
        for (Entry entry : merged.subList(0, Math.min(wanted, merged.size()))) {
            ids.add(entry.id());
        }
    }

    private List<ArticleRecord> load(List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<String, ArticleRecord> byId = new HashMap<>();
        for (int from = 0; from < ids.size(); from += 100) {
            List<Map<String, AttributeValue>> keys = new ArrayList<>();
            for (String id : ids.subList(from, Math.min(ids.size(), from + 100))) {
                keys.add(articleKey(id));
            }
            Map<String, KeysAndAttributes> request = new HashMap<>(
                    Map.of(tableName, KeysAndAttributes.builder().keys(keys).build()));
            while (!request.isEmpty()) {
                BatchGetItemResponse response = dynamoDb.batchGetItem(b -> b.requestItems(request));
                for (Map<String, AttributeValue> item : response.responses().getOrDefault(tableName, List.of())) {
                    ArticleRecord record = fromItem(item);
                    byId.put(record.id(), record);
                }
                request.clear();
                if (response.hasUnprocessedKeys()) {
                    request.putAll(response.unprocessedKeys());
                }
            }
        }
        List<ArticleRecord> ordered = new ArrayList<>();
        for (String id : ids) {
            ArticleRecord record = byId.get(id);
            // An article replaced or deleted between the index read and this read drops out of the page.
            if (record != null && record.isVisible()) {
                ordered.add(record);
            }
        }
        return ordered;
    }

    private void registerDay(String day) {
        if (knownDays.contains(day)) {
            return;
        }
        dynamoDb.putItem(b -> b.tableName(tableName).item(Map.of(
                TableLayout.PK, s(TableLayout.DAY_DIRECTORY_PK),
                TableLayout.SK, s(day))));
        knownDays.add(day);
    }

    static Map<String, AttributeValue> articleKey(String id) {
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

    private static String dayOf(String instant) {
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
            item.put("wordCount", n(m.wordCount()));
            item.put("paragraphCount", n(m.paragraphCount()));
            item.put("charCount", n(m.charCount()));
            item.put("readingMinutes", n(m.readingMinutes()));
            putIfPresent(item, "contentHash", m.contentHash());
            putIfPresent(item, "fingerprint", m.fingerprint());
            putIfPresent(item, "duplicateOf", m.duplicateOf());
        }
        if (record.isVisible()) {
            // Index keys only on visible articles: the indexes are sparse, so rejected and deleted items
            // never appear in a listing and cost no index writes.
            String position = positionOf(record);
            item.put(TableLayout.BY_DATE_PK, s(TableLayout.datePk(dayOf(position), TableLayout.shardOf(record.id(), TableLayout.DATE_SHARDS))));
            item.put(TableLayout.BY_DATE_SK, s(position));
            if (m.contentHash() != null) {
                item.put(TableLayout.BY_HASH_PK, s(m.contentHash()));
                item.put(TableLayout.BY_HASH_SK, s(record.ingestedAt() + "#" + record.id()));
            }
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
                text(item, "encoding"), number(item, "wordCount"), number(item, "paragraphCount"),
                number(item, "charCount"), number(item, "readingMinutes"), text(item, "contentHash"),
                text(item, "fingerprint"), text(item, "duplicateOf"));
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
