package org.articlepipeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import org.articlepipeline.local.LocalPipeline;
import org.articlepipeline.store.ArticleStatus;
import org.articlepipeline.testing.SharedEmbeddedStack;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One ingest core behind every event shape, in the shapes AWS documents and {@code sam local
 * generate-event} prints.
 */
@ExtendWith(SharedEmbeddedStack.class)
class IngestEventShapesTest {

    private IngestFixture fixture;

    @BeforeEach
    void newBucketAndTable(LocalPipeline pipeline) {
        fixture = new IngestFixture(pipeline);
    }

    @Test
    void keysAreDecodedExactlyOnceWithArabicSpacesPlusAndPercent() {
        String key = "incoming/تقرير خاص+100%25 final.txt";
        IngestFixture.Upload upload = fixture.upload(key, IngestOrderingAndIdempotencyTest.article("Key test", "Body."));

        JsonNode response = fixture.invoke(fixture.created(upload));

        assertThat(fixture.outcome(response)).isEqualTo("OK");
        assertThat(fixture.record(key).key()).isEqualTo(key);
        assertThat(response.path("outcomes").path(0).path("id").asText()).isEqualTo(fixture.idOf(key));
    }

    @Test
    void eachChangeIsLoggedAsOneJsonLineWithIdKeyEventOutcomeAndDuration() throws Exception {
        IngestFixture.Upload upload = fixture.upload("incoming/logged.txt", IngestOrderingAndIdempotencyTest.article("Log", "Body."));
        java.util.List<String> lines = new java.util.ArrayList<>();

        fixture.handler().handleRequest(
                new java.io.ByteArrayInputStream(fixture.created(upload).toString().getBytes(StandardCharsets.UTF_8)),
                new java.io.ByteArrayOutputStream(),
                new org.articlepipeline.local.LocalContext("IngestFunction", 60_000, lines::add));

        // Besides it, one metrics line per change (MetricLinesTest reads those).
        lines.removeIf(l -> l.startsWith("{\"_aws\""));
        assertThat(lines).hasSize(1);
        JsonNode line = IngestFixture.mapper().readTree(lines.get(0));
        assertThat(line.path("id").asText()).isEqualTo(fixture.idOf("incoming/logged.txt"));
        assertThat(line.path("key").asText()).isEqualTo("incoming/logged.txt");
        assertThat(line.path("eventName").asText()).isEqualTo("ObjectCreated:Put");
        assertThat(line.path("outcome").asText()).isEqualTo("OK");
        assertThat(line.has("durationMs")).isTrue();
    }

    @Test
    void severalRecordsInOneNotificationAreAllApplied() {
        IngestFixture.Upload a = fixture.upload("incoming/one.txt", IngestOrderingAndIdempotencyTest.article("One", "Body one."));
        IngestFixture.Upload b = fixture.upload("incoming/two.txt", IngestOrderingAndIdempotencyTest.article("Two", "Body two."));
        ObjectNode event = fixture.created(a);
        ((ArrayNode) event.get("Records")).add(fixture.created(b).get("Records").get(0));

        JsonNode response = fixture.invoke(event);

        assertThat(response.path("outcomes")).hasSize(2);
        assertThat(fixture.record("incoming/one.txt").status()).isEqualTo(ArticleStatus.OK);
        assertThat(fixture.record("incoming/two.txt").status()).isEqualTo(ArticleStatus.OK);
    }

    @Test
    void anyEventVersion2MinorIsAccepted() {
        IngestFixture.Upload upload = fixture.upload("incoming/v26.txt", IngestOrderingAndIdempotencyTest.article("V", "Body."));
        ObjectNode event = fixture.created(upload);
        ((ObjectNode) event.get("Records").get(0)).put("eventVersion", "2.6");

        assertThat(fixture.outcome(fixture.invoke(event))).isEqualTo("OK");
    }

    @Test
    void s3TestEventIsAcknowledgedAndIgnored() {
        ObjectNode testEvent = IngestFixture.mapper().createObjectNode()
                .put("Service", "Amazon S3").put("Event", "s3:TestEvent").put("Time", "2026-11-24T10:00:00.000Z")
                .put("Bucket", fixture.settings.bucket()).put("RequestId", "5582815E1AEA5ADF").put("HostId", "8cLeGAmw");

        JsonNode response = fixture.invoke(testEvent);

        assertThat(response.path("outcomes")).isEmpty();
    }

