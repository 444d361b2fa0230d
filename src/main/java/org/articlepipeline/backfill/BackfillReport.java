package org.articlepipeline.backfill;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.articlepipeline.ingest.IngestOutcome;

/**
 * What a backfill did: how many objects ended each way, each rejection with its reason in words, and each
 * object that failed (to be picked up by the next run).
 */
public record BackfillReport(Map<IngestOutcome.Outcome, Integer> outcomes, List<Rejection> rejections,
                             List<Failure> failures) {

    /** An object stored as rejected: the reason's code and the sentence that explains it. */
    public record Rejection(String key, String reason, String detail) {
    }

    /** An object that could not be processed this time. */
    public record Failure(String key, String error) {
    }

    /** Objects processed, whatever the outcome, failures included. */
    public int processed() {
        return outcomes.values().stream().mapToInt(Integer::intValue).sum() + failures.size();
    }

    /** Collects outcomes from several workers at once. */
    static final class Builder {
        private final Map<IngestOutcome.Outcome, Integer> outcomes = new EnumMap<>(IngestOutcome.Outcome.class);
        private final List<Rejection> rejections = new ArrayList<>();
        private final List<Failure> failures = new ArrayList<>();

        synchronized void applied(IngestOutcome.Outcome outcome) {
            outcomes.merge(outcome, 1, Integer::sum);
        }

        synchronized void rejected(String key, String reason, String detail) {
            applied(IngestOutcome.Outcome.REJECTED);
            rejections.add(new Rejection(key, reason, detail));
        }

        synchronized void failed(String key, String error) {
            failures.add(new Failure(key, error));
        }

        synchronized BackfillReport build() {
            List<Rejection> sortedRejections = new ArrayList<>(rejections);
            sortedRejections.sort((a, b) -> a.key().compareTo(b.key()));
            List<Failure> sortedFailures = new ArrayList<>(failures);
            sortedFailures.sort((a, b) -> a.key().compareTo(b.key()));
            return new BackfillReport(Collections.unmodifiableMap(new EnumMap<>(outcomes)),
                    List.copyOf(sortedRejections), List.copyOf(sortedFailures));
        }
    }
}
