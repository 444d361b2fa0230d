package org.articlepipeline.local;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.articlepipeline.aws.AwsClients;
import org.articlepipeline.aws.PipelineSettings;
import org.articlepipeline.index.IndexHandler;
import org.articlepipeline.ingest.IngestHandler;
import org.articlepipeline.lookup.LookupHandler;
import org.articlepipeline.store.ArticleTable;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;

/**
 * The whole pipeline on one machine: embedded S3 and DynamoDB, S3 event notifications delivered to the
 * real ingest handler, and the real lookup handler behind a local HTTP API.
 *
 * <p>The handlers are built exactly as Lambda builds them, from an environment map that names the local
 * endpoints through the SDK's standard variables, so what runs here is what runs in AWS.
 */
public final class LocalPipeline implements AutoCloseable {

    /** Default ports of the {@code serve} command. */
    public static final int DEFAULT_API_PORT = 3000;
    public static final int DEFAULT_S3_PORT = 9000;
    public static final int DEFAULT_DYNAMODB_PORT = 8000;
    static final String REGION = "us-east-1";

    private final EmbeddedServices services;
    private final S3EventSource events;
    private final TableStreamSource changes;
    private final DynamoDbStreamsClient streams;
    private final LocalApi api;
    private final Map<String, String> environment;
    private final PipelineSettings settings;
    private final boolean indexNeedsRebuild;

    /** @param services the embedded servers this pipeline owns, or {@code null} when it runs on others' */
    private LocalPipeline(EmbeddedServices services, S3EventSource events, TableStreamSource changes,
                          DynamoDbStreamsClient streams, LocalApi api, Map<String, String> environment,
                          PipelineSettings settings, boolean indexNeedsRebuild) {
        this.indexNeedsRebuild = indexNeedsRebuild;
        this.services = services;
        this.events = events;
        this.changes = changes;
        this.streams = streams;
        this.api = api;
        this.environment = environment;
        this.settings = settings;
    }

    /**
     * Starts everything, creates the bucket and the table when missing, and returns once the API answers.
     *
     * @param apiPort      HTTP port of the lookup API (0 picks a free one)
     * @param s3Port       port of the S3 server (0 picks a free one)
     * @param dynamoDbPort port of DynamoDB Local (0 picks a free one)
     * @param dataDirectory where state persists, or {@code null} for an empty, in-memory stack
     * @param log          where the handlers' log lines go
     */
    public static LocalPipeline start(int apiPort, int s3Port, int dynamoDbPort, Path dataDirectory,
                                      Consumer<String> log) throws Exception {
        return start(LocalAddresses.LOOPBACK, apiPort, s3Port, dynamoDbPort, dataDirectory, log);
    }

    /**
     * As {@link #start(int, int, int, Path, Consumer)}, with every listener (API, S3, DynamoDB) on
     * {@code host} instead of loopback.
     */
    public static LocalPipeline start(InetAddress host, int apiPort, int s3Port, int dynamoDbPort,
                                      Path dataDirectory, Consumer<String> log) throws Exception {
        PipelineSettings settings = PipelineSettings.defaults();
        AtomicReference<S3EventSource> eventSource = new AtomicReference<>();
        EmbeddedServices services = EmbeddedServices.start(host, s3Port, dynamoDbPort, dataDirectory, change -> {
            S3EventSource source = eventSource.get();
            if (source != null) {
                source.publish(change);
            }
        });
        try {
            Map<String, String> environment = environment(settings, services);
            return wire(services, environment, host, apiPort, eventSource, log,
                    dataDirectory == null ? null : dataDirectory.resolve(CHECKPOINT_FILE));
        } catch (Exception e) {
            services.close();
            throw e;
        }
    }

    /**
     * Runs the handlers, the event source and the API on S3 and DynamoDB servers that run elsewhere
     * (LocalStack): {@code environment} names their endpoints through the standard variables. Those
     * servers emit no notifications here, so whoever changes objects reports it to {@link #events()}.
     */
    public static LocalPipeline attach(Map<String, String> environment, int apiPort, Consumer<String> log)
            throws Exception {
        return wire(null, Map.copyOf(environment), LocalAddresses.LOOPBACK, apiPort, new AtomicReference<>(), log,
                null);
    }

