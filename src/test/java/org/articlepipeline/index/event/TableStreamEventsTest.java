package org.articlepipeline.index.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.articlepipeline.index.UnrecognizedStreamEventException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The DynamoDB stream event as Lambda delivers it, read and written without an object mapper. */
class TableStreamEventsTest {

    private final TableStreamEvents events = new TableStreamEvents(new JsonFactory());

    @Test
    void aWrittenEventReadsBackAsTheSameChangesWithEveryAttributeType() throws Exception {
        Map<String, AttributeValue> keys = Map.of("pk", AttributeValue.fromS("A#0123"), "sk", AttributeValue.fromS("A"));
        Map<String, AttributeValue> image = Map.of(
                "pk", AttributeValue.fromS("A#0123"), "sk", AttributeValue.fromS("A"),
                "title", AttributeValue.fromS("عنوان \"مقتبس\""),
                "wordCount", AttributeValue.fromN("390"),
                "raw", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {0, 1, (byte) 0xFF})),
                "terms", AttributeValue.fromSs(List.of("اولوند", "paris")),
                "numbers", AttributeValue.fromNs(List.of("1", "2.5")),
                "flag", AttributeValue.fromBool(true),
                "nothing", AttributeValue.fromNul(true),
                "nested", AttributeValue.fromM(Map.of("list", AttributeValue.fromL(List.of(AttributeValue.fromS("x"),
                        AttributeValue.fromN("7"))))));
        List<ItemChange> changes = List.of(
                new ItemChange("INSERT", "100", keys, Map.of(), image),
                new ItemChange("MODIFY", "101", keys, image, Map.of("pk", keys.get("pk"), "sk", keys.get("sk"))),
                new ItemChange("REMOVE", "102", keys, image, Map.of()));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        events.write(changes, "arn:aws:dynamodb:us-east-1:123456789012:table/articles/stream/x", "us-east-1", out);

        assertThat(events.read(new ByteArrayInputStream(out.toByteArray()))).isEqualTo(changes);
    }

    @Test
    void theSampleEventIsAnInsertOfAnArticleItemWithItsTermsAndFingerprint() throws Exception {
        List<ItemChange> changes;
        try (InputStream in = Files.newInputStream(Path.of("events/dynamodb-stream-insert.json"))) {
            changes = events.read(in);
        }

        assertThat(changes).hasSize(1);
        ItemChange change = changes.get(0);
        assertThat(change.eventName()).isEqualTo("INSERT");
        assertThat(change.key("pk")).startsWith("A#");
        assertThat(change.oldImage()).isEmpty();
        assertThat(change.newImage()).containsKeys("searchTerms", "fingerprint", "contentHash", "sequencer");
    }

    @Test
    void unknownFieldsOfTheWireFormatAreSkipped() {
        String event = """
                {"Records":[{"eventID":"1","eventName":"INSERT","eventVersion":"1.1","eventSource":"aws:dynamodb",
                  "userIdentity":{"type":"Service","principalId":"dynamodb.amazonaws.com"},
                  "dynamodb":{"ApproximateCreationDateTime":1479499740,"Keys":{"pk":{"S":"A#1"},"sk":{"S":"A"}},
                    "NewImage":{"pk":{"S":"A#1"}},"SequenceNumber":"13021600000000001596893679","SizeBytes":112,
                    "StreamViewType":"NEW_AND_OLD_IMAGES","newField":[1,2,{"x":null}]}}],"somethingNew":true}
                """;

        List<ItemChange> changes = events.read(stream(event));

        assertThat(changes).singleElement().satisfies(c -> {
            assertThat(c.sequenceNumber()).isEqualTo("13021600000000001596893679");
            assertThat(c.newImage()).containsOnlyKeys("pk");
        });
    }

    @Test
    void anS3NotificationIsNotAStreamEvent() {
        String s3 = """
                {"Records":[{"eventVersion":"2.1","eventSource":"aws:s3","eventName":"ObjectCreated:Put",
                  "s3":{"bucket":{"name":"b"},"object":{"key":"k"}}}]}
                """;

        assertThatThrownBy(() -> events.read(stream(s3))).isInstanceOf(UnrecognizedStreamEventException.class)
                .hasMessageContaining("aws:s3");
    }

    @Test
    void malformedOrShapelessInputIsRefusedWithAReason() {
        assertThatThrownBy(() -> events.read(stream("{\"Records\":[{\"eventName\":"))).isInstanceOf(UnrecognizedStreamEventException.class)
                .hasMessageContaining("not a readable");
        assertThatThrownBy(() -> events.read(stream("[1,2]"))).isInstanceOf(UnrecognizedStreamEventException.class)
                .hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> events.read(stream("{\"detail\":{}}"))).isInstanceOf(UnrecognizedStreamEventException.class)
                .hasMessageContaining("no Records");
        assertThatThrownBy(() -> events.read(stream("{\"Records\":[{\"eventName\":\"INSERT\",\"dynamodb\":{}}]}")))
                .isInstanceOf(UnrecognizedStreamEventException.class).hasMessageContaining("SequenceNumber");
        assertThatThrownBy(() -> events.read(stream(
                "{\"Records\":[{\"eventName\":\"INSERT\",\"dynamodb\":{\"Keys\":{\"pk\":{\"Q\":\"1\"}},\"SequenceNumber\":\"1\"}}]}")))
                .isInstanceOf(UnrecognizedStreamEventException.class).hasMessageContaining("unknown attribute value type Q");
    }

    private static InputStream stream(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }
}
