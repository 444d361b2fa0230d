package org.articlepipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.articlepipeline.aws.AwsClients;
import org.articlepipeline.aws.PipelineSettings;
import org.articlepipeline.backfill.Backfill;
import org.articlepipeline.backfill.Progress;
import org.articlepipeline.index.IndexHandler;
import org.articlepipeline.ingest.ArticleIngestor;
import org.articlepipeline.ingest.IngestHandler;
import org.articlepipeline.json.JsonCodec;
import org.articlepipeline.local.LocalInvocation;
import org.articlepipeline.local.LocalPipeline;
import org.articlepipeline.local.TableStreamSource;
import org.articlepipeline.normalize.ArticleNormalizer;
import org.articlepipeline.normalize.NormalizerVersion;
import org.articlepipeline.store.ArticleBucket;
import org.articlepipeline.store.ArticleId;
import org.articlepipeline.store.ArticleRecord;
import org.articlepipeline.store.ArticleRepository;
import org.articlepipeline.store.ArticleTable;
import org.articlepipeline.store.SearchIndex;
import org.articlepipeline.store.SourceCounts;
import org.articlepipeline.testing.SharedEmbeddedStack;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code backfill} on a bucket and table of its own, where no notification is sent: what the bucket holds
 * and what the table says differ exactly as the test makes them differ. The table's stream is drained
 * through the real index handler after each step, as Lambda's trigger would do a moment later.
 */
@ExtendWith(SharedEmbeddedStack.class)
class BackfillCommandTest {

    private static final AtomicInteger NEXT = new AtomicInteger();

    private Map<String, String> environment;
    private PipelineSettings settings;
    private S3Client s3;
    private DynamoDbClient dynamoDb;
    private ArticleRepository repository;
    private TableStreamSource stream;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void newBucketAndTable(LocalPipeline pipeline) {
        String name = "backfill-test-" + ProcessHandle.current().pid() + "-" + NEXT.incrementAndGet();
        Map<String, String> env = new HashMap<>(pipeline.environment());
        env.put(PipelineSettings.BUCKET_VARIABLE, name);
        env.put(PipelineSettings.TABLE_VARIABLE, name);
        environment = Map.copyOf(env);
        settings = PipelineSettings.fromEnvironment(environment);
        AwsClients clients = new AwsClients(environment);
        s3 = clients.s3();
        dynamoDb = clients.dynamoDb();
        s3.createBucket(b -> b.bucket(name));
        dynamoDb.createTable(ArticleTable.createTableRequest(name));
        repository = new ArticleRepository(dynamoDb, name);
        String streamArn = dynamoDb.describeTable(b -> b.tableName(name)).table().latestStreamArn();
        IndexHandler index = new IndexHandler(environment);
        stream = new TableStreamSource(clients.newDynamoDbStreams(), streamArn, "us-east-1",
                event -> LocalInvocation.invoke(index, "IndexFunction", event, line -> { }), line -> { });
    }

    @Test
    void processesObjectsWithoutAnArticleSaysWhyOneWasRejectedAndASecondRunDoesNothing() throws IOException {
        List<String> keys = uploadSeeds();
        s3.putObject(b -> b.bucket(settings.bucket()).key("incoming/empty.txt"), RequestBody.fromBytes(new byte[0]));

        int first = backfill("--missing", "--concurrency", "2");
        String report = output();

        assertThat(first).isZero();
        assertThat(report).contains((keys.size() + 1) + " object(s)").contains("processed " + (keys.size() + 1))
                .contains("OK " + keys.size()).contains("REJECTED 1")
                .contains("rejected incoming/empty.txt: the file is empty");
        assertThat(err.toString(StandardCharsets.UTF_8)).containsPattern("backfill: \\d+/6 \\(100%\\), [0-9.]+/s, done");
        for (String key : keys) {
            assertThat(repository.find(ArticleId.of(settings.bucket(), key))).get()
                    .extracting(ArticleRecord::isVisible).isEqualTo(true);
        }

        assertThat(backfill("--missing")).isZero();
        assertThat(output()).contains("nothing to do").doesNotContain("processed");
    }

    @Test
    void improvedNormalizerReNormalizesEverythingOnceAndASecondRunDoesNothing() throws Exception {
        List<String> keys = uploadSeeds();
        int older = NormalizerVersion.current() - 1;
        // What the previous release stored: every article, made by the older normalizer.
        Backfill previousRelease = new Backfill(s3, settings.bucket(), repository, ingestorAt(older), older);
        previousRelease.run(previousRelease.plan("incoming/").work(true, false), 2, progress());
        stream.drain();
        assertThat(versions()).hasSize(keys.size()).containsOnly(older);

        assertThat(backfill("--outdated")).isZero();
        String report = output();
        stream.drain();

        assertThat(report).contains(keys.size() + "  made by an older normalizer").contains("OK " + keys.size());
        assertThat(versions()).hasSize(keys.size()).containsOnly(NormalizerVersion.current());
        assertThat(backfill("--outdated")).isZero();
        assertThat(output()).contains("0  made by an older normalizer").contains("nothing to do");
    }