    private static LocalPipeline wire(EmbeddedServices services, Map<String, String> environment, InetAddress host,
                                      int apiPort, AtomicReference<S3EventSource> eventSource, Consumer<String> log,
                                      Path checkpointFile) throws IOException {
        PipelineSettings settings = PipelineSettings.fromEnvironment(environment);
        AwsClients clients = new AwsClients(environment);
        Table table = createBucketAndTable(clients, settings);
        String region = environment.getOrDefault("AWS_REGION", REGION);
        // The stream source resumes where the last run's stopped (or reads from the oldest record), so what
        // was written while nothing read the stream is indexed now.
        StreamCheckpoint checkpoint = checkpointFile == null ? StreamCheckpoint.inMemory(table.streamArn())
                : StreamCheckpoint.in(checkpointFile, table.streamArn());
        IndexHandler index = new IndexHandler(environment);
        DynamoDbStreamsClient streams = clients.newDynamoDbStreams();
        TableStreamSource changes = new TableStreamSource(streams, table.streamArn(), region,
                event -> invoke(index, "IndexFunction", event, log), log, checkpoint).start();
        IngestHandler ingest = new IngestHandler(environment);
        eventSource.set(new S3EventSource(settings.bucket(), settings.inputPrefix(), region,
                notification -> {
                    try {
                        invoke(ingest, "IngestFunction", notification, log);
                    } catch (RuntimeException logged) {
                        // the log has it; the next notification goes on
                    }
                }, Clock.systemUTC()));
        LocalApi api = LocalApi.start(host, apiPort, new LookupHandler(environment), log);
        return new LocalPipeline(services, eventSource.get(), changes, streams, api, environment, settings,
                table.existed() && !checkpoint.previousStopClean());
    }

    /** The file under {@code --data} where the stream reader keeps its position. */
    static final String CHECKPOINT_FILE = "stream-checkpoint.properties";

    /** The table's stream, and whether the table was there before this start. */
    private record Table(String streamArn, boolean existed) {
    }

    /**
     * True when the table existed and the last run did not stop cleanly (a crash, or no checkpoint kept):
     * part of a delivery may have been applied twice, so the derived structures should be rebuilt once the
     * stream has been caught up with ({@code org.articlepipeline.store.IndexRebuild}).
     */
    public boolean indexNeedsRebuild() {
        return indexNeedsRebuild;
    }

    /** Queues no more uploads for ingest; what is queued is still ingested and indexed. */
    public void stopAccepting() {
        events.stopAccepting();
    }

    /** Uploads whose notification is queued or being ingested. */
    public int queuedUploads() {
        return events.pending();
    }

    /**
     * Waits until everything queued is ingested and indexed; when it is, the stop that follows is recorded
     * as clean, so the next start does not rebuild the index.
     */
    public boolean finishQueued(long timeoutMillis) throws InterruptedException {
        boolean done = awaitIdle(timeoutMillis);
        if (done) {
            changes.markCaughtUp();
        }
        return done;
    }

    /** True when the bucket holds no object at all (not only under the input prefix). */
    public boolean bucketIsEmpty() {
        try (S3Client s3 = new AwsClients(environment).s3()) {
            return s3.listObjectsV2(b -> b.bucket(settings.bucket()).maxKeys(1)).contents().isEmpty();
        }
    }

    /** Where object changes become S3 notifications for the ingest handler. */
    public S3EventSource events() {
        return events;
    }

    /** The environment a Lambda function would see here: settings, endpoints, region and credentials. */
    static Map<String, String> environment(PipelineSettings settings, EmbeddedServices services) {
        return environmentFor(settings, services.s3Endpoint().toString(), services.dynamoDbEndpoint().toString(),
                REGION, EmbeddedServices.ACCESS_KEY, EmbeddedServices.SECRET_KEY);
    }

