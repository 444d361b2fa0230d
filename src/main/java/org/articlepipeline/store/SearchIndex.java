package org.articlepipeline.store;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The full-text search index: owns the posting items and the {@code searchTerms} attribute of articles.
 *
 * <p>Layout. A posting is an item {@code pk = W#<term>#<shard>}, {@code sk = <rank>#<id>} with attributes
 * {@code id} and {@code score}; {@code shard} is the article's shard of {@value #SHARDS}
 * ({@link TableLayout#shardOf}), {@code rank} is {@code 9999 - score} zero-padded, so a term's partition
 * reads best-first. Terms are in matching form ({@link SearchTerms}). The article item carries
 * {@code searchTerms}, a string set of {@code <term>#<score>}, which names every posting it owns.
 *
 * <p>Cost. An article is indexed under at most {@value #MAX_TITLE_TERMS} distinct title words plus its
 * most frequent body words up to {@value #MAX_TERMS} terms in all: at most {@value #MAX_TERMS} posting
 * puts (about 60 bytes each, 1 WCU) in {@code ceil(n/25)} BatchWriteItem calls, plus on a replace or delete
 * one delete per posting the previous version had that the new one has not.
 *
 * <p>Reads. A query reads, for each of its words, the best {@value #POSTINGS_READ_PER_SHARD} postings of
 * each shard, keeps the ids every word has, and orders them by summed score, then id. A word shared by more
 * articles than that is matched among its best-scored articles only.
 */
public final class SearchIndex {

    static final int SHARDS = 4;
    static final int MAX_TITLE_TERMS = 16;
    static final int MAX_TERMS = 64;
    /** How many words one query may have: each costs {@value #SHARDS} queries. */
    public static final int MAX_QUERY_TERMS = 8;
    static final int POSTINGS_READ_PER_SHARD = 1000;
    static final int TITLE_WEIGHT = 8;
    static final int MAX_SCORE = 9999;
    static final String TERMS_ATTRIBUTE = "searchTerms";
    private static final int BATCH = 25;

    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final ArticleRepository repository;
    private final Executor queries;
    private final BatchRetry retry;

    /** An index that reads posting partitions one after the other (ingest, which only writes). */
    public SearchIndex(DynamoDbClient dynamoDb, String tableName, ArticleRepository repository) {
        this(dynamoDb, tableName, repository, Runnable::run);
    }

    /**
     * @param queries runs a search's posting queries ({@code words × shards} of them) side by side, so a
     *                search waits for about one query round trip rather than for all of them in turn
     */
    public SearchIndex(DynamoDbClient dynamoDb, String tableName, ArticleRepository repository, Executor queries) {
        this(dynamoDb, tableName, repository, queries, BatchRetry.standard());
    }

    /** @param retry sends again what a batch write left unprocessed (a throttled table) */
    public SearchIndex(DynamoDbClient dynamoDb, String tableName, ArticleRepository repository, Executor queries,
                       BatchRetry retry) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.repository = repository;
        this.queries = queries;
        this.retry = retry;
    }

    /** One term of one article: the posting's key and its score. */
    record Posting(String term, int score) {

        String encoded() {
            return term + "#" + score;
        }

        static Posting decode(String encoded) {
            int hash = encoded.lastIndexOf('#');
            return new Posting(encoded.substring(0, hash), Integer.parseInt(encoded.substring(hash + 1)));
        }

        Map<String, AttributeValue> key(String id) {
            return Map.of(TableLayout.PK, AttributeValue.fromS(TableLayout.termPk(term, TableLayout.shardOf(id, SHARDS))),
                    TableLayout.SK, AttributeValue.fromS(rank(score) + "#" + id));
        }
    }

    /** The distinct words of a query in matching form, stop words dropped, in the order typed. */
    public static List<String> queryTerms(String query) {
        return List.copyOf(new LinkedHashSet<>(SearchTerms.words(query)));
    }

    /**
     * The postings an article gets: its distinct title words (weighted), then its most frequent body
     * words, at most {@value #MAX_TERMS}.
     */
    static List<Posting> postingsOf(String title, String body) {
        Map<String, Integer> titleCounts = counts(title == null ? List.of() : SearchTerms.words(title));
        Map<String, Integer> bodyCounts = counts(body == null ? List.of() : SearchTerms.words(body));
        Map<String, Integer> scores = new LinkedHashMap<>();
        for (String term : titleCounts.keySet()) {
            if (scores.size() == MAX_TITLE_TERMS) {
                break;
            }
            scores.put(term, titleCounts.get(term) * TITLE_WEIGHT + bodyCounts.getOrDefault(term, 0));
        }
        List<Map.Entry<String, Integer>> frequent = new ArrayList<>(bodyCounts.entrySet());
        // Stable sort: equally frequent words keep their first-occurrence order.
        frequent.sort(Map.Entry.<String, Integer>comparingByValue().reversed());
        for (Map.Entry<String, Integer> entry : frequent) {
            if (scores.size() == MAX_TERMS) {
                break;
            }
            scores.putIfAbsent(entry.getKey(), entry.getValue());
        }
        List<Posting> postings = new ArrayList<>();
        scores.forEach((term, score) -> postings.add(new Posting(term, Math.min(MAX_SCORE, score))));
        return postings;
    }

    /** What an article item carries so a later write knows its postings. */
    static Map<String, AttributeValue> itemAttributes(List<Posting> postings) {
        if (postings.isEmpty()) {
            return Map.of();
        }
        return Map.of(TERMS_ATTRIBUTE, AttributeValue.fromSs(postings.stream().map(Posting::encoded).toList()));
    }

    /** The postings a stored item says it owns. */
    static List<Posting> postingsOf(StoredItem item) {
        AttributeValue terms = item.attributes().get(TERMS_ATTRIBUTE);
        if (terms == null || !terms.hasSs()) {
            return List.of();
        }
        return terms.ss().stream().map(Posting::decode).toList();
    }

    /**
     * Makes the index say exactly what {@code postings} say for article {@code id}: writes all of them
     * (a redelivered event so repairs a write that failed half-way) and deletes those {@code previous}
     * had that are no longer wanted.
     */
    void replace(String id, List<Posting> previous, List<Posting> postings) {
        List<WriteRequest> writes = new ArrayList<>();
        Set<Posting> wanted = new HashSet<>(postings);
        for (Posting old : previous) {
            if (!wanted.contains(old)) {
                writes.add(WriteRequest.builder().deleteRequest(DeleteRequest.builder().key(old.key(id)).build()).build());
            }
        }
        for (Posting posting : postings) {
            Map<String, AttributeValue> item = new HashMap<>(posting.key(id));
            item.put("id", AttributeValue.fromS(id));
            item.put("score", AttributeValue.fromN(Integer.toString(posting.score())));
            writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
        }
        for (int from = 0; from < writes.size(); from += BATCH) {
            write(writes.subList(from, Math.min(writes.size(), from + BATCH)));
        }
    }

    private void write(List<WriteRequest> batch) {
        retry.untilDone("posting writes", Map.of(tableName, batch),
                pending -> dynamoDb.batchWriteItem(b -> b.requestItems(pending)).unprocessedItems());
    }

    /**
     * The articles matching every one of {@code terms}, best first, strictly after {@code after} in that
     * order ({@code null} for the first page).
     */
    public ArticlePage search(List<String> terms, int limit, String after) {
        List<List<CompletableFuture<Map<String, Integer>>>> reads = new ArrayList<>();
        for (String term : terms) {
            List<CompletableFuture<Map<String, Integer>>> shards = new ArrayList<>();
            for (int shard = 0; shard < SHARDS; shard++) {
                int partition = shard;
                shards.add(CompletableFuture.supplyAsync(() -> postings(term, partition), queries));
            }
            reads.add(shards);
        }
        Map<String, int[]> matches = null;
        for (List<CompletableFuture<Map<String, Integer>>> shards : reads) {
            Map<String, Integer> found = new HashMap<>();
            for (CompletableFuture<Map<String, Integer>> shard : shards) {
                found.putAll(join(shard));
            }
            if (matches == null) {
                matches = new HashMap<>();
                for (Map.Entry<String, Integer> entry : found.entrySet()) {
                    matches.put(entry.getKey(), new int[] {entry.getValue()});
                }
            } else {
                Map<String, int[]> both = new HashMap<>();
                for (Map.Entry<String, Integer> entry : found.entrySet()) {
                    int[] sofar = matches.get(entry.getKey());
                    if (sofar != null) {
                        both.put(entry.getKey(), new int[] {sofar[0] + entry.getValue()});
                    }
                }
                matches = both;
            }
        }
        record Hit(String position, String id) {
        }
        List<Hit> hits = new ArrayList<>();
        if (matches != null) {
            matches.forEach((id, score) -> hits.add(new Hit(rank(score[0], 6) + "#" + id, id)));
        }
        hits.sort(Comparator.comparing(Hit::position));
        List<Hit> page = hits.stream().filter(hit -> after == null || hit.position().compareTo(after) > 0)
                .limit(limit + 1L).toList();
        List<Hit> shown = page.subList(0, Math.min(limit, page.size()));
        Set<String> required = Set.copyOf(terms);
        // A posting can outlive its article's rewrite when two events for one key race; the item's own
        // term list is the truth, so a hit whose item no longer has every word is dropped.
        List<ArticleRecord> records = repository.load(shown.stream().map(Hit::id).toList(),
                item -> termsOf(item).containsAll(required));
        return new ArticlePage(records, page.size() > limit ? shown.get(limit - 1).position() : null);
    }

    private static Set<String> termsOf(Map<String, AttributeValue> item) {
        Set<String> terms = new HashSet<>();
        for (Posting posting : postingsOf(new StoredItem(item))) {
            terms.add(posting.term());
        }
        return terms;
    }

    /** Article id to score for one term in one shard: its best {@value #POSTINGS_READ_PER_SHARD}. */
    private Map<String, Integer> postings(String term, int shard) {
        Map<String, Integer> found = new HashMap<>();
        Map<String, AttributeValue> start = null;
        int read = 0;
        do {
            QueryResponse response = dynamoDb.query(QueryRequest.builder().tableName(tableName)
                    .keyConditionExpression("pk = :pk")
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(TableLayout.termPk(term, shard))))
                    .projectionExpression("id, score")
                    .limit(POSTINGS_READ_PER_SHARD - read)
                    .exclusiveStartKey(start)
                    .build());
            for (Map<String, AttributeValue> item : response.items()) {
                found.put(item.get("id").s(), Integer.parseInt(item.get("score").n()));
            }
            read += response.count();
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (start != null && read < POSTINGS_READ_PER_SHARD);
        return found;
    }

    /** The result of a parallel read; its failure surfaces as the read's own exception. */
    static <T> T join(CompletableFuture<T> read) {
        try {
            return read.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private static String rank(int score) {
        return rank(score, 4);
    }

    /** Higher scores first in ascending text order: the complement, zero-padded to {@code digits}. */
    private static String rank(int score, int digits) {
        int max = (int) Math.pow(10, digits) - 1;
        return String.format("%0" + digits + "d", max - Math.min(max, score));
    }

    private static Map<String, Integer> counts(List<String> words) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String word : words) {
            counts.merge(word, 1, Integer::sum);
        }
        return counts;
    }
}
