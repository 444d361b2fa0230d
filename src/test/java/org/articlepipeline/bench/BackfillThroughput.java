package org.articlepipeline.bench;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.articlepipeline.aws.AwsClients;
import org.articlepipeline.aws.PipelineSettings;
import org.articlepipeline.backfill.Backfill;
import org.articlepipeline.backfill.BackfillPlan;
import org.articlepipeline.backfill.BackfillReport;
import org.articlepipeline.backfill.Progress;
import org.articlepipeline.backfill.StoredObject;
import org.articlepipeline.index.IndexHandler;
import org.articlepipeline.ingest.IngestHandler;
import org.articlepipeline.local.LocalInvocation;
import org.articlepipeline.local.LocalPipeline;
import org.articlepipeline.local.TableStreamSource;
import org.articlepipeline.normalize.NormalizerVersion;
import org.articlepipeline.store.ArticleRepository;
import org.articlepipeline.store.ArticleTable;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code backfill --missing} on the embedded stack at several concurrencies: a bucket of generated
 * articles that no notification announced, put through the ingest core in-process, with the index step
 * following from the table's stream as {@code serve} runs it. Prints, per concurrency, the backfill's own
 * rate and the time until the index step caught up.
 */
public final class BackfillThroughput {

    public static void main(String[] args) throws Exception {
        int articles = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        List<String> sentences = IngestBenchmark.sentences(java.nio.file.Path.of("seeds"));
        for (int concurrency : new int[] {1, 2, 4}) {
            // A stack of its own per run, as IngestBenchmark does: DynamoDB Local slows with every table.
            try (LocalPipeline pipeline = LocalPipeline.start(0, 0, 0, null, line -> { })) {
                run(pipeline, articles, concurrency, sentences);
            }
        }
    }

    private static void run(LocalPipeline pipeline, int articles, int concurrency, List<String> sentences)
            throws Exception {
        String name = "backfill-bench";
        Map<String, String> env = new HashMap<>(pipeline.environment());
        env.put(PipelineSettings.BUCKET_VARIABLE, name);
        env.put(PipelineSettings.TABLE_VARIABLE, name);
        PipelineSettings settings = PipelineSettings.fromEnvironment(env);
        AwsClients clients = new AwsClients(env);
        S3Client s3 = clients.s3();
        DynamoDbClient dynamoDb = clients.dynamoDb();
        s3.createBucket(b -> b.bucket(name));
        String streamArn = dynamoDb.createTable(ArticleTable.createTableRequest(name)).tableDescription().latestStreamArn();
        Random random = new Random(concurrency);
        for (int i = 0; i < articles; i++) {
            String key = settings.inputPrefix() + "bench-" + i + ".txt";
            s3.putObject(b -> b.bucket(name).key(key), RequestBody.fromString(
                    IngestBenchmark.article(sentences, random), StandardCharsets.UTF_8));
        }
        IndexHandler index = new IndexHandler(env);
        try (TableStreamSource stream = new TableStreamSource(clients.newDynamoDbStreams(), streamArn, "us-east-1",
                event -> LocalInvocation.invoke(index, "IndexFunction", event, line -> { }), line -> { }).start()) {
            Backfill backfill = new Backfill(s3, name, new ArticleRepository(dynamoDb, name),
                    IngestHandler.ingestorFor(clients, env), NormalizerVersion.current());
            long started = System.nanoTime();
            BackfillPlan plan = backfill.plan(settings.inputPrefix());
            List<StoredObject> work = plan.work(true, true);
            BackfillReport report = backfill.run(work, concurrency,
                    new Progress("backfill", work.size(), line -> { }, System::nanoTime, Long.MAX_VALUE));
            double backfillSeconds = (System.nanoTime() - started) / 1e9;
            boolean caughtUp = stream.awaitCaughtUp(600_000);
            double indexedSeconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("concurrency %d: %d articles (%s) backfilled in %.1f s = %.1f articles/s;"
                            + " index step caught up %s after %.1f s = %.1f articles/s end to end%n",
                    concurrency, work.size(), report.outcomes(), backfillSeconds, work.size() / backfillSeconds,
                    caughtUp ? "" : "NOT", indexedSeconds, work.size() / indexedSeconds);
        }
    }
}
