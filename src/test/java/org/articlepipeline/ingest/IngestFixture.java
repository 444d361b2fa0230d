package org.articlepipeline.ingest;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.articlepipeline.aws.AwsClients;
import org.articlepipeline.aws.PipelineSettings;
import org.articlepipeline.index.event.ItemChange;
import org.articlepipeline.index.event.TableStreamEvents;
import org.articlepipeline.local.LocalInvocation;
import org.articlepipeline.local.LocalPipeline;
import org.articlepipeline.local.TableStreamSource;
import org.articlepipeline.store.ArticleId;
import org.articlepipeline.store.ArticleRecord;
import org.articlepipeline.store.ArticleRepository;
import org.articlepipeline.store.ArticleTable;
import org.articlepipeline.store.DuplicateIndex;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/**
 * A bucket and a table of their own on the shared embedded stack, where no event source runs: the test
 * decides which events the ingest handler sees, in which order and how often. After each invocation the
 * table's stream is drained through the real index handler, as Lambda's stream trigger would do a moment
 * later, so a test reads the duplicates, postings and counts that the ingested articles lead to.
 */
final class IngestFixture {

    private static final AtomicInteger NEXT = new AtomicInteger();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    final Map<String, String> environment;
    final PipelineSettings settings;
    final S3Client s3;
    final DynamoDbClient dynamoDb;
    final ArticleRepository repository;
    final DuplicateIndex duplicates;
    final org.articlepipeline.store.ArticleListing listing;
    private final TableStreamSource changes;
    private long sequencer = 0x1000;

    IngestFixture(LocalPipeline pipeline) {
        String name = "ingest-test-" + ProcessHandle.current().pid() + "-" + NEXT.incrementAndGet();
        Map<String, String> environment = new HashMap<>(pipeline.environment());
        environment.put(PipelineSettings.BUCKET_VARIABLE, name);
        environment.put(PipelineSettings.TABLE_VARIABLE, name);
        this.environment = Map.copyOf(environment);
        this.settings = PipelineSettings.fromEnvironment(environment);
        AwsClients clients = new AwsClients(environment);
        this.s3 = clients.s3();
        this.dynamoDb = clients.dynamoDb();
        s3.createBucket(b -> b.bucket(name));
        dynamoDb.createTable(ArticleTable.createTableRequest(name));
        this.repository = new ArticleRepository(dynamoDb, name);
        this.duplicates = new DuplicateIndex(dynamoDb, name);
        this.listing = new org.articlepipeline.store.ArticleListing(dynamoDb, name, repository, Runnable::run);
        String streamArn = dynamoDb.describeTable(b -> b.tableName(name)).table().latestStreamArn();
        org.articlepipeline.index.IndexHandler index = new org.articlepipeline.index.IndexHandler(this.environment);
        this.changes = new TableStreamSource(clients.newDynamoDbStreams(), streamArn, "us-east-1",
                event -> LocalInvocation.invoke(index, "IndexFunction", event, line -> { }), line -> { });
    }

    /** Runs the index step over every change of the table not indexed yet. */
    void index() {
        changes.drain();
    }

    /**
     * Invokes the ingest handler and leaves the index step alone: the test delivers the changes itself
     * ({@link #insertOf}, {@link #deliver}) and must not call {@link #invoke} afterwards, which would
     * deliver them a second time.
     */
    JsonNode invokeWithoutIndexing(JsonNode event) {
        return call(handler(), "IngestFunction", json(event));
    }

