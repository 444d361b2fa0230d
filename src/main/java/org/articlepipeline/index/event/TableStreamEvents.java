package org.articlepipeline.index.event;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.articlepipeline.index.UnrecognizedStreamEventException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The DynamoDB stream event that Lambda hands a function ({@code {"Records":[{"eventName":"MODIFY",
 * "eventSource":"aws:dynamodb","dynamodb":{"Keys":...,"OldImage":...,"NewImage":...,"SequenceNumber":...}}]}}),
 * read into {@link ItemChange}s and written from them (the local stack delivers what it reads from DynamoDB
 * Local's stream in the same form). Fields the index step does not use are skipped, so new fields in the
 * wire format cannot break it.
 */
public final class TableStreamEvents {

    private final JsonFactory json;

    public TableStreamEvents(JsonFactory json) {
        this.json = json;
    }

    /**
     * The records of {@code event}, in delivery order.
     *
     * @throws UnrecognizedStreamEventException when it is not JSON or not a DynamoDB stream event
     */
    public List<ItemChange> read(InputStream event) {
        try (JsonParser parser = json.createParser(event)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new UnrecognizedStreamEventException("the event is not a JSON object");
            }
            List<ItemChange> changes = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals("Records") && value == JsonToken.START_ARRAY) {
                    changes = new ArrayList<>();
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        changes.add(readRecord(parser));
                    }
                } else {
                    parser.skipChildren();
                }
            }
            if (changes == null) {
                throw new UnrecognizedStreamEventException("the event has no Records array: not a DynamoDB stream event");
            }
            return changes;
        } catch (IOException malformed) {
            throw new UnrecognizedStreamEventException("the event is not a readable DynamoDB stream event: "
                    + malformed.getMessage());
        }
    }

    private static ItemChange readRecord(JsonParser parser) throws IOException {
        String eventName = null;
        String eventSource = null;
        String sequenceNumber = null;
        Map<String, AttributeValue> keys = Map.of();
        Map<String, AttributeValue> oldImage = Map.of();
        Map<String, AttributeValue> newImage = Map.of();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (field) {
                case "eventName" -> eventName = parser.getValueAsString();
                case "eventSource" -> eventSource = parser.getValueAsString();
                case "dynamodb" -> {
                    if (value != JsonToken.START_OBJECT) {
                        throw new IOException("a record's dynamodb field is an object");
                    }
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        String inner = parser.currentName();
                        parser.nextToken();
                        switch (inner) {
                            case "Keys" -> keys = AttributeValueJson.readItem(parser);
                            case "OldImage" -> oldImage = AttributeValueJson.readItem(parser);
                            case "NewImage" -> newImage = AttributeValueJson.readItem(parser);
                            case "SequenceNumber" -> sequenceNumber = parser.getValueAsString();
                            default -> parser.skipChildren();
                        }
                    }
                }
                default -> parser.skipChildren();
            }
        }
        if (eventSource != null && !eventSource.equals("aws:dynamodb")) {
            throw new UnrecognizedStreamEventException("a record from " + eventSource + ", not from a DynamoDB stream");
        }
        if (eventName == null || sequenceNumber == null || keys.isEmpty()) {
            throw new UnrecognizedStreamEventException(
                    "a stream record needs an eventName, a dynamodb.SequenceNumber and dynamodb.Keys");
        }
        return new ItemChange(eventName, sequenceNumber, keys, oldImage, newImage);
    }

    /**
     * Writes {@code changes} as Lambda delivers them from the stream {@code streamArn} in {@code region}, with
     * both images ({@code NEW_AND_OLD_IMAGES}).
     */
    public void write(List<ItemChange> changes, String streamArn, String region, OutputStream out) throws IOException {
        try (JsonGenerator g = json.createGenerator(out)) {
            g.writeStartObject();
            g.writeArrayFieldStart("Records");
            for (ItemChange change : changes) {
                g.writeStartObject();
                g.writeStringField("eventID", change.sequenceNumber());
                g.writeStringField("eventName", change.eventName());
                g.writeStringField("eventVersion", "1.1");
                g.writeStringField("eventSource", "aws:dynamodb");
                g.writeStringField("awsRegion", region);
                g.writeObjectFieldStart("dynamodb");
                g.writeFieldName("Keys");
                AttributeValueJson.writeItem(g, change.keys());
                if (!change.newImage().isEmpty()) {
                    g.writeFieldName("NewImage");
                    AttributeValueJson.writeItem(g, change.newImage());
                }
                if (!change.oldImage().isEmpty()) {
                    g.writeFieldName("OldImage");
                    AttributeValueJson.writeItem(g, change.oldImage());
                }
                g.writeStringField("SequenceNumber", change.sequenceNumber());
                g.writeStringField("StreamViewType", "NEW_AND_OLD_IMAGES");
                g.writeEndObject();
                g.writeStringField("eventSourceARN", streamArn);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }
}
