package org.articlepipeline.ingest.event;

import java.util.Optional;
import org.articlepipeline.json.JsonValue;

/**
 * Reads EventBridge events from a bucket with EventBridge notifications enabled.
 *
 * <p>Keys are decoded as in S3 notifications ({@link S3Notifications#decodeKey}): S3 writes them the same
 * way, and a key that is not valid form encoding is taken as written.
 */
public final class EventBridgeEvents {

    private EventBridgeEvents() {
    }

    /** The change an {@code Object Created} or {@code Object Deleted} event reports; empty for other types. */
    public static Optional<ObjectChange> change(JsonValue event) {
        String detailType = event.path("detail-type").asText("");
        ObjectChange.Kind kind = switch (detailType) {
            case "Object Created" -> ObjectChange.Kind.CREATED;
            case "Object Deleted" -> ObjectChange.Kind.REMOVED;
            default -> null;
        };
        if (kind == null) {
            return Optional.empty();
        }
        JsonValue detail = event.path("detail");
        JsonValue object = detail.path("object");
        String reason = detail.path("reason").asText("");
        String eventName = (kind == ObjectChange.Kind.CREATED ? "ObjectCreated:" : "ObjectRemoved:")
                + (reason.isEmpty() ? (kind == ObjectChange.Kind.CREATED ? "Put" : "Delete") : reason);
        return Optional.of(new ObjectChange(
                kind,
                eventName,
                detail.path("bucket").path("name").asText(null),
                S3Notifications.decodeKey(object.path("key").asText("")),
                object.hasNonNull("size") ? object.path("size").asLong() : null,
                object.hasNonNull("etag") ? object.path("etag").asText() : null,
                object.hasNonNull("version-id") ? object.path("version-id").asText() : null,
                object.hasNonNull("sequencer") ? object.path("sequencer").asText() : null,
                event.hasNonNull("time") ? event.path("time").asText() : null));
    }
}
