package org.articlepipeline.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.articlepipeline.aws.AwsClients;
import org.articlepipeline.local.LocalPipeline;
import org.articlepipeline.normalize.ArticleNormalizer;
import org.articlepipeline.normalize.NormalizationResult;
import org.articlepipeline.normalize.NormalizedArticle;
import org.articlepipeline.normalize.NormalizerVersion;
import org.articlepipeline.testing.SharedEmbeddedStack;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Under throttling DynamoDB answers a batch call with part of it unprocessed. An interceptor plays the throttled
 * table: it sends only the first item of each batch and answers the others as unprocessed, so the items reach
 * the table only if the caller sends them again. Every batch loop must then wait, send the rest, and end with
 * every item written or read; or fail clearly when the table stays throttled.
 */
@ExtendWith(SharedEmbeddedStack.class)
class ThrottledBatchesTest {

    private static final AtomicInteger NEXT = new AtomicInteger();
    private static final ExecutionAttribute<Object> HELD_BACK = new ExecutionAttribute<>("heldBack");

    private final List<Long> waits = new ArrayList<>();
    private final BatchRetry retry = new BatchRetry(5, 50, 1_000, waits::add, ceiling -> ceiling);
    private Map<String, String> environment;
    private String table;

    @BeforeEach
    void newTable(LocalPipeline pipeline) {
        environment = pipeline.environment();
        table = "throttle-test-" + ProcessHandle.current().pid() + "-" + NEXT.incrementAndGet();
        new AwsClients(environment).dynamoDb().createTable(ArticleTable.createTableRequest(table));
    }

    /**
     * Plays a throttled table on the first {@code throttledCalls} batch calls: each processes only its first
     * item, or none when {@code processesNone}; counts every batch call.
     */
    private static final class ThrottledTable implements ExecutionInterceptor {
        private final int throttledCalls;
        private final boolean processesNone;
        final AtomicInteger batchCalls = new AtomicInteger();

        ThrottledTable(int throttledCalls) {
            this(throttledCalls, false);
        }

        private ThrottledTable(int throttledCalls, boolean processesNone) {
            this.throttledCalls = throttledCalls;
            this.processesNone = processesNone;
        }

        /** A table that answers every batch call with all of it unprocessed. */
        static ThrottledTable processingNothing() {
            return new ThrottledTable(Integer.MAX_VALUE, true);
        }

        @Override
        public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
            SdkRequest request = context.request();
            boolean batch = request instanceof BatchWriteItemRequest || request instanceof BatchGetItemRequest;
            if (!batch || batchCalls.incrementAndGet() > throttledCalls) {
                return request;
            }
            if (processesNone) {
                // The items reach the table, but the answer says none did: the caller cannot tell the difference.
                attributes.putAttribute(HELD_BACK, request instanceof BatchWriteItemRequest write
                        ? write.requestItems() : ((BatchGetItemRequest) request).requestItems());
                return request;
            }
            if (request instanceof BatchWriteItemRequest write) {
                Map<String, List<WriteRequest>> sent = new HashMap<>();
                Map<String, List<WriteRequest>> held = new HashMap<>();
                write.requestItems().forEach((name, writes) -> {
                    sent.put(name, writes.subList(0, 1));
                    if (writes.size() > 1) {
                        held.put(name, writes.subList(1, writes.size()));
                    }
                });
                attributes.putAttribute(HELD_BACK, held);
                return write.toBuilder().requestItems(sent).build();
            }
            BatchGetItemRequest read = (BatchGetItemRequest) request;
            Map<String, KeysAndAttributes> sent = new HashMap<>();
            Map<String, KeysAndAttributes> held = new HashMap<>();
            read.requestItems().forEach((name, keys) -> {
                sent.put(name, keys.toBuilder().keys(keys.keys().subList(0, 1)).build());
                if (keys.keys().size() > 1) {
                    held.put(name, keys.toBuilder().keys(keys.keys().subList(1, keys.keys().size())).build());
                }
            });
            attributes.putAttribute(HELD_BACK, held);
            return read.toBuilder().requestItems(sent).build();
        }

