package org.articlepipeline.store;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * How many visible articles each publisher has: sharded counters, owned by this class.
 *
 * <p>Layout. Item {@code pk = SC#<shard>}, {@code sk = <sourceKey>} ({@link SearchTerms#sourceKey}) with
 * {@code name} (the publisher's name as last seen) and {@code count} (a number changed only by
 * {@code ADD}). The shard ({@value #SHARDS} of them) comes from the article id, so one busy publisher's
 * updates spread over all shards, an article's +1 and its later -1 meet in the same item, and no key is
 * written by every ingest. A reader sums a source over all shards.
 *
 * <p>Cost. At most two single-item updates per ingest, and none when the publisher did not change.
 */
public final class SourceCounts {

    static final int SHARDS = 16;

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public SourceCounts(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    /**
     * One publisher.
     *
     * @param key   its URL-safe key, what {@code GET /articles?source=} accepts
     * @param name  its name as the articles give it
     * @param count its visible articles
     */
    public record Source(String key, String name, long count) {
    }

    /** Moves the article's count from the publisher it was listed under to the one it is listed under now. */
    void replace(String id, ArticleRecord previous, ArticleRecord current) {
        String before = previous == null ? null : ArticleRepository.sourceKeyOf(previous);
        String after = current == null ? null : ArticleRepository.sourceKeyOf(current);
        if (Objects.equals(before, after)) {
            return;
        }
        if (before != null) {
            add(id, before, previous.metadata().source(), -1);
        }
        if (after != null) {
            add(id, after, current.metadata().source(), +1);
        }
    }

    private void add(String id, String sourceKey, String name, int delta) {
        dynamoDb.updateItem(b -> b.tableName(tableName)
                .key(Map.of(TableLayout.PK, AttributeValue.fromS(pk(TableLayout.shardOf(id, SHARDS))),
                        TableLayout.SK, AttributeValue.fromS(sourceKey)))
                .updateExpression("ADD #count :delta SET #name = :name")
                .expressionAttributeNames(Map.of("#count", "count", "#name", "name"))
                .expressionAttributeValues(Map.of(":delta", AttributeValue.fromN(Integer.toString(delta)),
                        ":name", AttributeValue.fromS(name))));
    }

    /** Every publisher with at least one visible article, most articles first, then by key. */
    public List<Source> all() {
        Map<String, long[]> counts = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        for (int shard = 0; shard < SHARDS; shard++) {
            Map<String, AttributeValue> start = null;
            do {
                QueryResponse response = dynamoDb.query(QueryRequest.builder().tableName(tableName)
                        .keyConditionExpression("pk = :pk")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk(shard))))
                        .exclusiveStartKey(start)
                        .build());
                for (Map<String, AttributeValue> item : response.items()) {
                    String key = item.get(TableLayout.SK).s();
                    counts.computeIfAbsent(key, k -> new long[1])[0] += Long.parseLong(item.get("count").n());
                    names.putIfAbsent(key, item.get("name").s());
                }
                start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                        ? response.lastEvaluatedKey() : null;
            } while (start != null);
        }
        List<Source> sources = new ArrayList<>();
        counts.forEach((key, count) -> {
            if (count[0] > 0) {
                sources.add(new Source(key, names.get(key), count[0]));
            }
        });
        sources.sort(Comparator.comparingLong(Source::count).reversed().thenComparing(Source::key));
        return sources;
    }

    /** The key {@code GET /articles?source=} looks a publisher up by: its name in matching form. */
    public static String keyOf(String name) {
        return SearchTerms.sourceKey(name);
    }

    static String pk(int shard) {
        return "SC#" + shard;
    }
}