    /** The stream record of the article item under {@code key} appearing as it is now. */
    ItemChange insertOf(String key, String sequenceNumber) {
        Map<String, AttributeValue> itemKey = ArticleRepository.articleKey(idOf(key));
        Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName(settings.tableName()).key(itemKey)).item();
        return new ItemChange("INSERT", sequenceNumber, itemKey, Map.of(), item);
    }

    /** Hands {@code changes} to {@code handler} as Lambda's stream trigger would; returns its answer. */
    JsonNode deliver(org.articlepipeline.index.IndexHandler handler, java.util.List<ItemChange> changes) {
        ByteArrayOutputStream event = new ByteArrayOutputStream();
        try {
            new TableStreamEvents(new com.fasterxml.jackson.core.JsonFactory()).write(changes,
                    "arn:aws:dynamodb:us-east-1:000000000000:table/" + settings.tableName() + "/stream/test", "us-east-1", event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return call(handler, "IndexFunction", event.toByteArray());
    }

    org.articlepipeline.index.IndexHandler indexHandlerWith(ExecutionInterceptor interceptor) {
        return new org.articlepipeline.index.IndexHandler(new AwsClients(environment).withInterceptor(interceptor), environment);
    }

    IngestHandler handler() {
        return new IngestHandler(environment);
    }

    /** An ingest handler whose normalizer says it is {@code normalizerVersion}, as an older or newer build would. */
    IngestHandler handlerAtVersion(int normalizerVersion) {
        AwsClients clients = new AwsClients(environment);
        return new IngestHandler(new ArticleIngestor(settings,
                new org.articlepipeline.store.ArticleBucket(clients.s3(), settings.bucket(), settings.outputPrefix()),
                repository, new org.articlepipeline.normalize.ArticleNormalizer(), new org.articlepipeline.json.JsonCodec(),
                IngestHandler.DEFAULT_MAX_ARTICLE_BYTES, java.time.Clock.systemUTC(), normalizerVersion),
                new org.articlepipeline.json.JsonCodec());
    }

    IngestHandler handlerWith(ExecutionInterceptor interceptor) {
        return new IngestHandler(new AwsClients(environment).withInterceptor(interceptor), environment);
    }

    /** Uploads {@code content} under {@code key}; no event is sent. */
    Upload upload(String key, String content) {
        return upload(key, content.getBytes(StandardCharsets.UTF_8));
    }

    Upload upload(String key, byte[] content) {
        PutObjectResponse put = s3.putObject(b -> b.bucket(settings.bucket()).key(key), RequestBody.fromBytes(content));
        return new Upload(key, content.length, put.eTag().replace("\"", ""), nextSequencer());
    }

    void delete(String key) {
        s3.deleteObject(b -> b.bucket(settings.bucket()).key(key));
    }

    String nextSequencer() {
        return String.format("00%014X", sequencer += 0x10);
    }

    String idOf(String key) {
        return ArticleId.of(settings.bucket(), key);
    }

    ArticleRecord record(String key) {
        return repository.find(idOf(key)).orElseThrow();
    }

    /** An S3 notification with one record, key URL-form-encoded as S3 writes it. */
    ObjectNode created(Upload upload) {
        return notification("ObjectCreated:Put", upload.key(), upload.size(), upload.eTag(), upload.sequencer());
    }

    ObjectNode removed(String key, String sequencer) {
        return notification("ObjectRemoved:Delete", key, null, null, sequencer);
    }

    ObjectNode notification(String eventName, String key, Long size, String eTag, String sequencer) {
        ObjectNode event = MAPPER.createObjectNode();
        ObjectNode record = event.putArray("Records").addObject();
        record.put("eventVersion", "2.1").put("eventSource", "aws:s3").put("awsRegion", "us-east-1")
                .put("eventTime", "2026-11-24T10:00:00.000Z").put("eventName", eventName);
        ObjectNode s3 = record.putObject("s3");
        s3.put("s3SchemaVersion", "1.0").put("configurationId", "test");
        s3.putObject("bucket").put("name", settings.bucket()).put("arn", "arn:aws:s3:::" + settings.bucket());
        ObjectNode object = s3.putObject("object");
        object.put("key", URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/"));
        if (size != null) {
            object.put("size", size);
        }
        if (eTag != null) {
            object.put("eTag", eTag);
        }
        object.put("sequencer", sequencer);
        return event;
    }

    JsonNode invoke(JsonNode event) {
        return invoke(handler(), event);
    }

    /** Invokes {@code handler} with {@code event}, then lets the index step catch up, even after a failure. */
    JsonNode invoke(IngestHandler handler, JsonNode event) {
        try {
            return call(handler, "IngestFunction", json(event));
        } finally {
            index();
        }
    }

    private static JsonNode call(RequestStreamHandler handler, String functionName, byte[] event) {
        try {
            return MAPPER.readTree(LocalInvocation.invoke(handler, functionName, event, line -> { }));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] json(JsonNode event) {
        try {
            return MAPPER.writeValueAsBytes(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The ids the newest-first listing shows now. */
    java.util.List<String> listedIds() {
        return listing.page(org.articlepipeline.store.ArticleListing.Filter.NONE, 100, null).items().stream()
                .map(ArticleRecord::id).toList();
    }

    String outcome(JsonNode response) {
        return response.path("outcomes").path(0).path("outcome").asText();
    }

    boolean outputExists(String id, String extension) {
        try {
            s3.headObject(b -> b.bucket(settings.bucket()).key(settings.outputPrefix() + id + extension));
            return true;
        } catch (software.amazon.awssdk.services.s3.model.S3Exception missing) {
            return false;
        }
    }

    String outputText(String id) {
        return s3.getObjectAsBytes(b -> b.bucket(settings.bucket()).key(settings.outputPrefix() + id + ".txt"))
                .asUtf8String();
    }

    static ObjectMapper mapper() {
        return MAPPER;
    }

    /** What an upload produced: what its event will carry. */
    record Upload(String key, long size, String eTag, String sequencer) {
    }
}
