package org.articlepipeline.index;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.articlepipeline.aws.AwsClients;
import org.articlepipeline.aws.PipelineSettings;
import org.articlepipeline.aws.Priming;
import org.articlepipeline.index.event.ItemChange;
import org.articlepipeline.index.event.TableStreamEvents;
import org.articlepipeline.metrics.EmbeddedMetrics;
import org.articlepipeline.store.ArticleIndexes;
import org.articlepipeline.store.ArticleRepository;
import org.articlepipeline.store.DuplicateIndex;
import org.articlepipeline.store.SearchIndex;
import org.articlepipeline.store.SourceCounts;
import org.articlepipeline.store.StoredItem;
import org.articlepipeline.store.TableLayout;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The index Lambda function: a thin adapter from the articles table's stream to {@link ArticleIndexer}.
 *
 * <p>It applies the batch's records in order and stops at the first that fails, answering with that
 * record as the batch item failure ({@code ReportBatchItemFailures}): Lambda retries from there, so no
 * change of an item is applied before an earlier change of the same item. Records of other items (bands,
 * postings, claims, counters; the template's filter keeps them away, this is the second guard) are
 * skipped. It logs one JSON line per article record and one EMF metrics line per batch ({@link IndexMetrics}).
 */
public final class IndexHandler implements RequestStreamHandler {

    private final ArticleIndexer indexer;
    private final EmbeddedMetrics metrics;
    private final JsonFactory json = new JsonFactory();
    private final TableStreamEvents events = new TableStreamEvents(json);

    /** Lambda's constructor: everything from the process environment, primed before a SnapStart snapshot. */
    public IndexHandler() {
        this(indexerFor(Priming.register(new AwsClients(), IndexHandler::primeJson), System.getenv()),
                EmbeddedMetrics.fromEnvironment(System.getenv()));
    }

    /** Wires the handler from {@code environment}, as Lambda would from the process environment. */
    public IndexHandler(Map<String, String> environment) {
        this(indexerFor(new AwsClients(environment), environment), EmbeddedMetrics.fromEnvironment(environment));
    }

    /** Wires the handler from {@code environment} with clients from {@code clients} (tests add interceptors). */
    public IndexHandler(AwsClients clients, Map<String, String> environment) {
        this(indexerFor(clients, environment), EmbeddedMetrics.fromEnvironment(environment));
    }

    /** Wires the handler around an existing index core. */
    public IndexHandler(ArticleIndexer indexer) {
        this(indexer, EmbeddedMetrics.fromEnvironment(Map.of()));
    }

    /** Wires the handler around an existing index core, writing metrics to {@code metrics}' namespace. */
    public IndexHandler(ArticleIndexer indexer, EmbeddedMetrics metrics) {
        this.indexer = indexer;
        this.metrics = metrics;
    }

    /**
     * The index function's JSON warm-up before a SnapStart snapshot: reads a stream event and writes an
     * answer the way {@link #handleRequest} does, with jackson-core alone, as the function itself.
     */
    static void primeJson() throws IOException {
        JsonFactory json = new JsonFactory();
        String event = "{\"Records\":[{\"eventName\":\"INSERT\",\"eventSource\":\"aws:dynamodb\",\"dynamodb\":"
                + "{\"Keys\":{\"pk\":{\"S\":\"A#prime\"},\"sk\":{\"S\":\"A\"}},\"NewImage\":{\"pk\":{\"S\":\"A#prime\"},"
                + "\"searchTerms\":{\"SS\":[\"prime#1\"]},\"wordCount\":{\"N\":\"1\"}},\"SequenceNumber\":\"1\"}}]}";
        TableStreamEvents events = new TableStreamEvents(json);
        List<ItemChange> changes = events.read(new java.io.ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)));
        events.write(changes, "arn:prime", "prime", new ByteArrayOutputStream());
    }

    private static ArticleIndexer indexerFor(AwsClients clients, Map<String, String> environment) {
        PipelineSettings settings = PipelineSettings.fromEnvironment(environment);
        DynamoDbClient dynamoDb = clients.dynamoDb();
        ArticleRepository repository = new ArticleRepository(dynamoDb, settings.tableName());
        // One small I/O pool per handler: an article's band queries and its independent index steps.
        ExecutorService io = ioPool();
        return new ArticleIndexer(repository, new DuplicateIndex(dynamoDb, settings.tableName(), io),
                new ArticleIndexes(new SearchIndex(dynamoDb, settings.tableName(), repository),
                        new SourceCounts(dynamoDb, settings.tableName())), io);
    }

    /**
     * Runs an article's independent requests side by side. Daemon threads, created on demand and dropped
     * when idle, so a frozen or checkpointed environment holds no busy thread; when all are busy the
     * caller runs the request itself, so nested use (a step that fans out its own queries) cannot starve.
     */
    private static ExecutorService ioPool() {
        return new ThreadPoolExecutor(0, 12, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), runnable -> {
            Thread thread = new Thread(runnable, "index-io");
            thread.setDaemon(true);
            return thread;
        }, new ThreadPoolExecutor.CallerRunsPolicy());
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        LambdaLogger logger = context == null ? null : context.getLogger();
        List<String> failures = handle(events.read(input), line -> {
            if (logger != null) {
                logger.log(line + "\n");
            }
        });
        try (JsonGenerator g = json.createGenerator(output)) {
            g.writeStartObject();
            g.writeArrayFieldStart("batchItemFailures");
            for (String sequenceNumber : failures) {
                g.writeStartObject();
                g.writeStringField("itemIdentifier", sequenceNumber);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    /** Applies {@code changes} in order; returns the sequence number of the first that failed, if any. */
    List<String> handle(List<ItemChange> changes, Consumer<String> log) throws IOException {
        IndexMetrics batch = new IndexMetrics(metrics);
        try {
            return handle(changes, log, batch);
        } finally {
            log.accept(batch.line());
        }
    }

    private List<String> handle(List<ItemChange> changes, Consumer<String> log, IndexMetrics batch) throws IOException {
        List<String> failures = new ArrayList<>(1);
        for (ItemChange change : changes) {
            String pk = change.key(TableLayout.PK);
            if (!TableLayout.isArticleItem(pk, change.key(TableLayout.SK))) {
                continue;
            }
            String id = pk.substring(TableLayout.ARTICLE_PK_PREFIX.length());
            long started = System.nanoTime();
            try {
                ArticleIndexer.Applied applied = indexer.apply(StoredItem.of(change.oldImage()),
                        StoredItem.of(change.newImage()));
                batch.applied(applied);
                log.accept(line(id, change, applied.outcome().name(), null, started));
            } catch (RuntimeException e) {
                // Stop here: a later change of the same item must not be applied before this one.
                batch.failed();
                log.accept(line(id, change, "FAILED", String.valueOf(e), started));
                failures.add(change.sequenceNumber());
                break;
            }
        }
        return failures;
    }

    private String line(String id, ItemChange change, String outcome, String error, long started) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(160);
        try (JsonGenerator g = json.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("id", id);
            g.writeStringField("eventName", change.eventName());
            g.writeStringField("sequenceNumber", change.sequenceNumber());
            g.writeStringField("outcome", outcome);
            if (error != null) {
                g.writeStringField("error", error);
            }
            g.writeNumberField("durationMs", (System.nanoTime() - started) / 1_000_000);
            g.writeEndObject();
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