        @Override
        @SuppressWarnings("unchecked")
        public SdkResponse modifyResponse(Context.ModifyResponse context, ExecutionAttributes attributes) {
            Object held = attributes.getAttribute(HELD_BACK);
            if (held == null || ((Map<?, ?>) held).isEmpty()) {
                return context.response();
            }
            if (context.response() instanceof BatchWriteItemResponse write) {
                return write.toBuilder().unprocessedItems((Map<String, List<WriteRequest>>) held).build();
            }
            return ((BatchGetItemResponse) context.response()).toBuilder()
                    .unprocessedKeys((Map<String, KeysAndAttributes>) held).build();
        }
    }

    private DynamoDbClient dynamoDb(ThrottledTable throttle) {
        return new AwsClients(environment).withInterceptor(throttle).dynamoDb();
    }

    private static NormalizedArticle article(String title) {
        String page = title + "\n\nThe city council approved on Tuesday a budget that gives the public schools more money"
                + " for teachers, buses and repairs over the next three years. The mayor said the plan was the result"
                + " of months of talks with parents and teachers.\n";
        return ((NormalizationResult.Accepted) new ArticleNormalizer()
                .normalize(page.getBytes(StandardCharsets.UTF_8), null)).article();
    }

    /** Stores an article item as ingest would, through an unthrottled table. */
    private String store(String key, NormalizedArticle a) {
        String id = ArticleId.of("articles", key);
        ArticleMetadata metadata = new ArticleMetadata(a.title(), null, null, null, null, null, null, a.language(),
                a.encoding(), a.format(), a.wordCount(), a.paragraphCount(), a.charCount(), a.readingMinutes(),
                a.contentHash(), a.fingerprint().encoded(), null);
        ArticleRecord record = new ArticleRecord(id, "articles", key, ArticleStatus.OK, null, null, metadata,
                "2026-12-07T15:00:00.000Z", 100L, "etag", null, "00000000000000000000000000000001", null, null);
        new ArticleRepository(new AwsClients(environment).dynamoDb(), table)
                .replaceIfNotStale(IndexedArticle.of(record, a.text()), NormalizerVersion.current());
        return id;
    }

    @Test
    void articleReadsLeftUnprocessedAreReadAgainAfterGrowingWaits() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ids.add(store("incoming/read-" + i + ".txt", article("Budget story " + i)));
        }
        ThrottledTable throttle = new ThrottledTable(3);

        List<ArticleRecord> loaded = new ArticleRepository(dynamoDb(throttle), table, retry).load(ids);

        assertThat(loaded).extracting(ArticleRecord::id).containsExactlyElementsOf(ids);
        assertThat(throttle.batchCalls).hasValue(4);            // 1 key, 1 key, 1 key, then the last one
        assertThat(waits).containsExactly(50L, 100L, 200L);
    }

    @Test
    void postingWritesLeftUnprocessedAreWrittenAfterGrowingWaits() {
        NormalizedArticle a = article("Schools budget");
        String id = ArticleId.of("articles", "incoming/postings.txt");
        List<SearchIndex.Posting> postings = SearchIndex.postingsOf(a.title(), a.text()).subList(0, 4);
        ThrottledTable throttle = new ThrottledTable(2);
        DynamoDbClient throttled = dynamoDb(throttle);

        new SearchIndex(throttled, table, new ArticleRepository(throttled, table), Runnable::run, retry)
                .replace(id, List.of(), postings);

        DynamoDbClient plain = new AwsClients(environment).dynamoDb();
        for (SearchIndex.Posting posting : postings) {
            assertThat(plain.getItem(b -> b.tableName(table).key(posting.key(id))).hasItem()).as(posting.term()).isTrue();
        }
        assertThat(throttle.batchCalls).hasValue(3);
        assertThat(waits).containsExactly(50L, 100L);
    }

    @Test
    void indexRebuildWritesLeftUnprocessedAreWrittenAfterGrowingWaits() throws InterruptedException {
        NormalizedArticle a = article("Rebuilt budget");
        String id = store("incoming/rebuilt.txt", a);
        ThrottledTable throttle = new ThrottledTable(2);

        new IndexRebuild(dynamoDb(throttle), table, retry).rebuild(1, false);

        DynamoDbClient plain = new AwsClients(environment).dynamoDb();
        for (SearchIndex.Posting posting : SearchIndex.postingsOf(a.title(), a.text())) {
            assertThat(plain.getItem(b -> b.tableName(table).key(posting.key(id))).hasItem()).as(posting.term()).isTrue();
        }
        assertThat(waits).containsExactly(50L, 100L);
    }

    @Test
    void bandWritesAndCandidateReadsLeftUnprocessedStillLinkNearDuplicates() {
        NormalizedArticle first = article("Council budget");
        NormalizedArticle second = article("Council budget, updated");
        String firstId = store("incoming/first.txt", first);
        String secondId = store("incoming/second.txt", second);
        new DuplicateIndex(new AwsClients(environment).dynamoDb(), table).link(firstId, first.fingerprint());
        ThrottledTable throttle = new ThrottledTable(4);

        List<NearDuplicate> found = new DuplicateIndex(dynamoDb(throttle), table, Runnable::run, retry)
                .link(secondId, second.fingerprint());

        assertThat(found).extracting(NearDuplicate::id).containsExactly(firstId);
        assertThat(new DuplicateIndex(new AwsClients(environment).dynamoDb(), table).nearDuplicatesOf(firstId))
                .extracting(NearDuplicate::id).containsExactly(secondId);
        // The first batch of band writes takes all four throttled calls.
        assertThat(waits).containsExactly(50L, 100L, 200L, 400L);
    }

    @Test
    void aTableThatStaysThrottledFailsTheCallAfterTheLastAttempt() {
        NormalizedArticle a = article("Schools budget");
        String id = ArticleId.of("articles", "incoming/never.txt");
        List<SearchIndex.Posting> postings = SearchIndex.postingsOf(a.title(), a.text()).subList(0, 3);
        ThrottledTable throttle = ThrottledTable.processingNothing();
        DynamoDbClient throttled = dynamoDb(throttle);
        SearchIndex index = new SearchIndex(throttled, table, new ArticleRepository(throttled, table), Runnable::run, retry);

        assertThatThrownBy(() -> index.replace(id, List.of(), postings))
                .isInstanceOf(BatchRetry.UnprocessedException.class)
                .hasMessageContaining("posting writes unprocessed after 5 attempts");
        assertThat(throttle.batchCalls).hasValue(5);
        assertThat(waits).containsExactly(50L, 100L, 200L, 400L);
    }
}