    @Test
    void keysOutsideTheInputPrefixAreIgnoredSoOutputsCanNeverTriggerIngest() {
        String outputKey = fixture.settings.outputPrefix() + "0123456789abcdef01234567.txt";
        IngestFixture.Upload upload = fixture.upload(outputKey, "output text");

        JsonNode response = fixture.invoke(fixture.created(upload));

        assertThat(fixture.outcome(response)).isEqualTo("IGNORED");
        assertThat(fixture.repository.find(fixture.idOf(outputKey))).isEmpty();
    }

    @Test
    void sqsBatchReportsOnlyTheFailedMessage() throws Exception {
        IngestFixture.Upload good = fixture.upload("incoming/sqs.txt", IngestOrderingAndIdempotencyTest.article("Queued", "Body."));
        ObjectNode event = IngestFixture.mapper().createObjectNode();
        ArrayNode records = event.putArray("Records");
        records.add(sqsMessage("msg-good", fixture.created(good).toString()));
        records.add(sqsMessage("msg-bad", "this is not an S3 event"));
        records.add(sqsMessage("msg-test", "{\"Service\":\"Amazon S3\",\"Event\":\"s3:TestEvent\"}"));

        JsonNode response = fixture.invoke(event);

        assertThat(response.path("batchItemFailures")).hasSize(1);
        assertThat(response.path("batchItemFailures").get(0).path("itemIdentifier").asText()).isEqualTo("msg-bad");
        assertThat(fixture.record("incoming/sqs.txt").status()).isEqualTo(ArticleStatus.OK);
    }

    @Test
    void sqsMessageCarryingAnSnsEnvelopeIsUnwrapped() {
        IngestFixture.Upload upload = fixture.upload("incoming/sns.txt", IngestOrderingAndIdempotencyTest.article("Fan-out", "Body."));
        ObjectNode envelope = IngestFixture.mapper().createObjectNode()
                .put("Type", "Notification").put("MessageId", "m-1")
                .put("TopicArn", "arn:aws:sns:us-east-1:123456789012:articles")
                .put("Message", fixture.created(upload).toString());
        ObjectNode event = IngestFixture.mapper().createObjectNode();
        event.putArray("Records").add(sqsMessage("msg-sns", envelope.toString()));

        JsonNode response = fixture.invoke(event);

        assertThat(response.path("batchItemFailures")).isEmpty();
        assertThat(fixture.record("incoming/sns.txt").status()).isEqualTo(ArticleStatus.OK);
    }

    @Test
    void eventBridgeObjectCreatedAndDeletedAreApplied() {
        String key = "incoming/eb file.txt";
        IngestFixture.Upload upload = fixture.upload(key, IngestOrderingAndIdempotencyTest.article("Bridge", "Body."));

        fixture.invoke(eventBridge("Object Created", "PutObject", key, upload.size(), upload.eTag(), upload.sequencer()));
        assertThat(fixture.record(key).status()).isEqualTo(ArticleStatus.OK);

        fixture.delete(key);
        fixture.invoke(eventBridge("Object Deleted", "DeleteObject", key, null, null, fixture.nextSequencer()));
        assertThat(fixture.record(key).status()).isEqualTo(ArticleStatus.DELETED);
    }

    @Test
    void batchOperationsSchema1AnswersOneResultPerTask() {
        fixture.upload("incoming/backfill one.txt", IngestOrderingAndIdempotencyTest.article("Backfill", "Body."));
        ObjectNode invocation = IngestFixture.mapper().createObjectNode()
                .put("invocationSchemaVersion", "1.0").put("invocationId", "YXNkbGZqYWRmaiBhc2RmdW9hZHNmZGpmaGFzbGtkaGZza2RmaAo");
        invocation.putObject("job").put("id", "f3cc4f60-61f6-4a2b-8a21-d07600c373ce");
        ArrayNode tasks = invocation.putArray("tasks");
        tasks.addObject().put("taskId", "t-ok").put("s3Key", "incoming/backfill+one.txt").putNull("s3VersionId")
                .put("s3BucketArn", "arn:aws:s3:::" + fixture.settings.bucket());
        tasks.addObject().put("taskId", "t-outside").put("s3Key", "elsewhere/x.txt").putNull("s3VersionId")
                .put("s3BucketArn", "arn:aws:s3:::" + fixture.settings.bucket());

        JsonNode response = fixture.invoke(invocation);

        assertThat(response.path("invocationSchemaVersion").asText()).isEqualTo("1.0");
        assertThat(response.path("invocationId").asText()).isEqualTo(invocation.path("invocationId").asText());
        assertThat(response.path("treatMissingKeysAs").asText()).isEqualTo("PermanentFailure");
        assertThat(response.path("results").get(0).path("taskId").asText()).isEqualTo("t-ok");
        assertThat(response.path("results").get(0).path("resultCode").asText()).isEqualTo("Succeeded");
        assertThat(response.path("results").get(1).path("resultCode").asText()).isEqualTo("PermanentFailure");
        assertThat(fixture.record("incoming/backfill one.txt").status()).isEqualTo(ArticleStatus.OK);
    }

