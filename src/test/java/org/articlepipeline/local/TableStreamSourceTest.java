package org.articlepipeline.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.articlepipeline.aws.AwsClients;
import org.articlepipeline.index.event.ItemChange;
import org.articlepipeline.index.event.TableStreamEvents;
import org.articlepipeline.store.ArticleTable;
import org.articlepipeline.store.TableLayout;
import org.articlepipeline.testing.SharedEmbeddedStack;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** What the local stand-in for Lambda's stream trigger delivers, in which order, and how it retries. */
@ExtendWith(SharedEmbeddedStack.class)
class TableStreamSourceTest {

    private static final AtomicInteger NEXT = new AtomicInteger();

    private AwsClients clients;
    private DynamoDbClient dynamoDb;
    private String table;
    private String streamArn;
    private final List<String> log = new CopyOnWriteArrayList<>();
    private final List<List<String>> deliveries = new CopyOnWriteArrayList<>();

    @BeforeEach
    void newTable(LocalPipeline pipeline) {
        clients = new AwsClients(pipeline.environment());
        dynamoDb = clients.dynamoDb();
        table = "stream-test-" + ProcessHandle.current().pid() + "-" + NEXT.incrementAndGet();
        streamArn = dynamoDb.createTable(ArticleTable.createTableRequest(table)).tableDescription().latestStreamArn();
    }

    @Test
    void onlyArticleItemChangesAreDeliveredInOrderFromTheStreamsOldestRecordNotItsEnd() {
        putArticle("before");
        TableStreamSource source = source(event -> noFailure());

        putArticle("a");
        put(TableLayout.bandPk(1, "ff"), "a");
        put(TableLayout.articlePk("a"), TableLayout.NEAR_DUPLICATE_SK_PREFIX + "b");
        putArticle("b");
        source.drain();

        assertThat(deliveries.stream().flatMap(List::stream).toList()).containsExactly("A#before", "A#a", "A#b");
    }

    @Test
    void aSourceStartedAgainResumesAfterTheLastRecordItsCheckpointSaysWasDelivered(@TempDir Path data)
            throws Exception {
        Path file = data.resolve("checkpoint.properties");
        TableStreamSource first = source(event -> noFailure(), StreamCheckpoint.in(file, streamArn));
        putArticle("one");
        first.drain();
        first.close();
        putArticle("two");
        deliveries.clear();

        StreamCheckpoint kept = StreamCheckpoint.in(file, streamArn);
        TableStreamSource second = source(event -> noFailure(), kept);
        second.drain();
        second.markCaughtUp();
        second.close();

        assertThat(kept.previousStopClean()).as("closed without saying it caught up").isFalse();
        assertThat(deliveries.stream().flatMap(List::stream).toList()).containsExactly("A#two");
        assertThat(StreamCheckpoint.in(file, streamArn).previousStopClean()).isTrue();
        assertThat(StreamCheckpoint.in(file, streamArn + "-another-table").previousStopClean()).isFalse();
    }

    @Test
    void aReportedFailureIsRetriedFromThatRecordAndTheRecordsBeforeItAreNotDeliveredAgain() {
        AtomicInteger calls = new AtomicInteger();
        TableStreamSource source = source(event -> calls.incrementAndGet() == 1 ? failure(event, 1) : noFailure());
        putArticle("one");
        putArticle("two");
        putArticle("three");

        source.drain();

        assertThat(deliveries).containsExactly(List.of("A#one", "A#two", "A#three"), List.of("A#two", "A#three"));
    }

    @Test
    void aRecordThatKeepsFailingIsReportedAndSkippedSoTheOthersGoOn() {
        TableStreamSource source = source(event -> keys(event).get(0).equals("A#poison") ? failure(event, 0) : noFailure());
        putArticle("poison");
        putArticle("after");

        source.drain();

        assertThat(deliveries.stream().filter(d -> d.get(0).equals("A#poison"))).hasSize(TableStreamSource.MAX_RETRIES + 1);
        assertThat(deliveries.get(deliveries.size() - 1)).containsExactly("A#after");
        assertThat(log).anySatisfy(line -> assertThat(line).contains("failure queue"));
    }

    @Test
    void awaitCaughtUpReturnsOnceEverythingWrittenBeforeTheCallIsDelivered() throws Exception {
        TableStreamSource source = source(event -> noFailure()).start();
        try {
            putArticle("x");
            putArticle("y");

            assertThat(source.awaitCaughtUp(30_000)).isTrue();

            assertThat(deliveries.stream().flatMap(List::stream).toList()).containsExactly("A#x", "A#y");
        } finally {
            source.close();
        }
    }

    private TableStreamSource source(Function<byte[], byte[]> answer) {
        return source(answer, StreamCheckpoint.inMemory(streamArn));
    }

    private TableStreamSource source(Function<byte[], byte[]> answer, StreamCheckpoint checkpoint) {
        return new TableStreamSource(clients.newDynamoDbStreams(), streamArn, "us-east-1", event -> {
            deliveries.add(keys(event));
            return answer.apply(event);
        }, log::add, checkpoint);
    }

    private void putArticle(String id) {
        put(TableLayout.articlePk(id), TableLayout.ARTICLE_SK);
    }

    private void put(String pk, String sk) {
        dynamoDb.putItem(b -> b.tableName(table).item(Map.of(TableLayout.PK, AttributeValue.fromS(pk),
                TableLayout.SK, AttributeValue.fromS(sk))));
    }

    private static List<ItemChange> changes(byte[] event) {
        return new TableStreamEvents(new JsonFactory()).read(new ByteArrayInputStream(event));
    }

    private static List<String> keys(byte[] event) {
        List<String> keys = new ArrayList<>();
        changes(event).forEach(c -> keys.add(c.key(TableLayout.PK)));
        return keys;
    }

    private static byte[] noFailure() {
        return "{\"batchItemFailures\":[]}".getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] failure(byte[] event, int index) {
        String sequenceNumber = changes(event).get(index).sequenceNumber();
        return ("{\"batchItemFailures\":[{\"itemIdentifier\":\"" + sequenceNumber + "\"}]}").getBytes(StandardCharsets.UTF_8);
    }
}
