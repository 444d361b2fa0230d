package org.articlepipeline.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The read side of duplicate detection (ingest writes it).
 *
 * <p>Exact duplicates share {@code contentHash}: the {@code byHash} index, sorted by {@code hashOrder}
 * ({@code <ingestedAt>#<id>}). Near duplicates are relation items in the article's own partition,
 * {@code pk = A#<id>}, {@code sk = N#<otherId>}, with {@code id} (the other article) and {@code similarity}
 * (0..1), written on both sides, so one query of the article's partition finds them all.
 */
public final class DuplicateRelations {

    /** At most this many of each kind are returned. */
    public static final int MAX_PER_KIND = 100;

    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final ArticleRepository repository;
    private final DuplicateIndex nearDuplicates;

    public DuplicateRelations(DynamoDbClient dynamoDb, String tableName, ArticleRepository repository,
                              DuplicateIndex nearDuplicates) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.repository = repository;
        this.nearDuplicates = nearDuplicates;
    }

    /**
     * One duplicate of an article.
     *
     * @param article    the other article
     * @param exact      true when the clean texts are identical (same {@code contentHash})
     * @param similarity 1 for exact duplicates, else the estimated similarity
     */
    public record Duplicate(ArticleRecord article, boolean exact, double similarity) {
    }

    /** The visible exact duplicates (oldest first), then the visible near duplicates (most similar first). */
    public List<Duplicate> of(ArticleRecord article) {
        Map<String, Double> exact = new LinkedHashMap<>();
        String hash = article.metadata() == null ? null : article.metadata().contentHash();
        if (hash != null) {
            QueryResponse response = dynamoDb.query(b -> b.tableName(tableName).indexName(TableLayout.BY_HASH_INDEX)
                    .keyConditionExpression("#hash = :hash")
                    .expressionAttributeNames(Map.of("#hash", TableLayout.BY_HASH_PK))
                    .expressionAttributeValues(Map.of(":hash", AttributeValue.fromS(hash)))
                    .limit(MAX_PER_KIND + 1));
            for (Map<String, AttributeValue> item : response.items()) {
                String id = item.get("id").s();
                if (!id.equals(article.id()) && exact.size() < MAX_PER_KIND) {
                    exact.put(id, 1.0);
                }
            }
        }
        Map<String, Double> near = new LinkedHashMap<>();
        // The relation items are DuplicateIndex's layout: it reads them, this class only joins them.
        for (NearDuplicate relation : nearDuplicates.nearDuplicatesOf(article.id())) {
            if (!exact.containsKey(relation.id()) && !relation.id().equals(article.id())
                    && near.size() < MAX_PER_KIND) {
                near.put(relation.id(), Math.max(0, Math.min(1, relation.similarity())));
            }
        }
        List<Duplicate> duplicates = new ArrayList<>();
        Map<String, ArticleRecord> byId = new LinkedHashMap<>();
        List<String> ids = new ArrayList<>(exact.keySet());
        ids.addAll(near.keySet());
        for (ArticleRecord record : repository.load(ids)) {
            byId.put(record.id(), record);
        }
        exact.keySet().forEach(id -> {
            if (byId.containsKey(id)) {
                duplicates.add(new Duplicate(byId.get(id), true, 1.0));
            }
        });
        List<Duplicate> nearOnes = new ArrayList<>();
        near.forEach((id, similarity) -> {
            if (byId.containsKey(id)) {
                nearOnes.add(new Duplicate(byId.get(id), false, similarity));
            }
        });
        nearOnes.sort((a, b) -> Double.compare(b.similarity(), a.similarity()));
        duplicates.addAll(nearOnes);
        return duplicates;
    }
}
