package org.articlepipeline.ingest.event;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.articlepipeline.json.JsonValue;

/**
 * Reads S3 event notifications ({@code Records[]}, eventVersion 2.x) into {@link ObjectChange}s.
 *
 * <p>Only the fields the pipeline uses are read, from a parsed {@link JsonValue} tree, so unknown or future
 * fields never break ingest (the runtime's POJO binding silently yields zero records on shapes it does not expect).
 */
public final class S3Notifications {

    private S3Notifications() {
    }

    /** True for the {@code s3:TestEvent} S3 sends once when a notification is configured. */
    public static boolean isTestEvent(JsonValue event) {
        return "s3:TestEvent".equals(event.path("Event").asText());
    }

    /** The changes in a notification, in record order; records of other event types are skipped. */
    public static List<ObjectChange> changes(JsonValue event) {
        List<ObjectChange> changes = new ArrayList<>();
        for (JsonValue record : event.path("Records")) {
            String eventName = record.path("eventName").asText("");
            ObjectChange.Kind kind = kindOf(eventName);
            if (kind == null || !record.path("eventVersion").asText("").startsWith("2.")) {
                continue;
            }
            JsonValue s3 = record.path("s3");
            JsonValue object = s3.path("object");
            changes.add(new ObjectChange(
                    kind,
                    eventName,
                    s3.path("bucket").path("name").asText(null),
                    decodeKey(object.path("key").asText("")),
                    object.hasNonNull("size") ? object.path("size").asLong() : null,
                    textOrNull(object, "eTag"),
                    textOrNull(object, "versionId"),
                    textOrNull(object, "sequencer"),
                    textOrNull(record, "eventTime")));
        }
        return changes;
    }

    /** Created or removed, from an S3 event name such as {@code ObjectCreated:Put}; else {@code null}. */
    public static ObjectChange.Kind kindOf(String eventName) {
        if (eventName.startsWith("ObjectCreated:")) {
            return ObjectChange.Kind.CREATED;
        }
        if (eventName.startsWith("ObjectRemoved:")) {
            return ObjectChange.Kind.REMOVED;
        }
        return null;
    }

    /**
     * Decodes a key exactly once, as S3 encodes it in notifications: URL form encoding, where {@code +}
     * is a space, {@code %2B} a plus and non-ASCII characters are percent-encoded UTF-8. A key that is not
     * valid form encoding is taken as written rather than dropped.
     */
    public static String decodeKey(String encoded) {
        try {
            return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return encoded;
        }
    }

    private static String textOrNull(JsonValue node, String field) {
        return node.hasNonNull(field) ? node.path(field).asText() : null;
    }
}
