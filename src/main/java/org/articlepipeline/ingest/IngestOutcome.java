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
 */
public record IngestOutcome(String id, String key, String eventName, Outcome outcome, String reason,
                            long durationMs) {

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
