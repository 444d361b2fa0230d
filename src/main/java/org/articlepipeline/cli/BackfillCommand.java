package org.articlepipeline.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.articlepipeline.aws.AwsClients;
import org.articlepipeline.aws.PipelineSettings;
import org.articlepipeline.backfill.Backfill;
import org.articlepipeline.backfill.BackfillPlan;
import org.articlepipeline.backfill.BackfillReport;
import org.articlepipeline.backfill.Progress;
import org.articlepipeline.backfill.Standing;
import org.articlepipeline.backfill.StoredObject;
import org.articlepipeline.ingest.IngestHandler;
import org.articlepipeline.ingest.IngestOutcome;
import org.articlepipeline.normalize.NormalizerVersion;
import org.articlepipeline.normalize.RejectionReason;
import org.articlepipeline.store.ArticleRepository;
import org.articlepipeline.store.IndexRebuild;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code backfill [--missing] [--outdated] [--reindex] [--prefix P] [--concurrency N] [--dry-run]}: brings
 * the table in step with the bucket. Objects without an article and articles made by an older normalizer
 * go through the ingest core in this process, as Batch Operations tasks would; {@code --reindex} rebuilds
 * the index step's structures from the article items. With none of the three, it does the first two.
 */
final class BackfillCommand {

    static final int DEFAULT_CONCURRENCY = 4;

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> processEnvironment;

    BackfillCommand(PrintStream out, PrintStream err, Map<String, String> processEnvironment) {
        this.out = out;
        this.err = err;
        this.processEnvironment = processEnvironment;
    }

    int run(List<String> args) {
        Arguments arguments = Arguments.parse(args, Set.of("--prefix", "--concurrency"),
                Set.of("--missing", "--outdated", "--reindex", "--dry-run"));
        if (!arguments.operands().isEmpty()) {
            throw new Arguments.UsageException("backfill takes no operands: " + arguments.operands());
        }
        boolean none = !arguments.has("--missing") && !arguments.has("--outdated") && !arguments.has("--reindex");
        boolean missing = none || arguments.has("--missing");
        boolean outdated = none || arguments.has("--outdated");
        boolean dryRun = arguments.has("--dry-run");
        int concurrency = concurrency(arguments.option("--concurrency", Integer.toString(DEFAULT_CONCURRENCY)));
        Map<String, String> environment = StackEnvironment.resolve(processEnvironment, err);
        PipelineSettings settings = PipelineSettings.fromEnvironment(environment);
        String prefix = arguments.option("--prefix", settings.inputPrefix());
        if (!prefix.startsWith(settings.inputPrefix())) {
            throw new Arguments.UsageException("--prefix must lie under the input prefix " + settings.inputPrefix()
                    + ": only objects there are articles");
        }
        AwsClients clients = new AwsClients(environment);
        try (S3Client s3 = clients.s3(); DynamoDbClient dynamoDb = clients.dynamoDb()) {
            int failures = 0;
            if (arguments.has("--reindex")) {
                // First: the articles the rest of the run writes are then indexed by the stream on top of
                // exact structures.
                reindex(new IndexRebuild(dynamoDb, settings.tableName()), concurrency, dryRun);
            }
            if (missing || outdated) {
                Backfill backfill = new Backfill(s3, settings.bucket(),
                        new ArticleRepository(dynamoDb, settings.tableName()),
                        IngestHandler.ingestorFor(clients, environment), NormalizerVersion.current());
                failures = backfill(backfill, prefix, missing, outdated, concurrency, dryRun);
            }
            return failures == 0 ? 0 : 1;
        } catch (SdkException e) {
            throw new CommandException("the stack did not answer: " + e.getMessage(), 1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandException("interrupted", 130);
        }
    }

    private int backfill(Backfill backfill, String prefix, boolean missing, boolean outdated, int concurrency,
                         boolean dryRun) throws InterruptedException {
        BackfillPlan plan = backfill.plan(prefix);
        out.println("s3://" + plan.bucket() + "/" + prefix + ": " + plan.objects().size() + " object(s); normalizer version "
                + plan.normalizerVersion());
        plan.counts().forEach((standing, count) -> out.printf("  %6d  %s%s%n", count, standing.words(),
                standing == Standing.MISSING && !missing || standing == Standing.OUTDATED && !outdated
                        ? " (not asked for)" : ""));
        if (!plan.articlesWithoutObject().isEmpty()) {
            out.printf("  %6d  article(s) whose object is gone (a lost delete notification): delete the key again"
                    + " to remove the article, e.g. %s%n", plan.articlesWithoutObject().size(),
                    plan.articlesWithoutObject().get(0));
        }
        List<StoredObject> work = plan.work(missing, outdated);
        if (work.isEmpty()) {
            out.println("nothing to do");
            return 0;
        }
        if (dryRun) {
            out.println("dry run: would process " + work.size() + " object(s)");
            return 0;
        }
        Progress progress = new Progress("backfill", work.size(), err::println, System::nanoTime, 1_000_000_000L);
        BackfillReport report = backfill.run(work, concurrency, progress);
        out.printf("processed %d object(s) in %.1f s (%.1f/s, concurrency %d):", report.processed(),
                progress.elapsedSeconds(), progress.rate(), concurrency);
        report.outcomes().forEach((outcome, count) -> out.print(" " + outcome + " " + count + ","));
        out.println(" failed " + report.failures().size());
        for (BackfillReport.Rejection rejection : report.rejections()) {
            String words = RejectionReason.ofCode(rejection.reason()).map(RejectionReason::words)
                    .orElse(rejection.reason());
            out.println("  rejected " + rejection.key() + ": " + words
                    + (rejection.detail() == null ? "" : " (" + rejection.detail() + ")"));
        }
        for (BackfillReport.Failure failure : report.failures()) {
            out.println("  failed " + failure.key() + ": " + failure.error() + " (the next run retries it)");
        }
        if (report.outcomes().getOrDefault(IngestOutcome.Outcome.STALE, 0) > 0) {
            out.println("  STALE: a newer event for the same key was applied meanwhile; nothing to repair");
        }
        return report.failures().size();
    }

    private void reindex(IndexRebuild rebuild, int concurrency, boolean dryRun) throws InterruptedException {
        long started = System.nanoTime();
        List<IndexRebuild.Repair> repairs = rebuild.rebuild(concurrency, dryRun);
        int changes = repairs.stream().mapToInt(r -> r.written() + r.deleted()).sum();
        out.printf("reindex: %s %d change(s) in %.1f s%n", dryRun ? "would make" : "made", changes,
                (System.nanoTime() - started) / 1e9);
        for (IndexRebuild.Repair repair : repairs) {
            out.printf("  %-28s %6d written, %6d deleted%n", repair.structure(), repair.written(), repair.deleted());
        }
    }

    private static int concurrency(String value) {
        try {
            int n = Integer.parseInt(value);
            if (n >= 1 && n <= 64) {
                return n;
            }
        } catch (NumberFormatException notANumber) {
            // same message
        }
        throw new Arguments.UsageException("--concurrency must be a whole number from 1 to 64, not '" + value + "'");
    }
}
