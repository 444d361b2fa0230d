package org.articlepipeline.backfill;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ExecutionException;
import org.articlepipeline.ingest.ArticleIngestor;
import org.articlepipeline.ingest.IngestOutcome;
import org.articlepipeline.ingest.event.ObjectChange;
import org.articlepipeline.store.AppliedState;
import org.articlepipeline.store.ArticleBucket;
import org.articlepipeline.store.ArticleId;
import org.articlepipeline.store.ArticleRecord;
import org.articlepipeline.store.ArticleRepository;
import org.articlepipeline.store.ArticleStatus;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Finds the objects of a bucket whose article is missing or was made by an older normalizer, and puts
 * each through the ingest core, as an S3 Batch Operations task would: a change without a sequencer, so it
 * fills a gap or re-makes an outdated article of the same object, and never overrides a notification.
 *
 * <p>Everything derived from the articles written (duplicates, search, counts) follows through the table's
 * stream, as after any ingest.
 */
public final class Backfill {

    /** The event name the ingest log shows for a backfill's changes. */
    static final String EVENT_NAME = "Backfill:Invoke";

    private final S3Client s3;
    private final String bucket;
    private final ArticleRepository repository;
    private final ArticleIngestor ingestor;
    private final int normalizerVersion;

    /** @param ingestor the ingest core, made with normalizer {@code normalizerVersion} */
    public Backfill(S3Client s3, String bucket, ArticleRepository repository, ArticleIngestor ingestor,
                    int normalizerVersion) {
        this.s3 = s3;
        this.bucket = bucket;
        this.repository = repository;
        this.ingestor = ingestor;
        this.normalizerVersion = normalizerVersion;
    }

    /** Lists the bucket under {@code prefix}, reads the table's article items, and compares them. */
    public BackfillPlan plan(String prefix) {
        Map<String, AppliedState> stored = repository.appliedStatesByKey(prefix);
        List<StoredObject> objects = new ArrayList<>();
        Set<String> listed = new HashSet<>();
        for (S3Object object : s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents()) {
            String eTag = ArticleBucket.unquoted(object.eTag());
            listed.add(object.key());
            objects.add(new StoredObject(object.key(), object.size(), eTag,
                    standingOf(stored.getOrDefault(object.key(), AppliedState.NONE), eTag)));
        }
        List<String> withoutObject = new ArrayList<>();
        for (Map.Entry<String, AppliedState> article : stored.entrySet()) {
            if (!listed.contains(article.getKey()) && article.getValue().status() != ArticleStatus.DELETED) {
                withoutObject.add(article.getKey());
            }
        }
        withoutObject.sort(null);
        return new BackfillPlan(bucket, prefix, normalizerVersion, objects, withoutObject);
    }

    private Standing standingOf(AppliedState state, String eTag) {
        if (state.status() == null) {
            return Standing.MISSING;
        }
        if (state.isOutdatedFor(eTag, normalizerVersion)) {
            return Standing.OUTDATED;
        }
        if (state.status() == ArticleStatus.DELETED || !eTag.equals(state.eTag())) {
            return Standing.OTHER_STATE;
        }
        return Standing.UP_TO_DATE;
    }

    /**
     * Puts every object of {@code work} through ingest, {@code concurrency} at a time, reporting each one
     * done to {@code progress}; a transient failure is counted and reported, never retried here (a second
     * run picks the object up again).
     */
    public BackfillReport run(List<StoredObject> work, int concurrency, Progress progress) throws InterruptedException {
        BackfillReport.Builder report = new BackfillReport.Builder();
        ExecutorService workers = Executors.newFixedThreadPool(Math.max(1, concurrency), runnable -> {
            Thread thread = new Thread(runnable, "backfill");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> running = new ArrayList<>(work.size());
            for (StoredObject object : work) {
                running.add(workers.submit(() -> {
                    apply(object, report);
                    progress.done();
                }));
            }
            for (Future<?> one : running) {
                try {
                    one.get();
                } catch (ExecutionException e) {
                    throw new IllegalStateException("a backfill worker failed", e.getCause());
                }
            }
        } finally {
            workers.shutdownNow();
        }
        return report.build();
    }

    private void apply(StoredObject object, BackfillReport.Builder report) {
        ObjectChange change = new ObjectChange(ObjectChange.Kind.CREATED, EVENT_NAME, bucket, object.key(),
                object.size(), object.eTag(), null, null, null);
        IngestOutcome outcome;
        try {
            outcome = ingestor.apply(change);
        } catch (RuntimeException transientFailure) {
            report.failed(object.key(), String.valueOf(transientFailure.getMessage()));
            return;
        }
        if (outcome.outcome() == IngestOutcome.Outcome.REJECTED) {
            Optional<ArticleRecord> record = repository.find(ArticleId.of(bucket, object.key()));
            report.rejected(object.key(), outcome.reason(), record.map(ArticleRecord::reasonDetail).orElse(null));
        } else {
            report.applied(outcome.outcome());
        }
    }
}
