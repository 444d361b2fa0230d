package org.articlepipeline.store;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Newest-first listings of visible articles, optionally of one publisher, one language and a range of
 * days: reads the {@code byDate} index through the day directory, or the {@code bySource} index.
 *
 * <p>Both indexes sort by position ({@link TableLayout#sortKey}: publication time, else ingest time, then
 * id), and each is sharded, so a page merges the best of every shard. The language filter runs inside the
 * query (indexes project {@code language}), which pages on until the page is filled.
 */
public final class ArticleListing {

    /** Day directory entries read per request. */
    private static final int DAYS_PER_READ = 32;

    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final ArticleRepository repository;
    private final Executor queries;

    /** @param queries runs the shard queries of one page side by side */
    public ArticleListing(DynamoDbClient dynamoDb, String tableName, ArticleRepository repository, Executor queries) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.repository = repository;
        this.queries = queries;
    }

    /**
     * What to list; {@code null} fields do not filter.
     *
     * @param sourceKey a publisher's key ({@link SourceCounts#keyOf})
     * @param language  the article language exactly as stored, e.g. {@code ar}
     * @param from      first day (UTC) included
     * @param to        last day (UTC) included
     */
    public record Filter(String sourceKey, String language, LocalDate from, LocalDate to) {

        /** Everything, newest first. */
        public static final Filter NONE = new Filter(null, null, null, null);
    }

    private record Entry(String position, String id) {
    }

    /** One page: at most {@code limit} articles strictly after position {@code after} ({@code null}: from the top). */
    public ArticlePage page(Filter filter, int limit, String after) {
        List<Entry> entries = filter.sourceKey() != null
                ? bySource(filter, limit + 1, after)
                : byDay(TableLayout.DAY_DIRECTORY_PK, TableLayout::datePk, filter, limit + 1, after);
        return page(entries, limit, ArticleStatus.OK);
    }

    /**
     * One page of rejected uploads, newest first by ingest time, ingested on days {@code from} to
     * {@code to} ({@code null}: unbounded): the same day-directory walk over the date index as the
     * visible listing, under the rejected partitions ({@link TableLayout#rejectedPk}).
     */
    public ArticlePage rejected(LocalDate from, LocalDate to, int limit, String after) {
        List<Entry> entries = byDay(TableLayout.REJECTED_DAY_DIRECTORY_PK, TableLayout::rejectedPk,
                new Filter(null, null, from, to), limit + 1, after);
        return page(entries, limit, ArticleStatus.REJECTED);
    }

    private ArticlePage page(List<Entry> entries, int limit, ArticleStatus status) {
        List<Entry> shown = entries.subList(0, Math.min(limit, entries.size()));
        List<ArticleRecord> records = repository.load(shown.stream().map(Entry::id).toList(), item -> true, status);
        return new ArticlePage(records, entries.size() > limit ? shown.get(limit - 1).position() : null);
    }

    /**
     * Up to {@code wanted} entries newest first: the days of {@code directory} in the filter's range, each
     * read from its {@link TableLayout#DATE_SHARDS} partitions {@code partition(day, shard)} of the date index.
     */
    private List<Entry> byDay(String directory, BiFunction<String, Integer, String> partition, Filter filter,
                              int wanted, String after) {
        String lowDay = filter.from() == null ? "0000-00-00" : filter.from().toString();
        String highDay = filter.to() == null ? "9999-12-31" : filter.to().toString();
        if (after != null && after.substring(0, 10).compareTo(highDay) < 0) {
            highDay = after.substring(0, 10);
        }
        List<Entry> entries = new ArrayList<>();
        if (lowDay.compareTo(highDay) > 0) {
            return entries;
        }
        Map<String, AttributeValue> start = null;
        do {
            QueryResponse days = dynamoDb.query(QueryRequest.builder().tableName(tableName)
                    .keyConditionExpression("pk = :pk AND sk BETWEEN :low AND :high")
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(directory),
                            ":low", AttributeValue.fromS(lowDay), ":high", AttributeValue.fromS(highDay)))
                    .scanIndexForward(false)
                    .limit(DAYS_PER_READ)
                    .exclusiveStartKey(start)
                    .build());
            for (Map<String, AttributeValue> day : days.items()) {
                String partitionDay = day.get(TableLayout.SK).s();
                List<CompletableFuture<List<Entry>>> shards = new ArrayList<>();
                int missing = wanted - entries.size();
                String before = after != null && after.startsWith(partitionDay) ? after : null;
                for (int shard = 0; shard < TableLayout.DATE_SHARDS; shard++) {
                    String pk = partition.apply(partitionDay, shard);
                    shards.add(CompletableFuture.supplyAsync(() -> collect(TableLayout.BY_DATE_INDEX,
                            TableLayout.BY_DATE_PK, TableLayout.BY_DATE_SK, pk, null, null, before,
                            filter.language(), missing), queries));
                }
                List<Entry> merged = new ArrayList<>();
                shards.forEach(shard -> merged.addAll(SearchIndex.join(shard)));
                merged.sort(Comparator.comparing(Entry::position).reversed());
                entries.addAll(merged.subList(0, Math.min(wanted - entries.size(), merged.size())));
                if (entries.size() >= wanted) {
                    return entries;
                }
            }
            start = days.hasLastEvaluatedKey() && !days.lastEvaluatedKey().isEmpty() ? days.lastEvaluatedKey() : null;
        } while (start != null);
        return entries;
    }

    private List<Entry> bySource(Filter filter, int wanted, String after) {
        // Positions start with the day, so day bounds are text bounds: the first day's midnight is its
        // smallest position, and "~" sorts after every position of the last day.
        String low = filter.from() == null ? null : filter.from().toString();
        String high = filter.to() == null ? null : filter.to() + "~";
        List<CompletableFuture<List<Entry>>> shards = new ArrayList<>();
        for (int shard = 0; shard < TableLayout.SOURCE_SHARDS; shard++) {
            String pk = TableLayout.sourcePk(filter.sourceKey(), shard);
            shards.add(CompletableFuture.supplyAsync(() -> collect(TableLayout.BY_SOURCE_INDEX, TableLayout.BY_SOURCE_PK,
                    TableLayout.BY_SOURCE_SK, pk, low, high, after, filter.language(), wanted), queries));
        }
        List<Entry> merged = new ArrayList<>();
        shards.forEach(shard -> merged.addAll(SearchIndex.join(shard)));
        merged.sort(Comparator.comparing(Entry::position).reversed());
        return merged.subList(0, Math.min(wanted, merged.size()));
    }

    /**
     * Up to {@code wanted} entries of one index partition, newest first, with positions in
     * {@code [low, high]} and strictly before {@code before}, of {@code language} when given.
     */
    private List<Entry> collect(String index, String pkName, String skName, String pk, String low, String high,
                                String before, String language, int wanted) {
        List<Entry> entries = new ArrayList<>();
        if (wanted <= 0) {
            return entries;
        }
        Map<String, String> names = new HashMap<>(Map.of("#pk", pkName));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":pk", AttributeValue.fromS(pk)));
        String upper = high;
        if (before != null && (upper == null || before.compareTo(upper) < 0)) {
            upper = before;
        }
        String condition = "#pk = :pk";
        if (low != null || upper != null) {
            // DynamoDB refuses expression names an expression does not use.
            names.put("#sk", skName);
        }
        if (low != null && upper != null) {
            condition += " AND #sk BETWEEN :low AND :high";
            values.put(":low", AttributeValue.fromS(low));
            values.put(":high", AttributeValue.fromS(upper));
        } else if (low != null) {
            condition += " AND #sk >= :low";
            values.put(":low", AttributeValue.fromS(low));
        } else if (upper != null) {
            condition += " AND #sk <= :high";
            values.put(":high", AttributeValue.fromS(upper));
        }
        if (low != null && upper != null && low.compareTo(upper) > 0) {
            return entries;
        }
        String filterExpression = null;
        if (language != null) {
            names.put("#language", "language");
            values.put(":language", AttributeValue.fromS(language));
            filterExpression = "#language = :language";
        }
        Map<String, AttributeValue> start = null;
        do {
            QueryResponse response = dynamoDb.query(QueryRequest.builder().tableName(tableName)
                    .indexName(index)
                    .keyConditionExpression(condition)
                    .filterExpression(filterExpression)
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values)
                    .scanIndexForward(false)
                    // Without a filter exactly what is missing; with one, read ahead, since some are dropped.
                    .limit(language == null ? wanted - entries.size() + 1 : Math.max(100, wanted))
                    .exclusiveStartKey(start)
                    .build());
            for (Map<String, AttributeValue> item : response.items()) {
                String position = item.get(skName).s();
                // The bound is inclusive in the key condition; the cursor's own entry was on the last page.
                if (before != null && position.compareTo(before) >= 0) {
                    continue;
                }
                entries.add(new Entry(position, item.get("id").s()));
                if (entries.size() == wanted) {
                    return entries;
                }
            }
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (start != null);
        return entries;
    }
}
