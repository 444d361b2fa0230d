package org.articlepipeline.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.articlepipeline.aws.AwsClients;
import org.articlepipeline.aws.PipelineSettings;
import org.articlepipeline.index.IndexHandler;
import org.articlepipeline.ingest.IngestHandler;
import org.articlepipeline.local.LocalContext;
import org.articlepipeline.local.LocalInvocation;
import org.articlepipeline.local.LocalPipeline;
import org.articlepipeline.local.TableStreamSource;
import org.articlepipeline.store.ArticleTable;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/**
 * Warm ingest on the embedded stack, measured the way Lambda runs it: the real handler, one S3
 * notification per article, against S3Proxy and DynamoDB Local on loopback.
 *
 * <p>Articles are generated from the seeds' sentences, shuffled, so every one is distinct but similar
 * news text (which also exercises the near-duplicate candidate path). A warm-up pass runs first.
 */
public final class IngestBenchmark {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        int articles = args.length > 0 ? Integer.parseInt(args[0]) : 600;
        List<String> sentences = sentences(Path.of("seeds"));
        // A stack of its own per run: DynamoDB Local's writes slow down with every stream-enabled table it
        // holds (each stream record insert reads the stream descriptions), which would bill one run for the last.
        try (LocalPipeline pipeline = LocalPipeline.start(0, 0, 0, null, line -> { })) {
            run(pipeline, "warm-up", 200, 1, sentences, new Random(1));
        }
        for (int threads : new int[] {1, 2}) {
            try (LocalPipeline pipeline = LocalPipeline.start(0, 0, 0, null, line -> { })) {
                Result result = run(pipeline, threads + " thread(s)", articles, threads, sentences, new Random(threads + 10));
                System.out.printf("%-12s articles=%d  ingest: median=%.1f ms  p99=%.1f ms  throughput=%.1f articles/s"
                                + "  |  index (one stream shard, in order): %.1f articles/s%n",
                        result.label, articles, result.median, result.p99, result.perSecond, result.indexedPerSecond);
            }
        }
        // DynamoDB Local leaves a non-daemon shard-rollover thread behind once a stream was used.
        System.exit(0);
    }

    private record Result(String label, double median, double p99, double perSecond, double indexedPerSecond) {
    }

    private static Result run(LocalPipeline pipeline, String label, int count, int threads, List<String> sentences,
                              Random random) throws Exception {
        String name = "bench-" + label.replaceAll("[^a-z0-9]", "") + "-" + System.nanoTime();
        Map<String, String> environment = new HashMap<>(pipeline.environment());
        environment.put(PipelineSettings.BUCKET_VARIABLE, name);
        environment.put(PipelineSettings.TABLE_VARIABLE, name);
        AwsClients clients = new AwsClients(environment);
        List<byte[]> events = new ArrayList<>();
        try (S3Client s3 = clients.s3(); var dynamoDb = clients.dynamoDb()) {
            s3.createBucket(b -> b.bucket(name));
            dynamoDb.createTable(ArticleTable.createTableRequest(name));
            for (int i = 0; i < count; i++) {
                String key = "incoming/article-" + i + ".txt";
                byte[] body = article(sentences, random).getBytes(StandardCharsets.UTF_8);
                PutObjectResponse put = s3.putObject(b -> b.bucket(name).key(key), RequestBody.fromBytes(body));
                events.add(notification(name, key, body.length, put.eTag().replace("\"", ""), i + 1));
            }
        }
        IngestHandler handler = new IngestHandler(environment);
        // The index step reads this table's stream afterwards, as one shard in order (Lambda's
        // parallelization factor 1): created now, it skips nothing the ingest below writes.
        IndexHandler indexer = new IndexHandler(environment);
        AwsClients streamClients = new AwsClients(environment);
        TableStreamSource stream = new TableStreamSource(streamClients.newDynamoDbStreams(),
                streamClients.dynamoDb().describeTable(b -> b.tableName(name)).table().latestStreamArn(), "us-east-1",
                event -> LocalInvocation.invoke(indexer, "IndexFunction", event, line -> { }), line -> { });
        long[] latencies = new long[count];
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long started = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int index = i;
            done.add(pool.submit(() -> {
                long t0 = System.nanoTime();
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                try {
                    handler.handleRequest(new ByteArrayInputStream(events.get(index)), out,
                            new LocalContext("IngestFunction", 60_000, line -> { }));
                } catch (RuntimeException e) {
                    throw new IllegalStateException("article " + index + " of " + label + " failed", e);
                }
                latencies[index] = System.nanoTime() - t0;
                if (!out.toString(StandardCharsets.UTF_8).contains("\"OK\"")) {
                    throw new IllegalStateException("not ingested: " + out);
                }
                return null;
            }));
        }
        for (Future<?> future : done) {
            future.get();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        long indexStarted = System.nanoTime();
        stream.drain();
        double indexSeconds = (System.nanoTime() - indexStarted) / 1e9;
        stream.close();
        Arrays.sort(latencies);
        return new Result(label, latencies[count / 2] / 1e6, latencies[(int) Math.ceil(count * 0.99) - 1] / 1e6,
                count / seconds, count / indexSeconds);
    }

    static String article(List<String> sentences, Random random) {
        List<String> pool = new ArrayList<>(sentences);
        Collections.shuffle(pool, random);
        StringBuilder text = new StringBuilder(pool.get(0)).append("\n\n");
        int paragraphs = 8 + random.nextInt(10);
        for (int p = 0; p < paragraphs; p++) {
            for (int s = 0; s < 3; s++) {
                text.append(pool.get(1 + (p * 3 + s) % (pool.size() - 1))).append(' ');
            }
            text.append("\n\n");
        }
        return text.toString();
    }

    static List<String> sentences(Path seeds) throws Exception {
        List<String> sentences = new ArrayList<>();
        try (Stream<Path> files = Files.list(seeds)) {
            for (Path file : files.sorted().toList()) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    for (String sentence : line.split("(?<=[.!؟?])\\s+")) {
                        if (sentence.split("\\s+").length >= 6) {
                            sentences.add(sentence.strip());
                        }
                    }
                }
            }
        }
        return sentences;
    }

    private static byte[] notification(String bucket, String key, long size, String eTag, long sequencer)
            throws Exception {
        ObjectNode event = MAPPER.createObjectNode();
        ObjectNode record = event.putArray("Records").addObject();
        record.put("eventVersion", "2.1").put("eventSource", "aws:s3").put("awsRegion", "us-east-1")
                .put("eventName", "ObjectCreated:Put").put("eventTime", "2026-11-24T10:00:00.000Z");
        ObjectNode s3 = record.putObject("s3");
        s3.putObject("bucket").put("name", bucket);
        s3.putObject("object").put("key", URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/"))
                .put("size", size).put("eTag", eTag).put("sequencer", String.format("%016X", sequencer));
        return MAPPER.writeValueAsBytes(event);
    }

    private IngestBenchmark() {
    }
}
