package org.articlepipeline.ingest.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.List;
import java.util.Optional;
import org.articlepipeline.json.JsonCodec;
import org.articlepipeline.json.JsonValue;

/**
 * Reads the object changes out of one payload that carries S3 changes directly: an S3 notification, an
 * EventBridge event, S3's test event, or any of them wrapped in an SNS envelope (as message bodies of a
 * queue subscribed to a topic are).
 */
public final class Payloads {

    private final JsonCodec json;

    public Payloads(JsonCodec json) {
        this.json = json;
    }

    /**
     * The changes {@code payload} reports, or empty when it is not a payload of S3 changes at all.
     * A test event yields an empty list: acknowledged, nothing to do.
     */
    public Optional<List<ObjectChange>> changes(JsonValue payload) {
        if (payload == null || !payload.isObject()) {
            return Optional.empty();
        }
        if ("Notification".equals(payload.path("Type").asText()) && payload.path("Message").isTextual()) {
            return parse(payload.path("Message").asText()).flatMap(this::changes);
        }
        return switch (EventShape.of(payload)) {
            case S3_TEST_EVENT -> Optional.of(List.of());
            case S3_NOTIFICATION -> Optional.of(S3Notifications.changes(payload));
            case EVENTBRIDGE -> Optional.of(EventBridgeEvents.change(payload).map(List::of).orElse(List.of()));
            default -> Optional.empty();
        };
    }

    /**
     * Parses a message body as JSON; empty when it is not JSON, which the caller reports as a failed
     * message (never a silent drop).
     */
    public Optional<JsonValue> parse(String body) {
        try {
            return Optional.of(json.parse(body));
        } catch (JsonProcessingException notJson) {
            return Optional.empty();
        }
    }
}