    @Test
    void batchOperationsSchema2NamesTheBucketPerTask() {
        fixture.upload("incoming/backfill-two.txt", IngestOrderingAndIdempotencyTest.article("Backfill two", "Body."));
        ObjectNode invocation = IngestFixture.mapper().createObjectNode()
                .put("invocationSchemaVersion", "2.0").put("invocationId", "Zm9v");
        invocation.putObject("job").put("id", "job-2").putObject("userArguments").put("k", "v");
        invocation.putArray("tasks").addObject().put("taskId", "t-1").put("s3Bucket", fixture.settings.bucket())
                .put("s3Key", "incoming/backfill-two.txt").putNull("s3VersionId");

        JsonNode response = fixture.invoke(invocation);

        assertThat(response.path("invocationSchemaVersion").asText()).isEqualTo("2.0");
        assertThat(response.path("results").get(0).path("resultCode").asText()).isEqualTo("Succeeded");
        assertThat(response.path("results").get(0).path("resultString").asText()).startsWith("OK");
    }

    @Test
    void backfillNeverOverridesStateFromANotification() {
        IngestFixture.Upload upload = fixture.upload("incoming/both.txt", IngestOrderingAndIdempotencyTest.article("Both", "Body."));
        fixture.invoke(fixture.created(upload));
        ObjectNode invocation = IngestFixture.mapper().createObjectNode()
                .put("invocationSchemaVersion", "2.0").put("invocationId", "YmFy");
        invocation.putArray("tasks").addObject().put("taskId", "t-1").put("s3Bucket", fixture.settings.bucket())
                .put("s3Key", "incoming/both.txt");

        JsonNode response = fixture.invoke(invocation);

        assertThat(response.path("results").get(0).path("resultString").asText()).startsWith("STALE");
        assertThat(fixture.record("incoming/both.txt").sequencer()).endsWith(upload.sequencer());
    }

    @Test
    void anEventOfNoKnownShapeFailsLoudlySoItIsKept() {
        ObjectNode unknown = IngestFixture.mapper().createObjectNode().put("hello", "world");

        assertThatThrownBy(() -> fixture.invoke(unknown)).isInstanceOf(UnrecognizedEventException.class);
        assertThatThrownBy(() -> fixture.handler().handleRequest(
                new java.io.ByteArrayInputStream("not json".getBytes(StandardCharsets.UTF_8)),
                new java.io.ByteArrayOutputStream(), null))
                .isInstanceOf(UnrecognizedEventException.class);
    }

    private ObjectNode eventBridge(String detailType, String reason, String key, Long size, String eTag,
                                   String sequencer) {
        ObjectNode event = IngestFixture.mapper().createObjectNode()
                .put("version", "0").put("id", "17793124-05d4-b198-2fde-7ededc63b103")
                .put("detail-type", detailType).put("source", "aws.s3").put("account", "123456789012")
                .put("time", "2026-11-24T10:00:00Z").put("region", "us-east-1");
        event.putArray("resources").add("arn:aws:s3:::" + fixture.settings.bucket());
        ObjectNode detail = event.putObject("detail").put("version", "0");
        detail.putObject("bucket").put("name", fixture.settings.bucket());
        ObjectNode object = detail.putObject("object")
                .put("key", java.net.URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/"))
                .put("sequencer", sequencer);
        if (size != null) {
            object.put("size", size);
        }
        if (eTag != null) {
            object.put("etag", eTag);
        }
        detail.put("request-id", "N4N7GDK58NMKJ12R").put("requester", "123456789012").put("reason", reason);
        return event;
    }

    private static ObjectNode sqsMessage(String messageId, String body) {
        ObjectNode message = IngestFixture.mapper().createObjectNode()
                .put("messageId", messageId).put("receiptHandle", "MessageReceiptHandle").put("body", body)
                .put("md5OfBody", "7b270e59b47ff90a553787216d55d91d").put("eventSource", "aws:sqs")
                .put("eventSourceARN", "arn:aws:sqs:us-east-1:123456789012:MyQueue").put("awsRegion", "us-east-1");
        message.putObject("attributes").put("ApproximateReceiveCount", "1").put("SentTimestamp", "1523232000000");
        message.putObject("messageAttributes");
        return message;
    }
}
