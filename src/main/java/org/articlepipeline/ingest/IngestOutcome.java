package org.articlepipeline.ingest;

/**
 * What applying one object change did.
 *
 * @param id         the article id, or {@code null} when the change was ignored before an id mattered
 * @param key        the object key
 * @param eventName  the event name as sent
 * @param outcome    what happened
 * @param reason     for rejections and ignored changes, a stable code saying why; else {@code null}
 * @param durationMs how long applying the change took
 * @param work       what reading, normalizing and writing the article cost, or {@link Work#NONE}
 */
public record IngestOutcome(String id, String key, String eventName, Outcome outcome, String reason,
                            long durationMs, Work work) {

    /** An outcome that read and wrote nothing worth counting. */
    public IngestOutcome(String id, String key, String eventName, Outcome outcome, String reason, long durationMs) {
        this(id, key, eventName, outcome, reason, durationMs, Work.NONE);
    }

    /** The same outcome with the work that led to it. */
    public IngestOutcome withWork(Work done) {
        return new IngestOutcome(id, key, eventName, outcome, reason, durationMs, done);
    }

    /**
     * The cost of one change, for the operator's metrics.
     *
     * @param bytesIn     bytes of the original read, or {@code null} when it was not read
     * @param bytesOut    bytes written under the output prefix (text and document), or {@code null}
     * @param normalizeMs time spent normalizing, or {@code null} when the normalizer did not run
     */
    public record Work(Long bytesIn, Long bytesOut, Long normalizeMs) {
        public static final Work NONE = new Work(null, null, null);
    }

    /** The possible effects of one change. */
    public enum Outcome {
        /** Normalized and stored; listed by lookups. */
        OK,
        /** Stored as rejected, with a reason; the original stays untouched. */
        REJECTED,
        /** Removed from every lookup path; outputs deleted. */
        DELETED,
        /** A newer event for the same key was already applied; nothing changed. */
        STALE,
        /** The object was gone or replaced when read; the event for the newer state does the work. */
        SUPERSEDED,
        /** Not an article change: outside the input prefix, another bucket, a test event. */
        IGNORED
    }
}
