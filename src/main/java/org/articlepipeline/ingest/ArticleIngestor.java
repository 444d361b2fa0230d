package org.articlepipeline.ingest;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.articlepipeline.aws.PipelineSettings;
import org.articlepipeline.document.ArticleDocuments;
import org.articlepipeline.ingest.event.ObjectChange;
import org.articlepipeline.ingest.event.Sequencer;
import org.articlepipeline.json.JsonCodec;
import org.articlepipeline.normalize.ArticleNormalizer;
import org.articlepipeline.normalize.ArticleOrigin;
import org.articlepipeline.normalize.NormalizationResult;
import org.articlepipeline.normalize.NormalizedArticle;
import org.articlepipeline.normalize.NormalizerVersion;
import org.articlepipeline.normalize.RejectionReason;
import org.articlepipeline.store.AppliedState;
import org.articlepipeline.store.ArticleBucket;
import org.articlepipeline.store.ArticleId;
import org.articlepipeline.store.ArticleMetadata;
import org.articlepipeline.store.ArticleRecord;
import org.articlepipeline.store.ArticleRepository;
import org.articlepipeline.store.ArticleStatus;
import org.articlepipeline.store.IndexedArticle;
import org.articlepipeline.store.StoredItem;
import org.articlepipeline.store.TableLayout;

/**
 * Applies one object change to the pipeline's state: the ingest core, whatever event shape carried it.
 *
 * <p>A create reads the original (bounded), normalizes it, checks that no newer event was applied, writes
 * the outputs, then writes the item conditionally on the S3 sequencer; a delete writes a tombstone the same
 * way, then deletes the outputs. Outputs go first so that a listed article's text can always be read; a
 * write that loses the race to a newer event puts that event's outputs back. A retry re-applies the same
 * event (equal sequencer) and converges.
 *
 * <p>That is all of ingest's work: the item carries its search terms, and everything derived from it
 * (duplicate claims and relations, search postings, publisher counts) is the index step's, which the
 * table's stream feeds ({@code org.articlepipeline.index}). An article therefore costs ingest a bounded,
 * small number of requests whatever the size of the corpus.
 */
public final class ArticleIngestor {

    private final PipelineSettings settings;
    private final ArticleBucket bucket;
    private final ArticleRepository repository;
    private final ArticleNormalizer normalizer;
    private final ArticleDocuments documents;
    private final JsonCodec json;
    private final long maxArticleBytes;
    private final Clock clock;
    private final int normalizerVersion;

    /** An ingestor whose outputs are stamped with this build's {@link NormalizerVersion}. */
    public ArticleIngestor(PipelineSettings settings, ArticleBucket bucket, ArticleRepository repository,
                           ArticleNormalizer normalizer, JsonCodec json, long maxArticleBytes, Clock clock) {
        this(settings, bucket, repository, normalizer, json, maxArticleBytes, clock, NormalizerVersion.current());
    }

    /** @param normalizerVersion the version {@code normalizer} is, recorded on every item and document */
    public ArticleIngestor(PipelineSettings settings, ArticleBucket bucket, ArticleRepository repository,
                           ArticleNormalizer normalizer, JsonCodec json, long maxArticleBytes, Clock clock,
                           int normalizerVersion) {
        this.normalizerVersion = normalizerVersion;
        this.settings = settings;
        this.bucket = bucket;
        this.repository = repository;
        this.normalizer = normalizer;
        this.documents = new ArticleDocuments();
        this.json = json;
        this.maxArticleBytes = maxArticleBytes;
        this.clock = clock;
    }

    /** Applies {@code change}; throws only on transient failures, so the event is retried. */
    public IngestOutcome apply(ObjectChange change) {
        long started = System.nanoTime();
        if (!settings.bucket().equals(change.bucket()) || !settings.isInputKey(change.key())) {
            // Includes our own outputs: a trigger misconfigured to cover them still cannot loop.
            return outcome(null, change, IngestOutcome.Outcome.IGNORED, "not-an-input-object", started);
        }
        String id = ArticleId.of(change.bucket(), change.key());
        return change.kind() == ObjectChange.Kind.CREATED
                ? create(id, change, started)
                : remove(id, change, started);
    }

