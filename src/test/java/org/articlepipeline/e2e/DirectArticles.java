package org.articlepipeline.e2e;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.articlepipeline.aws.AwsClients;
import org.articlepipeline.local.LocalPipeline;
import org.articlepipeline.normalize.NormalizerVersion;
import org.articlepipeline.store.ArticleBucket;
import org.articlepipeline.store.ArticleId;
import org.articlepipeline.store.ArticleMetadata;
import org.articlepipeline.store.ArticleRecord;
import org.articlepipeline.store.ArticleRepository;
import org.articlepipeline.store.ArticleStatus;
import org.articlepipeline.store.IndexedArticle;
import org.articlepipeline.store.TableLayout;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Writes articles the way ingest does after normalizing (outputs, then the item with its search terms), for
 * metadata the seed pages do not have: publishers, languages, publication dates. The stack's own index step
 * then indexes them from the table's stream, as it does for ingested articles; each write waits for it.
 */
final class DirectArticles implements AutoCloseable {

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final ArticleRepository repository;
    private final LocalPipeline pipeline;
    private final ArticleBucket bucket;
    private final AtomicLong sequencer = new AtomicLong(System.nanoTime());

    DirectArticles(LocalPipeline pipeline) {
        AwsClients clients = new AwsClients(pipeline.environment());
        this.dynamoDb = clients.dynamoDb();
        this.table = pipeline.settings().tableName();
        this.repository = new ArticleRepository(dynamoDb, table);
        this.pipeline = pipeline;
        this.bucket = new ArticleBucket(clients.s3(), pipeline.settings().bucket(), pipeline.settings().outputPrefix());
    }

    /** Stores a visible article under {@code key} and returns its id. */
    String put(String key, String title, String text, String source, String language, String publishedAt) {
        String id = ArticleId.of(bucket.bucket(), key);
        ArticleMetadata metadata = new ArticleMetadata(title, null, source, null, null, null, publishedAt, language,
                "UTF-8", "text", text.split("\\s+").length, 1, text.length(), 1, Integer.toHexString(text.hashCode()) + id,
                null, null);
        ArticleRecord record = new ArticleRecord(id, bucket.bucket(), key, ArticleStatus.OK, null, null, metadata,
                TableLayout.sortableInstant(Instant.now()), (long) text.length(), "etag-" + id, null, nextSequencer(),
                bucket.textKey(id), bucket.documentKey(id));
        bucket.writeOutputs(id, text, "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        repository.replaceIfNotStale(IndexedArticle.of(record, text), NormalizerVersion.current()).orElseThrow();
        settle();
        return id;
    }

    /** Deletes the article stored under {@code key}, as an S3 delete event would. */
    void delete(String key) {
        String id = ArticleId.of(bucket.bucket(), key);
        ArticleRecord tombstone = new ArticleRecord(id, bucket.bucket(), key, ArticleStatus.DELETED, null, null, null,
                TableLayout.sortableInstant(Instant.now()), null, null, null, nextSequencer(), null, null);
        repository.replaceIfNotStale(tombstone, NormalizerVersion.current()).orElseThrow();
        bucket.deleteOutputs(id);
        settle();
    }

    /** Records the upload under {@code key} as rejected for {@code reason}, as ingest does, and returns its id. */
    String reject(String key, String reason, String detail, long size) {
        String id = ArticleId.of(bucket.bucket(), key);
        ArticleRecord record = new ArticleRecord(id, bucket.bucket(), key, ArticleStatus.REJECTED, reason, detail, null,
                TableLayout.sortableInstant(Instant.now()), size, "etag-" + id, null, nextSequencer(), null, null);
        repository.replaceIfNotStale(record, NormalizerVersion.current()).orElseThrow();
        settle();
        return id;
    }

    /** Waits until the stack's index step has caught up with the table. */
    private void settle() {
        try {
            if (!pipeline.awaitIdle(30_000)) {
                throw new IllegalStateException("the index step did not catch up within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Writes the near-duplicate relation between two articles on both sides, as ingest does. */
    void nearDuplicates(String id, String otherId, double similarity) {
        relation(id, otherId, similarity);
        relation(otherId, id, similarity);
    }

    private void relation(String id, String otherId, double similarity) {
        dynamoDb.putItem(b -> b.tableName(table).item(Map.of(
                TableLayout.PK, AttributeValue.fromS(TableLayout.articlePk(id)),
                TableLayout.SK, AttributeValue.fromS(TableLayout.NEAR_DUPLICATE_SK_PREFIX + otherId),
                "id", AttributeValue.fromS(otherId),
                "similarity", AttributeValue.fromN(Double.toString(similarity)))));
    }

    /**
     * Writes a posting for {@code term} (matching form) that article {@code id}'s item does not list: what
     * two racing events for one key can leave behind.
     */
    void strayPosting(String term, String id) {
        dynamoDb.putItem(b -> b.tableName(table).item(Map.of(
                TableLayout.PK, AttributeValue.fromS(TableLayout.termPk(term, TableLayout.shardOf(id, 4))),
                TableLayout.SK, AttributeValue.fromS("0000#" + id),
                "id", AttributeValue.fromS(id),
                "score", AttributeValue.fromN("9999"))));
    }

    /** How many posting items the search index holds for {@code term} (matching form) of article {@code id}. */
    int postings(String term, String id) {
        return dynamoDb.query(b -> b.tableName(table).keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(
                        TableLayout.termPk(term, TableLayout.shardOf(id, 4)))))).items().stream()
                .filter(item -> item.get("id").s().equals(id)).toList().size();
    }

    private String nextSequencer() {
        return String.format("%032d", sequencer.incrementAndGet());
    }

    @Override
    public void close() {
        dynamoDb.close();
    }
}
