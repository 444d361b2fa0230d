package org.articlepipeline.store;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ExecutionException;
import org.articlepipeline.normalize.Fingerprint;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Rebuilds everything the index step derives from article items (search postings, publisher counts,
 * content-hash claims and {@code duplicateOf}, band items, near-duplicate relations, the day directory) to
 * exactly what the items say now, whatever happened to the stream that normally keeps them in step.
 *
 * <p>It reads the whole table once, computes every derived item the visible articles call for, and writes
 * only the difference: items missing or different are put, items nothing calls for are deleted. Counts are
 * therefore set to the number of articles, never incremented, and a second run finds nothing to change.
 * Relations follow the index step's rule (a shared band, similarity at least the threshold, each article's
 * {@value DuplicateIndex#MAX_RELATIONS} most similar, stored on both sides), computed over all articles at
 * once rather than over the 100 candidates a single stream record reads. The day directory only grows.
 *
 * <p>Memory: every visible article's fingerprint and terms (about 2 KB each) are held at once.
 */
public final class IndexRebuild {

    /** What a rebuild changed, per derived structure: items written and items deleted. */
    public record Repair(String structure, int written, int deleted) {
    }

    private static final int BATCH = 25;

    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final BatchRetry retry;

    /** A rebuild whose batch writes retry what a throttled table leaves unprocessed as every batch call does. */
    public IndexRebuild(DynamoDbClient dynamoDb, String tableName) {
        this(dynamoDb, tableName, BatchRetry.standard());
    }

    public IndexRebuild(DynamoDbClient dynamoDb, String tableName, BatchRetry retry) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.retry = retry;
    }

    /**
     * Compares and, unless {@code dryRun}, repairs; {@code concurrency} batch writes run side by side.
     *
     * @return one repair line per structure, in a fixed order
     */
    public List<Repair> rebuild(int concurrency, boolean dryRun) throws InterruptedException {
        Scanned table = scan();
        List<ArticleRecord> visible = new ArrayList<>();
        for (Map<String, AttributeValue> item : table.articles) {
            ArticleRecord record = ArticleRepository.fromItem(item);
            if (record.isVisible()) {
                visible.add(record);
            }
        }
        Map<String, Map<String, AttributeValue>> itemsById = new HashMap<>();
        for (Map<String, AttributeValue> item : table.articles) {
            itemsById.put(item.get("id").s(), item);
        }
        Map<String, String> claimants = claimants(visible, table.existing("claims"));
        List<Repair> repairs = new ArrayList<>();
        List<WriteRequest> writes = new ArrayList<>();
        repairs.add(diff("search postings", table.existing("postings"), postings(visible, itemsById), true, writes));
        repairs.add(diff("publisher counts", table.existing("counts"), counts(visible, table.existing("counts")), true,
                writes));
        repairs.add(diff("content-hash claims", table.existing("claims"), claims(claimants), true, writes));
        repairs.add(diff("band items", table.existing("bands"), bands(visible), true, writes));
        repairs.add(diff("near-duplicate relations", table.existing("relations"), relations(visible), true, writes));
        repairs.add(diff("day directory", table.existing("days"), days(visible), false, writes));
        List<ArticleRecord> wrongDuplicateOf = wrongDuplicateOf(visible, claimants);
        repairs.add(new Repair("duplicateOf on article items", wrongDuplicateOf.size(), 0));
        if (!dryRun) {
            write(writes, concurrency);
            for (ArticleRecord article : wrongDuplicateOf) {
                setDuplicateOf(article, claimants.get(article.metadata().contentHash()));
            }
        }
        return repairs;
    }

    /** Every item of the table, sorted into article items and the derived structures by their keys. */
    private Scanned scan() {
        Scanned scanned = new Scanned();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            ScanResponse page = dynamoDb.scan(b -> b.tableName(tableName).exclusiveStartKey(from));
            for (Map<String, AttributeValue> item : page.items()) {
                scanned.add(item);
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return scanned;
    }

    private static Map<List<String>, Map<String, AttributeValue>> postings(
            List<ArticleRecord> visible, Map<String, Map<String, AttributeValue>> items) {
        Map<List<String>, Map<String, AttributeValue>> wanted = new HashMap<>();
        for (ArticleRecord article : visible) {
            for (SearchIndex.Posting posting : SearchIndex.postingsOf(StoredItem.of(items.get(article.id())))) {
                Map<String, AttributeValue> item = new HashMap<>(posting.key(article.id()));
                item.put("id", s(article.id()));
                item.put("score", n(posting.score()));
                wanted.put(keyOf(item), item);
            }
        }
        return wanted;
    }

    /**
     * One counter per shard and publisher, set to its number of visible articles; the name kept is the
     * stored one when an article still spells it so, else the first spelling met.
     */
    private static Map<List<String>, Map<String, AttributeValue>> counts(
            List<ArticleRecord> visible, Map<List<String>, Map<String, AttributeValue>> existing) {
        Map<List<String>, Map<String, AttributeValue>> wanted = new HashMap<>();
        Map<List<String>, Set<String>> spellings = new HashMap<>();
        for (ArticleRecord article : visible) {
            String sourceKey = ArticleRepository.sourceKeyOf(article);
            if (sourceKey == null) {
                continue;
            }
            String pk = SourceCounts.pk(TableLayout.shardOf(article.id(), SourceCounts.SHARDS));
            List<String> key = List.of(pk, sourceKey);
            Map<String, AttributeValue> item = wanted.computeIfAbsent(key, k -> new HashMap<>(Map.of(
                    TableLayout.PK, s(pk), TableLayout.SK, s(sourceKey), "count", n(0),
                    "name", s(article.metadata().source()))));
            item.put("count", n(Long.parseLong(item.get("count").n()) + 1));
            spellings.computeIfAbsent(key, k -> new TreeSet<>()).add(article.metadata().source());
        }
        wanted.forEach((key, item) -> {
            Map<String, AttributeValue> stored = existing.get(key);
            if (stored != null && stored.containsKey("name") && spellings.get(key).contains(stored.get("name").s())) {
                item.put("name", stored.get("name"));
            }
        });
        return wanted;
    }

    /**
     * Which article owns each content hash: the claimant recorded, if it still has that content, else the
     * oldest article with it (the {@code byHash} order), as the first to be indexed would have claimed it.
     */
    private static Map<String, String> claimants(List<ArticleRecord> visible,
                                                 Map<List<String>, Map<String, AttributeValue>> claims) {
        Map<String, List<ArticleRecord>> byHash = new HashMap<>();
        for (ArticleRecord article : visible) {
            if (article.metadata().contentHash() != null) {
                byHash.computeIfAbsent(article.metadata().contentHash(), h -> new ArrayList<>()).add(article);
            }
        }
        Map<String, String> claimants = new HashMap<>();
        byHash.forEach((hash, articles) -> {
            Map<String, AttributeValue> claim = claims.get(List.of(TableLayout.contentHashClaimPk(hash), TableLayout.ARTICLE_SK));
            String recorded = claim == null || !claim.containsKey("id") ? null : claim.get("id").s();
            boolean recordedHolds = articles.stream().anyMatch(a -> a.id().equals(recorded));
            claimants.put(hash, recordedHolds ? recorded : articles.stream()
                    .min(Comparator.comparing((ArticleRecord a) -> a.ingestedAt() + "#" + a.id()))
                    .orElseThrow().id());
        });
        return claimants;
    }

    private static Map<List<String>, Map<String, AttributeValue>> claims(Map<String, String> claimants) {
        Map<List<String>, Map<String, AttributeValue>> wanted = new HashMap<>();
        claimants.forEach((hash, id) -> {
            Map<String, AttributeValue> item = Map.of(TableLayout.PK, s(TableLayout.contentHashClaimPk(hash)),
                    TableLayout.SK, s(TableLayout.ARTICLE_SK), "id", s(id));
            wanted.put(keyOf(item), item);
        });
        return wanted;
    }

    private static Map<List<String>, Map<String, AttributeValue>> bands(List<ArticleRecord> visible) {
        Map<List<String>, Map<String, AttributeValue>> wanted = new HashMap<>();
        for (ArticleRecord article : visible) {
            DuplicateIndex.decode(article.metadata().fingerprint()).ifPresent(fingerprint -> {
                for (String band : DuplicateIndex.bandKeys(fingerprint)) {
                    Map<String, AttributeValue> item = Map.of(TableLayout.PK, s(band), TableLayout.SK, s(article.id()),
                            "id", s(article.id()));
                    wanted.put(keyOf(item), item);
                }
            });
        }
        return wanted;
    }

    private static Map<List<String>, Map<String, AttributeValue>> relations(List<ArticleRecord> visible) {
        Map<String, Fingerprint> fingerprints = new HashMap<>();
        Map<String, List<String>> byBand = new HashMap<>();
        for (ArticleRecord article : visible) {
            DuplicateIndex.decode(article.metadata().fingerprint()).ifPresent(fingerprint -> {
                fingerprints.put(article.id(), fingerprint);
                for (String band : DuplicateIndex.bandKeys(fingerprint)) {
                    byBand.computeIfAbsent(band, b -> new ArrayList<>()).add(article.id());
                }
            });
        }
        Map<String, Set<String>> candidates = new HashMap<>();
        for (List<String> sharing : byBand.values()) {
            for (String a : sharing) {
                for (String b : sharing) {
                    if (!a.equals(b)) {
                        candidates.computeIfAbsent(a, k -> new TreeSet<>()).add(b);
                    }
                }
            }
        }
        Map<List<String>, Map<String, AttributeValue>> wanted = new HashMap<>();
        candidates.forEach((id, others) -> {
            Fingerprint mine = fingerprints.get(id);
            List<NearDuplicate> found = new ArrayList<>();
            for (String other : others) {
                Fingerprint theirs = fingerprints.get(other);
                if (theirs.size() == mine.size()) {
                    double similarity = mine.similarity(theirs);
                    if (similarity >= DuplicateIndex.THRESHOLD) {
                        found.add(new NearDuplicate(other, Math.round(similarity * 1000) / 1000.0));
                    }
                }
            }
            found.sort(Comparator.comparingDouble(NearDuplicate::similarity).reversed().thenComparing(NearDuplicate::id));
            for (NearDuplicate duplicate : found.subList(0, Math.min(found.size(), DuplicateIndex.MAX_RELATIONS))) {
                for (Map<String, AttributeValue> item : List.of(relation(id, duplicate), relation(duplicate.id(),
                        new NearDuplicate(id, duplicate.similarity())))) {
                    wanted.put(keyOf(item), item);
                }
            }
        });
        return wanted;
    }

    private static Map<String, AttributeValue> relation(String id, NearDuplicate other) {
        return Map.of(TableLayout.PK, s(TableLayout.articlePk(id)),
                TableLayout.SK, s(TableLayout.NEAR_DUPLICATE_SK_PREFIX + other.id()),
                "id", s(other.id()), "similarity", AttributeValue.fromN(Double.toString(other.similarity())));
    }

    private static Map<List<String>, Map<String, AttributeValue>> days(List<ArticleRecord> visible) {
        Map<List<String>, Map<String, AttributeValue>> wanted = new HashMap<>();
        for (ArticleRecord article : visible) {
            String day = ArticleRepository.dayOf(ArticleRepository.sortInstant(article));
            wanted.put(List.of(TableLayout.DAY_DIRECTORY_PK, day), Map.of(TableLayout.PK, s(TableLayout.DAY_DIRECTORY_PK),
                    TableLayout.SK, s(day)));
        }
        return wanted;
    }

    private static List<ArticleRecord> wrongDuplicateOf(List<ArticleRecord> visible, Map<String, String> claimants) {
        List<ArticleRecord> wrong = new ArrayList<>();
        for (ArticleRecord article : visible) {
            String hash = article.metadata().contentHash();
            String claimant = hash == null ? null : claimants.get(hash);
            String wanted = claimant == null || claimant.equals(article.id()) ? null : claimant;
            if (!Objects.equals(wanted, article.metadata().duplicateOf())) {
                wrong.add(article);
            }
        }
        return wrong;
    }

    /** Sets or removes {@code duplicateOf}, unless a newer event replaced the article meanwhile. */
    private void setDuplicateOf(ArticleRecord article, String claimant) {
        boolean remove = claimant == null || claimant.equals(article.id());
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":sequencer", s(article.sequencer())));
        if (!remove) {
            values.put(":first", s(claimant));
        }
        try {
            dynamoDb.updateItem(b -> b.tableName(tableName).key(ArticleRepository.articleKey(article.id()))
                    .updateExpression(remove ? "REMOVE " + ArticleRepository.DUPLICATE_OF
                            : "SET " + ArticleRepository.DUPLICATE_OF + " = :first")
                    .conditionExpression("sequencer = :sequencer")
                    .expressionAttributeValues(values));
        } catch (ConditionalCheckFailedException replacedMeanwhile) {
            // the newer state's own stream record indexes it
        }
    }

    /**
     * Adds to {@code writes} what makes {@code existing} equal {@code wanted}; deletes only when
     * {@code deleteUnwanted}.
     */
    private static Repair diff(String structure, Map<List<String>, Map<String, AttributeValue>> existing,
                               Map<List<String>, Map<String, AttributeValue>> wanted, boolean deleteUnwanted,
                               List<WriteRequest> writes) {
        int written = 0;
        int deleted = 0;
        for (Map.Entry<List<String>, Map<String, AttributeValue>> item : wanted.entrySet()) {
            if (!same(existing.get(item.getKey()), item.getValue())) {
                writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item.getValue()).build()).build());
                written++;
            }
        }
        if (deleteUnwanted) {
            for (List<String> key : existing.keySet()) {
                if (!wanted.containsKey(key)) {
                    writes.add(WriteRequest.builder().deleteRequest(DeleteRequest.builder()
                            .key(Map.of(TableLayout.PK, s(key.get(0)), TableLayout.SK, s(key.get(1)))).build()).build());
                    deleted++;
                }
            }
        }
        return new Repair(structure, written, deleted);
    }

    /** Equal attributes, numbers compared as numbers (DynamoDB may spell them differently). */
    private static boolean same(Map<String, AttributeValue> stored, Map<String, AttributeValue> wanted) {
        if (stored == null || !stored.keySet().equals(wanted.keySet())) {
            return false;
        }
        for (Map.Entry<String, AttributeValue> attribute : wanted.entrySet()) {
            AttributeValue a = stored.get(attribute.getKey());
            AttributeValue b = attribute.getValue();
            boolean equal = a.n() != null && b.n() != null
                    ? new BigDecimal(a.n()).compareTo(new BigDecimal(b.n())) == 0
                    : a.equals(b);
            if (!equal) {
                return false;
            }
        }
        return true;
    }

    private void write(List<WriteRequest> writes, int concurrency) throws InterruptedException {
        ExecutorService workers = Executors.newFixedThreadPool(Math.max(1, concurrency), runnable -> {
            Thread thread = new Thread(runnable, "index-rebuild");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int from = 0; from < writes.size(); from += BATCH) {
                List<WriteRequest> batch = writes.subList(from, Math.min(writes.size(), from + BATCH));
                running.add(workers.submit(() -> writeBatch(batch)));
            }
            for (Future<?> batch : running) {
                try {
                    batch.get();
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                }
            }
        } finally {
            workers.shutdownNow();
        }
    }

    private void writeBatch(List<WriteRequest> batch) {
        retry.untilDone("index writes", Map.of(tableName, batch),
                pending -> dynamoDb.batchWriteItem(b -> b.requestItems(pending)).unprocessedItems());
    }

    private static List<String> keyOf(Map<String, AttributeValue> item) {
        return List.of(item.get(TableLayout.PK).s(), item.get(TableLayout.SK).s());
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    /** The table's items by kind, keyed by (pk, sk). */
    private static final class Scanned {
        final List<Map<String, AttributeValue>> articles = new ArrayList<>();
        private final Map<String, Map<List<String>, Map<String, AttributeValue>>> derived = new LinkedHashMap<>();

        void add(Map<String, AttributeValue> item) {
            String pk = item.get(TableLayout.PK).s();
            String sk = item.get(TableLayout.SK).s();
            String kind;
            if (TableLayout.isArticleItem(pk, sk)) {
                articles.add(item);
                return;
            } else if (pk.startsWith(TableLayout.ARTICLE_PK_PREFIX) && sk.startsWith(TableLayout.NEAR_DUPLICATE_SK_PREFIX)) {
                kind = "relations";
            } else if (pk.startsWith("W#")) {
                kind = "postings";
            } else if (pk.startsWith("SC#")) {
                kind = "counts";
            } else if (pk.startsWith("H#")) {
                kind = "claims";
            } else if (pk.startsWith("B#")) {
                kind = "bands";
            } else if (pk.equals(TableLayout.DAY_DIRECTORY_PK)) {
                kind = "days";
            } else {
                return; // not derived from articles: left alone
            }
            derived.computeIfAbsent(kind, k -> new HashMap<>()).put(List.of(pk, sk), item);
        }

        Map<List<String>, Map<String, AttributeValue>> existing(String kind) {
            return derived.getOrDefault(kind, Map.of());
        }
    }
}