    private IngestOutcome create(String id, ObjectChange change, long started) {
        Long size = change.size();
        if (size == null) {
            Optional<Long> stored = bucket.sizeOf(change.key());
            if (stored.isEmpty()) {
                return outcome(id, change, IngestOutcome.Outcome.SUPERSEDED, "object-gone-or-replaced", started);
            }
            size = stored.get();
        }
        if (size > maxArticleBytes) {
            // Decided from the event alone: a huge object is never downloaded.
            return reject(id, change, null, RejectionReason.TOO_LARGE,
                    "the object has " + size + " bytes; the limit is " + maxArticleBytes, started);
        }
        Optional<ArticleBucket.StoredObject> original = bucket.readOriginal(change.key(), change.eTag(), maxArticleBytes);
        if (original.isEmpty()) {
            return outcome(id, change, IngestOutcome.Outcome.SUPERSEDED, "object-gone-or-replaced", started);
        }
        ArticleBucket.StoredObject object = original.get();
        if (object.content().length > maxArticleBytes) {
            return reject(id, change, object, RejectionReason.TOO_LARGE,
                    "the object has more than " + maxArticleBytes + " bytes", started);
        }
        long normalizing = System.nanoTime();
        NormalizationResult result = normalizer.normalize(object.content(),
                new ArticleOrigin(change.key(), object.contentType()));
        long normalizeMs = (System.nanoTime() - normalizing) / 1_000_000;
        long bytesIn = object.content().length;
        if (result instanceof NormalizationResult.Rejected rejected) {
            return reject(id, change, object, rejected.reason(), rejected.detail(), started)
                    .withWork(new IngestOutcome.Work(bytesIn, null, normalizeMs));
        }
        NormalizedArticle article = ((NormalizationResult.Accepted) result).article();
        AppliedState applied = repository.appliedState(id);
        String sequencer = sequencerOf(change, applied, object);
        if (applied.isLaterThan(sequencer, normalizerVersion)) {
            // Known stale before anything is written: the outputs of the newer state stay untouched.
            return outcome(id, change, IngestOutcome.Outcome.STALE, staleReason(applied, sequencer), started);
        }
        ArticleRecord record = new ArticleRecord(id, change.bucket(), change.key(), ArticleStatus.OK, null, null,
                metadataOf(article), now(), sizeOf(change, object), eTagOf(change, object), versionOf(change, object),
                sequencer, bucket.textKey(id), bucket.documentKey(id));
        // Outputs before the item: once lookups list an article, its text can be read.
        byte[] document = documentBytes(result, id, change.key());
        bucket.writeOutputs(id, article.text(), document);
        IngestOutcome.Work work = new IngestOutcome.Work(bytesIn,
                article.text().getBytes(java.nio.charset.StandardCharsets.UTF_8).length + (long) document.length, normalizeMs);
        // The item carries the search terms it is indexed under; the index step, fed by the table's stream,
        // builds the postings, duplicate relations and counts from it without reading the text again.
        Optional<StoredItem> previous = repository.replaceIfNotStale(IndexedArticle.of(record, article.text()),
                normalizerVersion);
        if (previous.isEmpty()) {
            // A newer event was applied between the check and the write: put its outputs back.
            restoreOutputs(id);
            return outcome(id, change, IngestOutcome.Outcome.STALE, "newer-event-applied", started).withWork(work);
        }
        return outcome(id, change, IngestOutcome.Outcome.OK, null, started).withWork(work);
    }

    /**
     * The sequencer to write {@code change}'s state under. An event without one (a Batch Operations task, a
     * backfill) sorts below every notification, so it only fills gaps; but when the stored state was made
     * from this very object by an older normalizer, it takes that state's sequencer, so the object is
     * normalized again, and any later event still wins.
     */
    private String sequencerOf(ObjectChange change, AppliedState applied, ArticleBucket.StoredObject object) {
        String sequencer = Sequencer.comparable(change.sequencer());
        if (sequencer.equals(Sequencer.NONE) && object != null
                && applied.isOutdatedFor(eTagOf(change, object), normalizerVersion)) {
            return applied.sequencer();
        }
        return sequencer;
    }

    private String staleReason(AppliedState applied, String sequencer) {
        return applied.sequencer().equals(sequencer) ? "newer-normalizer-applied" : "newer-event-applied";
    }

