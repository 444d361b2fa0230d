package org.articlepipeline.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.articlepipeline.normalize.Fingerprint;
import org.articlepipeline.normalize.fingerprint.LshBands;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Owns the table's duplicate layout: content-hash claims (exact duplicates), LSH band items (near-duplicate
 * candidates) and near-duplicate relation items.
 *
 * <ul>
 *   <li>Claim: {@code pk = H#<contentHash>, sk = A}, attribute {@code id}: the first article seen with that
 *       hash. Later articles with the same hash record it as {@code duplicateOf}.</li>
 *   <li>Band: {@code pk = B#<band>#<hash of the band's rows>, sk = <id>}. {@value #BANDS} bands of
 *       {@value #ROWS} MinHash slots: two articles become candidates when any band matches, with probability
 *       {@code 1 - (1 - s^3)^32} at similarity {@code s}: 95 % at the 0.45 threshold, 58 % at 0.3, 3 % at
 *       0.1. Candidates are then verified with the full fingerprint, so only recall depends on the banding.
 *       ({@link LshBands}' in-memory default is 64 × 4; a table pays one write and one query per band and
 *       article, so the store takes half as many bands and a shorter row for the same recall at the
 *       threshold, at the price of more candidates to verify between 0.1 and 0.3.)</li>
 *   <li>Relation: {@code pk = A#<id>, sk = N#<otherId>}, attributes {@code id} (the other) and
 *       {@code similarity}, written in both articles' partitions so each sees the other.</li>
 * </ul>
 * Every method costs a bounded number of requests whatever the corpus size: at most
 * {@value #MAX_CANDIDATES} candidates are verified and {@value #MAX_RELATIONS} relations kept per article.
 */
public final class DuplicateIndex {

    /** Near duplicates are recorded from this estimated similarity up (text-dedup's best news setting). */
    public static final double THRESHOLD = LshBands.THRESHOLD;
    static final int BANDS = 32;
    static final int ROWS = 3;
    static final int MAX_CANDIDATES = 100;
    static final int MAX_RELATIONS = 25;
    private static final int CANDIDATES_PER_BAND = 20;

    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final Executor lookups;
    private final BatchRetry retry;

    /** An index whose band lookups run one after another on the calling thread. */
    public DuplicateIndex(DynamoDbClient dynamoDb, String tableName) {
        this(dynamoDb, tableName, Runnable::run);
    }

    /**
     * @param lookups runs the {@value #BANDS} independent band queries of one article; an I/O pool
     *                turns 32 sequential round trips into a few
     */
    public DuplicateIndex(DynamoDbClient dynamoDb, String tableName, Executor lookups) {
        this(dynamoDb, tableName, lookups, BatchRetry.standard());
    }

    /** @param retry sends again what a batch call left unprocessed (a throttled table) */
    public DuplicateIndex(DynamoDbClient dynamoDb, String tableName, Executor lookups, BatchRetry retry) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.lookups = lookups;
        this.retry = retry;
    }

    /**
     * Claims {@code contentHash} for {@code id} unless another article claimed it first.
     *
     * @return the id of the first article with this content: {@code id} itself when it is the first
     */
    public String claimContentHash(String contentHash, String id) {
        try {
            dynamoDb.putItem(b -> b.tableName(tableName)
                    .item(Map.of(TableLayout.PK, s(TableLayout.contentHashClaimPk(contentHash)),
                            TableLayout.SK, s(TableLayout.ARTICLE_SK), "id", s(id)))
                    .conditionExpression("attribute_not_exists(pk) OR id = :id")
                    .expressionAttributeValues(Map.of(":id", s(id)))
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            return id;
        } catch (ConditionalCheckFailedException claimed) {
            if (claimed.hasItem() && claimed.item().containsKey("id")) {
                return claimed.item().get("id").s();
            }
            Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName(tableName).consistentRead(true)
                    .key(claimKey(contentHash))).item();
            return item == null || !item.containsKey("id") ? id : item.get("id").s();
        }
    }

    /** Gives up {@code id}'s claim on {@code contentHash}, if it holds it; the next article claims it anew. */
    public void releaseContentHash(String contentHash, String id) {
        try {
            dynamoDb.deleteItem(b -> b.tableName(tableName).key(claimKey(contentHash))
                    .conditionExpression("id = :id")
                    .expressionAttributeValues(Map.of(":id", s(id))));
        } catch (ConditionalCheckFailedException heldByAnother) {
            // another article holds it: nothing of ours to release
        }
    }

    /**
     * Indexes {@code id}'s fingerprint and records its near duplicates on both sides, replacing whatever
     * relations {@code id} had before (so a retried or replaced article converges to one set).
     *
     * @return the near duplicates found, most similar first
     */
    public List<NearDuplicate> link(String id, Fingerprint fingerprint) {
        List<String> bandKeys = bandKeys(fingerprint);
        List<WriteRequest> writes = new ArrayList<>();
        for (String bandKey : bandKeys) {
            writes.add(put(Map.of(TableLayout.PK, s(bandKey), TableLayout.SK, s(id), "id", s(id))));
        }
        batchWrite(writes);

        List<CompletableFuture<QueryResponse>> buckets = new ArrayList<>();
        for (String bandKey : bandKeys) {
            buckets.add(CompletableFuture.supplyAsync(() -> dynamoDb.query(b -> b.tableName(tableName)
                    .keyConditionExpression("pk = :pk")
                    .expressionAttributeValues(Map.of(":pk", s(bandKey)))
                    .limit(CANDIDATES_PER_BAND)), lookups));
        }
        Set<String> candidates = new LinkedHashSet<>();
        for (CompletableFuture<QueryResponse> bucket : buckets) {
            // SearchIndex.join rethrows the SDK's own exception, as a sequential query would have thrown it.
            for (Map<String, AttributeValue> item : SearchIndex.join(bucket).items()) {
                String candidate = item.get(TableLayout.SK).s();
                if (!candidate.equals(id) && candidates.size() < MAX_CANDIDATES) {
                    candidates.add(candidate);
                }
            }
        }
        List<NearDuplicate> found = verify(fingerprint, candidates);
        replaceRelations(id, found);
        return found;
    }

    /** Removes {@code id} from the band items of {@code fingerprint} and every relation it is part of. */
    public void unlink(String id, Fingerprint fingerprint) {
        forgetBands(id, fingerprint);
        replaceRelations(id, List.of());
    }

    /** Removes {@code id} from the band items of a fingerprint it no longer has. */
    public void forgetBands(String id, Fingerprint fingerprint) {
        List<WriteRequest> deletes = new ArrayList<>();
        if (fingerprint != null) {
            for (String bandKey : bandKeys(fingerprint)) {
                deletes.add(delete(TableLayout.PK, bandKey, TableLayout.SK, id));
            }
        }
        batchWrite(deletes);
    }

    /** The near duplicates recorded for {@code id}, most similar first. */
    public List<NearDuplicate> nearDuplicatesOf(String id) {
        List<NearDuplicate> relations = new ArrayList<>();
        for (Map<String, AttributeValue> item : relationItems(id)) {
            relations.add(new NearDuplicate(item.get("id").s(), Double.parseDouble(item.get("similarity").n())));
        }
        relations.sort((a, b) -> Double.compare(b.similarity(), a.similarity()));
        return relations;
    }

    /** Partition keys of the band items for a fingerprint (none for a fingerprint too small to band). */
    static List<String> bandKeys(Fingerprint fingerprint) {
        List<String> keys = new ArrayList<>(BANDS);
        if (fingerprint.size() < BANDS * ROWS) {
            return keys;
        }
        int[] hashes = LshBands.bandHashes(fingerprint, BANDS, ROWS);
        for (int band = 0; band < BANDS; band++) {
            keys.add(TableLayout.bandPk(band, Integer.toHexString(hashes[band])));
        }
        return keys;
    }

    private List<NearDuplicate> verify(Fingerprint fingerprint, Collection<String> candidates) {
        List<NearDuplicate> found = new ArrayList<>();
        if (candidates.isEmpty()) {
            return found;
        }
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (String candidate : candidates) {
            keys.add(ArticleRepository.articleKey(candidate));
        }
        Map<String, KeysAndAttributes> request = Map.of(tableName, KeysAndAttributes.builder()
                .keys(keys).projectionExpression("id, #status, fingerprint")
                .expressionAttributeNames(Map.of("#status", "status")).build());
        retry.untilDone("candidate reads", request, pending -> {
            BatchGetItemResponse response = dynamoDb.batchGetItem(b -> b.requestItems(pending));
            for (Map<String, AttributeValue> item : response.responses().getOrDefault(tableName, List.of())) {
                NearDuplicate near = nearDuplicate(fingerprint, item);
                if (near != null) {
                    found.add(near);
                }
            }
            return response.unprocessedKeys();
        });
        found.sort((a, b) -> Double.compare(b.similarity(), a.similarity()));
        return found.size() > MAX_RELATIONS ? new ArrayList<>(found.subList(0, MAX_RELATIONS)) : found;
    }

    /** The candidate {@code item} as a near duplicate of {@code fingerprint}, or null when it is not one. */
    private static NearDuplicate nearDuplicate(Fingerprint fingerprint, Map<String, AttributeValue> item) {
        AttributeValue other = item.get("fingerprint");
        if (other == null || !"OK".equals(item.get("status").s())) {
            return null;
        }
        Fingerprint theirs = Fingerprint.decode(other.s());
        if (theirs.size() != fingerprint.size()) {
            return null;
        }
        double similarity = fingerprint.similarity(theirs);
        return similarity >= THRESHOLD
                ? new NearDuplicate(item.get("id").s(), Math.round(similarity * 1000) / 1000.0) : null;
    }

    private void replaceRelations(String id, List<NearDuplicate> found) {
        Map<String, NearDuplicate> wanted = new LinkedHashMap<>();
        for (NearDuplicate duplicate : found) {
            wanted.put(duplicate.id(), duplicate);
        }
        List<WriteRequest> writes = new ArrayList<>();
        for (Map<String, AttributeValue> existing : relationItems(id)) {
            String other = existing.get("id").s();
            if (!wanted.containsKey(other)) {
                writes.add(delete(TableLayout.PK, TableLayout.articlePk(id), TableLayout.SK, relationSk(other)));
                writes.add(delete(TableLayout.PK, TableLayout.articlePk(other), TableLayout.SK, relationSk(id)));
            }
        }
        for (NearDuplicate duplicate : wanted.values()) {
            writes.add(put(relation(id, duplicate.id(), duplicate.similarity())));
            writes.add(put(relation(duplicate.id(), id, duplicate.similarity())));
        }
        batchWrite(writes);
    }

    private List<Map<String, AttributeValue>> relationItems(String id) {
        return dynamoDb.query(b -> b.tableName(tableName)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                .expressionAttributeValues(Map.of(":pk", s(TableLayout.articlePk(id)),
                        ":prefix", s(TableLayout.NEAR_DUPLICATE_SK_PREFIX)))
                .limit(MAX_RELATIONS * 4)).items();
    }

    private static Map<String, AttributeValue> relation(String id, String other, double similarity) {
        return Map.of(TableLayout.PK, s(TableLayout.articlePk(id)), TableLayout.SK, s(relationSk(other)),
                "id", s(other), "similarity", AttributeValue.fromN(Double.toString(similarity)));
    }

    private static String relationSk(String other) {
        return TableLayout.NEAR_DUPLICATE_SK_PREFIX + other;
    }

    private void batchWrite(List<WriteRequest> writes) {
        // DynamoDB rejects a batch that names one key twice; keep the last request per key.
        Map<Map<String, AttributeValue>, WriteRequest> unique = new LinkedHashMap<>();
        for (WriteRequest write : writes) {
            unique.put(keyOf(write), write);
        }
        List<WriteRequest> all = new ArrayList<>(unique.values());
        for (int from = 0; from < all.size(); from += 25) {
            retry.untilDone("band and relation writes",
                    Map.of(tableName, all.subList(from, Math.min(all.size(), from + 25))),
                    batch -> dynamoDb.batchWriteItem(b -> b.requestItems(batch)).unprocessedItems());
        }
    }

    private static Map<String, AttributeValue> keyOf(WriteRequest write) {
        Map<String, AttributeValue> item = write.putRequest() != null ? write.putRequest().item() : write.deleteRequest().key();
        return Map.of(TableLayout.PK, item.get(TableLayout.PK), TableLayout.SK, item.get(TableLayout.SK));
    }

    private Map<String, AttributeValue> claimKey(String contentHash) {
        return Map.of(TableLayout.PK, s(TableLayout.contentHashClaimPk(contentHash)), TableLayout.SK,
                s(TableLayout.ARTICLE_SK));
    }

    private static WriteRequest put(Map<String, AttributeValue> item) {
        return WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build();
    }

    private static WriteRequest delete(String pkName, String pk, String skName, String sk) {
        return WriteRequest.builder().deleteRequest(DeleteRequest.builder()
                .key(Map.of(pkName, s(pk), skName, s(sk))).build()).build();
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    /** For callers holding a stored fingerprint in its text form. */
    public static Optional<Fingerprint> decode(String encoded) {
        return encoded == null || encoded.isEmpty() ? Optional.empty() : Optional.of(Fingerprint.decode(encoded));
    }
}
