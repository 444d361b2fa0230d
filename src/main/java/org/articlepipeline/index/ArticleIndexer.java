package org.articlepipeline.index;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.articlepipeline.store.ArticleIndexes;
import org.articlepipeline.store.ArticleMetadata;
import org.articlepipeline.store.ArticleRecord;
import org.articlepipeline.store.ArticleRepository;
import org.articlepipeline.store.DuplicateIndex;
import org.articlepipeline.store.StoredItem;

/**
 * Brings everything derived from an article item in step with one change of that item: the exact-duplicate
 * claim on its content hash ({@code duplicateOf}), its near-duplicate bands and relations, its search
 * postings and its publisher's count.
 *
 * <p>It works from the item's state before and after the change alone (the stream's two images), never
 * from a read, and every step is idempotent except the publisher count, which runs last, after the others
 * have succeeded: a change retried after a failure converges to the same indexes. Changes that only annotate the item (the {@code duplicateOf} this class
 * writes) are recognized and skipped, so the index step does not feed on its own writes.
 */
public final class ArticleIndexer {

    /** What one change did to the indexes. */
    public enum Outcome {
        /** A visible article state is indexed (first time, replaced content, or the same content again). */
        INDEXED,
        /** A previously visible state left every index (deleted, rejected, or its item removed). */
        UNINDEXED,
        /** Nothing to do: the change only annotated the item, or neither state was ever indexed. */
        UNCHANGED
    }

    /**
     * What one change did, and how many near duplicates the indexed article has (0 unless indexed).
     *
     * @param outcome        what happened to the indexes
     * @param nearDuplicates near duplicates found for the indexed content
     */
    public record Applied(Outcome outcome, int nearDuplicates) {
        static final Applied UNINDEXED = new Applied(Outcome.UNINDEXED, 0);
        static final Applied UNCHANGED = new Applied(Outcome.UNCHANGED, 0);
    }

    private final ArticleRepository repository;
    private final DuplicateIndex duplicates;
    private final ArticleIndexes indexes;
    private final Executor sideWork;

    /**
     * @param sideWork runs the three independent steps of an indexed article side by side; a caller-runs
     *                 executor makes them sequential
     */
    public ArticleIndexer(ArticleRepository repository, DuplicateIndex duplicates, ArticleIndexes indexes,
                          Executor sideWork) {
        this.repository = repository;
        this.duplicates = duplicates;
        this.indexes = indexes;
        this.sideWork = sideWork;
    }

    /** Applies the change of one article item from {@code before} to {@code after}. */
    public Applied apply(StoredItem before, StoredItem after) {
        if (before.sameIndexedStateAs(after)) {
            return Applied.UNCHANGED;
        }
        Optional<ArticleRecord> previous = before.record().filter(ArticleRecord::isVisible);
        Optional<ArticleRecord> current = after.record().filter(ArticleRecord::isVisible);
        if (current.isPresent()) {
            ArticleRecord article = current.get();
            previous.ifPresent(old -> forgetReplaced(old, article));
            // Three independent, idempotent steps on disjoint items (claim, bands and relations, postings):
            // side by side, the change waits for the slowest rather than for their sum.
            AtomicInteger nearDuplicates = new AtomicInteger();
            alongside(
                    () -> claim(article),
                    () -> DuplicateIndex.decode(article.metadata().fingerprint()).ifPresent(fingerprint ->
                            nearDuplicates.set(duplicates.link(article.id(), fingerprint).size())),
                    () -> indexes.repost(before, after));
            indexes.recount(before, after);
            return new Applied(Outcome.INDEXED, nearDuplicates.get());
        }
        if (previous.isEmpty()) {
            return Applied.UNCHANGED;
        }
        forget(previous.get());
        indexes.afterRemoved(before, previous.get().id());
        return Applied.UNINDEXED;
    }

    /** The first article with this content owns its hash; a later one records whose copy it is. */
    private void claim(ArticleRecord article) {
        String contentHash = article.metadata().contentHash();
        if (contentHash == null) {
            return;
        }
        String first = duplicates.claimContentHash(contentHash, article.id());
        if (!first.equals(article.id())) {
            repository.markDuplicateOf(article.id(), first, article.sequencer());
        }
    }

    /** Takes a version that is no longer visible out of the duplicate indexes. */
    private void forget(ArticleRecord previous) {
        ArticleMetadata metadata = previous.metadata();
        if (metadata.contentHash() != null) {
            duplicates.releaseContentHash(metadata.contentHash(), previous.id());
        }
        duplicates.unlink(previous.id(), DuplicateIndex.decode(metadata.fingerprint()).orElse(null));
    }

    /** Drops what a replaced version indexed that the new content does not (same content: nothing). */
    private void forgetReplaced(ArticleRecord previous, ArticleRecord current) {
        ArticleMetadata before = previous.metadata();
        ArticleMetadata after = current.metadata();
        if (before.contentHash() != null && !before.contentHash().equals(after.contentHash())) {
            duplicates.releaseContentHash(before.contentHash(), previous.id());
        }
        if (before.fingerprint() != null && !Objects.equals(before.fingerprint(), after.fingerprint())) {
            duplicates.forgetBands(previous.id(), DuplicateIndex.decode(before.fingerprint()).orElse(null));
        }
    }

    /** Runs {@code steps} on the side-work executor and waits for all; the first failure is rethrown. */
    private void alongside(Runnable... steps) {
        List<CompletableFuture<Void>> running = new ArrayList<>(steps.length);
        for (Runnable step : steps) {
            running.add(CompletableFuture.runAsync(step, sideWork));
        }
        RuntimeException failure = null;
        for (CompletableFuture<Void> step : running) {
            try {
                step.join();
            } catch (CompletionException e) {
                RuntimeException cause = e.getCause() instanceof RuntimeException r ? r : e;
                if (failure == null) {
                    failure = cause;
                } else {
                    failure.addSuppressed(cause);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