    /**
     * The environment of functions running against S3 and DynamoDB at the given endpoints: the pipeline's
     * settings plus the SDK's standard endpoint, region and credential variables.
     */
    public static Map<String, String> environmentFor(PipelineSettings settings, String s3Endpoint,
                                                     String dynamoDbEndpoint, String region, String accessKey,
                                                     String secretKey) {
        Map<String, String> environment = new HashMap<>();
        environment.put(PipelineSettings.BUCKET_VARIABLE, settings.bucket());
        environment.put(PipelineSettings.INPUT_PREFIX_VARIABLE, settings.inputPrefix());
        environment.put(PipelineSettings.OUTPUT_PREFIX_VARIABLE, settings.outputPrefix());
        environment.put(PipelineSettings.TABLE_VARIABLE, settings.tableName());
        environment.put("AWS_ENDPOINT_URL_S3", s3Endpoint);
        environment.put("AWS_ENDPOINT_URL_DYNAMODB", dynamoDbEndpoint);
        environment.put("AWS_REGION", region);
        environment.put("AWS_ACCESS_KEY_ID", accessKey);
        environment.put("AWS_SECRET_ACCESS_KEY", secretKey);
        return Map.copyOf(environment);
    }

    /** Creates what is missing and returns the table's stream ARN, enabling the stream on an older table. */
    private static Table createBucketAndTable(AwsClients clients, PipelineSettings settings) {
        try (S3Client s3 = clients.s3(); DynamoDbClient dynamoDb = clients.dynamoDb()) {
            try {
                s3.createBucket(b -> b.bucket(settings.bucket()));
            } catch (BucketAlreadyOwnedByYouException exists) {
                // a persistent stack restarted: keep what it holds
            }
            try {
                return new Table(dynamoDb.createTable(ArticleTable.createTableRequest(settings.tableName()))
                        .tableDescription().latestStreamArn(), false);
            } catch (ResourceInUseException exists) {
                // likewise; a table persisted before the index step had a stream gets one now
                var table = dynamoDb.describeTable(b -> b.tableName(settings.tableName())).table();
                if (table.streamSpecification() != null && Boolean.TRUE.equals(table.streamSpecification().streamEnabled())) {
                    return new Table(table.latestStreamArn(), true);
                }
                return new Table(dynamoDb.updateTable(b -> b.tableName(settings.tableName())
                        .streamSpecification(ArticleTable.stream())).tableDescription().latestStreamArn(), true);
            }
        }
    }

    private static byte[] invoke(RequestStreamHandler function, String name, byte[] event, Consumer<String> log) {
        try {
            return LocalInvocation.invoke(function, name, event, log);
        } catch (RuntimeException e) {
            // Lambda would retry and then hand the event to the failure queue; locally the log says it.
            log.accept("{\"level\":\"ERROR\",\"message\":\"" + name + " failed\",\"error\":\""
                    + String.valueOf(e).replace("\"", "'") + "\"}");
            throw e;
        }
    }

    /**
     * Uploads every regular file of {@code folder} (not recursing) under the input prefix, in name order.
     *
     * @return the keys written
     */
    public List<String> uploadFolder(Path folder) throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(Files::isRegularFile).sorted().toList();
        }
        List<String> keys = new ArrayList<>();
        try (S3Client s3 = new AwsClients(environment).s3()) {
            for (Path file : files) {
                String key = settings.inputPrefix() + file.getFileName();
                s3.putObject(b -> b.bucket(settings.bucket()).key(key), RequestBody.fromFile(file));
                keys.add(key);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return keys;
    }

    /**
     * Waits until every event emitted so far has been handled: every upload and delete ingested, and every
     * change that made to the table indexed.
     */
    public boolean awaitIdle(long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        return events.awaitIdle(timeoutMillis)
                && changes.awaitCaughtUp(Math.max(0, deadline - System.currentTimeMillis()));
    }

    /** The environment the handlers run with; any SDK client built from it talks to this stack. */
    public Map<String, String> environment() {
        return environment;
    }

    public PipelineSettings settings() {
        return settings;
    }

    public String apiEndpoint() {
        return "http://" + LocalAddresses.uriHost(LocalAddresses.reachable(api.host())) + ":" + api.port();
    }

    public String s3Endpoint() {
        return environment.get("AWS_ENDPOINT_URL_S3");
    }

    public String dynamoDbEndpoint() {
        return environment.get("AWS_ENDPOINT_URL_DYNAMODB");
    }

    @Override
    public void close() throws Exception {
        try {
            api.close();
            events.close();
            changes.close();
            streams.close();
        } finally {
            if (services != null) {
                services.close();
            }
        }
    }
}