    @Test
    void reindexRepairsDamagedPostingsCountsAndClaimsAndASecondRunChangesNothing() throws Exception {
        List<String> keys = uploadSeeds();
        backfill("--missing");
        stream.drain();
        output();
        Map<String, Long> trueCounts = counts();
        assertThat(trueCounts).isNotEmpty();
        damage();

        assertThat(backfill("--reindex")).isZero();
        String repaired = output();

        assertThat(repaired).containsPattern("search postings +[1-9]\\d* written, +1 deleted")
                .containsPattern("publisher counts +[1-9]\\d* written");
        assertThat(counts()).isEqualTo(trueCounts);
        SearchIndex search = new SearchIndex(dynamoDb, settings.tableName(), repository);
        for (String key : keys) {
            ArticleRecord article = repository.find(ArticleId.of(settings.bucket(), key)).orElseThrow();
            assertThat(search.search(SearchIndex.queryTerms(article.metadata().title()), 10, null).items())
                    .extracting(ArticleRecord::id).as("search by the title of " + key).contains(article.id());
        }
        assertThat(backfill("--reindex")).isZero();
        assertThat(output()).contains("reindex: made 0 change(s)");
    }

    @Test
    void dryRunSaysWhatItWouldDoAndWritesNothing() throws IOException {
        List<String> keys = uploadSeeds();

        assertThat(backfill("--dry-run")).isZero();

        assertThat(output()).contains(keys.size() + "  no article").contains("dry run: would process " + keys.size());
        assertThat(repository.appliedStatesByKey("incoming/")).isEmpty();
    }

    @Test
    void refusesAConcurrencyOutOfRangeAndAPrefixOutsideTheInputPrefix() {
        assertThat(backfill("--concurrency", "0")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--concurrency must be a whole number from 1 to 64");
        assertThat(backfill("--prefix", "normalized/")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--prefix must lie under the input prefix incoming/");
    }

    /** Deletes one article's postings and one claim, adds a stray posting and inflates a count. */
    private void damage() {
        String table = settings.tableName();
        List<Map<String, AttributeValue>> postings = new ArrayList<>();
        List<Map<String, AttributeValue>> claims = new ArrayList<>();
        List<Map<String, AttributeValue>> counters = new ArrayList<>();
        for (Map<String, AttributeValue> item : scan()) {
            String pk = item.get("pk").s();
            if (pk.startsWith("W#")) {
                postings.add(item);
            } else if (pk.startsWith("H#")) {
                claims.add(item);
            } else if (pk.startsWith("SC#")) {
                counters.add(item);
            }
        }
        String victim = postings.get(0).get("id").s();
        for (Map<String, AttributeValue> posting : postings) {
            if (posting.get("id").s().equals(victim)) {
                dynamoDb.deleteItem(b -> b.tableName(table).key(Map.of("pk", posting.get("pk"), "sk", posting.get("sk"))));
            }
        }
        dynamoDb.putItem(b -> b.tableName(table).item(Map.of("pk", AttributeValue.fromS("W#stray#0"),
                "sk", AttributeValue.fromS("9000#" + victim), "id", AttributeValue.fromS(victim),
                "score", AttributeValue.fromN("999"))));
        dynamoDb.deleteItem(b -> b.tableName(table).key(Map.of("pk", claims.get(0).get("pk"), "sk", claims.get(0).get("sk"))));
        dynamoDb.updateItem(b -> b.tableName(table).key(Map.of("pk", counters.get(0).get("pk"), "sk", counters.get(0).get("sk")))
                .updateExpression("ADD #count :n").expressionAttributeNames(Map.of("#count", "count"))
                .expressionAttributeValues(Map.of(":n", AttributeValue.fromN("40"))));
    }

    private Map<String, Long> counts() {
        Map<String, Long> counts = new HashMap<>();
        for (SourceCounts.Source source : new SourceCounts(dynamoDb, settings.tableName()).all()) {
            counts.put(source.key(), source.count());
        }
        return counts;
    }

    private List<Integer> versions() {
        List<Integer> versions = new ArrayList<>();
        repository.appliedStatesByKey("incoming/").values().forEach(state -> versions.add(state.normalizerVersion()));
        return versions;
    }

    private List<Map<String, AttributeValue>> scan() {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            ScanResponse page = dynamoDb.scan(b -> b.tableName(settings.tableName()).exclusiveStartKey(from));
            items.addAll(page.items());
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return items;
    }

    private ArticleIngestor ingestorAt(int version) {
        return new ArticleIngestor(settings, new ArticleBucket(s3, settings.bucket(), settings.outputPrefix()),
                repository, new ArticleNormalizer(), new JsonCodec(), 10L << 20, Clock.systemUTC(), version);
    }

    private static Progress progress() {
        return new Progress("test", 0, line -> { }, System::nanoTime, Long.MAX_VALUE);
    }

    /** The project's seed articles, uploaded without a notification; returns their keys. */
    private List<String> uploadSeeds() throws IOException {
        List<String> keys = new ArrayList<>();
        try (Stream<Path> seeds = Files.list(Path.of("seeds"))) {
            for (Path seed : seeds.sorted().toList()) {
                String key = "incoming/" + seed.getFileName();
                s3.putObject(b -> b.bucket(settings.bucket()).key(key), RequestBody.fromFile(seed));
                keys.add(key);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return keys;
    }

    private int backfill(String... args) {
        List<String> command = new ArrayList<>(List.of("backfill"));
        command.addAll(List.of(args));
        return Main.run(command, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), environment);
    }

    /** What the command printed since the last call. */
    private String output() {
        String printed = out.toString(StandardCharsets.UTF_8);
        out.reset();
        return printed;
    }
}
