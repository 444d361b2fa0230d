package org.articlepipeline.ingest.event;

/**
 * One change to one S3 object, as an event source reported it, whatever wire shape carried it.
 *
 * @param kind      whether the object was created (or overwritten) or removed
 * @param eventName the event name as sent, e.g. {@code ObjectCreated:Put}
 * @param bucket    the bucket name
 * @param key       the object key, already URL-decoded exactly once
 * @param size      the object size in bytes when the event says it, else {@code null}
 * @param eTag      the object's ETag when the event says it, else {@code null}
 * @param versionId the object version when the bucket is versioned, else {@code null}
 * @param sequencer the event's ordering value for this key (hex, as sent), else {@code null}
 * @param eventTime the event time as sent (ISO-8601), else {@code null}
 */
public record ObjectChange(
        Kind kind,
        String eventName,
        String bucket,
        String key,
        Long size,
        String eTag,
        String versionId,
        String sequencer,
        String eventTime) {

    /** What happened to the object. */
    public enum Kind {
        CREATED,
        REMOVED
    }
}