    private IngestOutcome remove(String id, ObjectChange change, long started) {
        ArticleRecord tombstone = new ArticleRecord(id, change.bucket(), change.key(), ArticleStatus.DELETED, null,
                null, null, now(), null, null, change.versionId(), Sequencer.comparable(change.sequencer()), null, null);
        Optional<StoredItem> previous = repository.replaceIfNotStale(tombstone, normalizerVersion);
        if (previous.isEmpty()) {
            return outcome(id, change, IngestOutcome.Outcome.STALE, "newer-event-applied", started);
        }
        bucket.deleteOutputs(id);
        return outcome(id, change, IngestOutcome.Outcome.DELETED, null, started);
    }

    private IngestOutcome reject(String id, ObjectChange change, ArticleBucket.StoredObject object,
                                 RejectionReason reason, String detail, long started) {
        String sequencer = change.sequencer() == null
                ? sequencerOf(change, repository.appliedState(id), object) // a rejection may be outdated too
                : Sequencer.comparable(change.sequencer());
        ArticleRecord record = new ArticleRecord(id, change.bucket(), change.key(), ArticleStatus.REJECTED,
                reason.code(), detail, null, now(), sizeOf(change, object), eTagOf(change, object),
                versionOf(change, object), sequencer, null, null);
        Optional<StoredItem> previous = repository.replaceIfNotStale(record, normalizerVersion);
        if (previous.isEmpty()) {
            return outcome(id, change, IngestOutcome.Outcome.STALE, "newer-event-applied", started);
        }
        // A rejected re-upload must not leave the previous version's outputs readable.
        bucket.deleteOutputs(id);
        return outcome(id, change, IngestOutcome.Outcome.REJECTED, reason.code(), started);
    }

    /**
     * Rewrites an article's outputs from the state its item holds now, after a stale event overwrote them
     * in the narrow window between its staleness check and its conditional write.
     */
    private void restoreOutputs(String id) {
        Optional<ArticleRecord> current = repository.find(id);
        if (current.isEmpty() || !current.get().isVisible()) {
            bucket.deleteOutputs(id);
            return;
        }
        ArticleRecord record = current.get();
        Optional<ArticleBucket.StoredObject> object = bucket.readOriginal(record.key(), record.eTag(), maxArticleBytes);
        if (object.isEmpty()) {
            return; // replaced again: that newer event writes its own outputs
        }
        NormalizationResult result = normalizer.normalize(object.get().content(),
                new ArticleOrigin(record.key(), object.get().contentType()));
        if (result instanceof NormalizationResult.Accepted accepted) {
            bucket.writeOutputs(id, accepted.article().text(), documentBytes(result, id, record.key()));
        }
    }

    private byte[] documentBytes(NormalizationResult result, String id, String key) {
        Map<String, Object> document = documents.toJson(result);
        document.put("id", id);
        document.put("key", key);
        document.put("normalizerVersion", normalizerVersion);
        return json.toBytes(document);
    }

    static ArticleMetadata metadataOf(NormalizedArticle a) {
        return new ArticleMetadata(a.title(), a.subtitle(), a.source(), a.sourceUrl(), a.agency(), a.dateline(),
                a.publishedAt(), a.language(), a.encoding(), a.format(), a.wordCount(), a.paragraphCount(), a.charCount(),
                a.readingMinutes(), a.contentHash(), a.fingerprint() == null ? null : a.fingerprint().encoded(), null);
    }

    private static Long sizeOf(ObjectChange change, ArticleBucket.StoredObject object) {
        return object != null && object.size() != null ? object.size() : change.size();
    }

    private static String eTagOf(ObjectChange change, ArticleBucket.StoredObject object) {
        return object != null && object.eTag() != null ? object.eTag() : change.eTag();
    }

    private static String versionOf(ObjectChange change, ArticleBucket.StoredObject object) {
        return object != null && object.versionId() != null ? object.versionId() : change.versionId();
    }

    private String now() {
        return TableLayout.sortableInstant(Instant.now(clock));
    }

    private static IngestOutcome outcome(String id, ObjectChange change, IngestOutcome.Outcome outcome, String reason,
                                         long started) {
        return new IngestOutcome(id, change.key(), change.eventName(), outcome, reason,
                (System.nanoTime() - started) / 1_000_000);
    }
}
