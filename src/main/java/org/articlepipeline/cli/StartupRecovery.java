package org.articlepipeline.cli;

import java.io.PrintStream;
import java.util.List;
import org.articlepipeline.aws.AwsClients;
import org.articlepipeline.aws.PipelineSettings;
import org.articlepipeline.backfill.Backfill;
import org.articlepipeline.backfill.BackfillPlan;
import org.articlepipeline.backfill.BackfillReport;
import org.articlepipeline.backfill.Progress;
import org.articlepipeline.backfill.Standing;
import org.articlepipeline.backfill.StoredObject;
import org.articlepipeline.ingest.IngestHandler;
import org.articlepipeline.local.LocalPipeline;
import org.articlepipeline.normalize.NormalizerVersion;
import org.articlepipeline.store.ArticleRepository;
import org.articlepipeline.store.IndexRebuild;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * What {@code serve --data} does before it says {@code ready}, so that the local stack loses nothing S3 or
 * Lambda would not: objects stored while nothing ingested them (a crash, a stop with a queue) and articles
 * of an older normalizer are processed ({@code backfill --missing --outdated}); objects whose notification
 * was lost while the table holds another state of them are notified again, as S3 would have, and so are
 * deletes whose notification was lost; the index step catches up with the stream; and after a stop that was
 * not clean, the index is rebuilt from the articles, since a replayed stream record may have counted twice.
 */
final class StartupRecovery {

    /** Objects processed side by side: the local stack's own servers share the machine with them. */
    private static final int CONCURRENCY = 2;
    private static final long CATCH_UP_MILLIS = 10 * 60_000;

    private final PrintStream out;
    private final PrintStream err;

    StartupRecovery(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    void run(LocalPipeline pipeline) throws InterruptedException {
        PipelineSettings settings = pipeline.settings();
        AwsClients clients = new AwsClients(pipeline.environment());
        try (S3Client s3 = clients.s3(); DynamoDbClient dynamoDb = clients.dynamoDb()) {
            Backfill backfill = new Backfill(s3, settings.bucket(), new ArticleRepository(dynamoDb, settings.tableName()),
                    IngestHandler.ingestorFor(clients, pipeline.environment()), NormalizerVersion.current());
            BackfillPlan plan = backfill.plan(settings.inputPrefix());
            List<StoredObject> work = plan.work(true, true);
            BackfillReport report = backfill.run(work, CONCURRENCY,
                    new Progress("backfill", work.size(), err::println, System::nanoTime, 1_000_000_000L));
            StringBuilder line = new StringBuilder("backfill on start: processed " + work.size() + " object(s) under "
                    + settings.inputPrefix() + " (" + plan.standing(Standing.MISSING).size() + " without an article, "
                    + plan.standing(Standing.OUTDATED).size() + " made by an older normalizer)");
            report.outcomes().forEach((outcome, count) -> line.append(", ").append(outcome).append(' ').append(count));
            if (!report.failures().isEmpty()) {
                line.append(", failed ").append(report.failures().size()).append(" (the next start retries them)");
            }
            out.println(line);
            renotify(pipeline, plan);
            if (!pipeline.awaitIdle(CATCH_UP_MILLIS)) {
                out.println("the index step has not caught up with the table's stream yet; it goes on in the background");
            }
            if (pipeline.indexNeedsRebuild()) {
                List<IndexRebuild.Repair> repairs = new IndexRebuild(dynamoDb, settings.tableName()).rebuild(CONCURRENCY, false);
                int changes = repairs.stream().mapToInt(r -> r.written() + r.deleted()).sum();
                out.println("the last stop was not clean: duplicates, search and counts rebuilt from the articles ("
                        + changes + " change(s))");
            }
        }
    }

    /** The local S3 sends again what its notifications did not deliver: S3 itself would not have lost them. */
    private void renotify(LocalPipeline pipeline, BackfillPlan plan) {
        String bucket = pipeline.settings().bucket();
        List<StoredObject> changed = plan.standing(Standing.OTHER_STATE);
        for (StoredObject object : changed) {
            pipeline.events().objectChanged("ObjectCreated:Put", bucket, object.key(), object.size(), object.eTag());
        }
        for (String key : plan.articlesWithoutObject()) {
            pipeline.events().objectChanged("ObjectRemoved:Delete", bucket, key, null, null);
        }
        if (!changed.isEmpty() || !plan.articlesWithoutObject().isEmpty()) {
            out.println("notified again: " + changed.size() + " upload(s) and " + plan.articlesWithoutObject().size()
                    + " delete(s) whose notification was lost");
        }
    }
}
