package org.articlepipeline.ingest.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.articlepipeline.json.JsonCodec;
import org.articlepipeline.json.JsonValue;
import org.junit.jupiter.api.Test;

class S3NotificationsTest {

    private final JsonCodec json = new JsonCodec();

    @Test
    void plusIsASpaceAndPercent2BIsAPlus() {
        assertThat(S3Notifications.decodeKey("incoming/red+flower%2B1.txt")).isEqualTo("incoming/red flower+1.txt");
    }

    @Test
    void nonAsciiArrivesAsPercentEncodedUtf8() {
        assertThat(S3Notifications.decodeKey("incoming/%D9%85%D9%82%D8%A7%D9%84.txt")).isEqualTo("incoming/مقال.txt");
    }

    @Test
    void aLiteralPercentArrivesEncodedAndIsDecodedOnce() {
        assertThat(S3Notifications.decodeKey("incoming/100%2525.txt")).isEqualTo("incoming/100%25.txt");
    }

    @Test
    void keyThatIsNotValidFormEncodingIsTakenAsWritten() {
        assertThat(S3Notifications.decodeKey("incoming/100%.txt")).isEqualTo("incoming/100%.txt");
    }

    @Test
    void readsEveryFieldOfADocumentedRecord() throws Exception {
        JsonValue event = json.parse("""
                {"Records":[{"eventVersion":"2.1","eventSource":"aws:s3","awsRegion":"us-east-1",
                "eventTime":"1970-01-01T00:00:00.000Z","eventName":"ObjectCreated:Put",
                "userIdentity":{"principalId":"EXAMPLE"},"requestParameters":{"sourceIPAddress":"127.0.0.1"},
                "responseElements":{"x-amz-request-id":"EXAMPLE123456789","x-amz-id-2":"EXAMPLE123/5678"},
                "s3":{"s3SchemaVersion":"1.0","configurationId":"testConfigRule",
                "bucket":{"name":"example-bucket","ownerIdentity":{"principalId":"EXAMPLE"},"arn":"arn:aws:s3:::example-bucket"},
                "object":{"key":"incoming/test%2Fkey","size":1024,"eTag":"0123456789abcdef0123456789abcdef",
                "versionId":"v1","sequencer":"0A1B2C3D4E5F678901"}}}]}""");

        List<ObjectChange> changes = S3Notifications.changes(event);

        assertThat(changes).containsExactly(new ObjectChange(ObjectChange.Kind.CREATED, "ObjectCreated:Put",
                "example-bucket", "incoming/test/key", 1024L, "0123456789abcdef0123456789abcdef", "v1",
                "0A1B2C3D4E5F678901", "1970-01-01T00:00:00.000Z"));
        assertThat(EventShape.of(event)).isEqualTo(EventShape.S3_NOTIFICATION);
    }

    @Test
    void recordsOfOtherEventTypesAndVersionsAreSkipped() throws Exception {
        JsonValue event = json.parse("""
                {"Records":[
                 {"eventVersion":"2.1","eventSource":"aws:s3","eventName":"ObjectRestore:Completed",
                  "s3":{"bucket":{"name":"b"},"object":{"key":"k"}}},
                 {"eventVersion":"1.0","eventSource":"aws:s3","eventName":"ObjectCreated:Put",
                  "s3":{"bucket":{"name":"b"},"object":{"key":"k"}}},
                 {"eventVersion":"2.3","eventSource":"aws:s3","eventName":"ObjectRemoved:DeleteMarkerCreated",
                  "s3":{"bucket":{"name":"b"},"object":{"key":"k","sequencer":"01"}}}]}""");

        assertThat(S3Notifications.changes(event)).extracting(ObjectChange::kind)
                .containsExactly(ObjectChange.Kind.REMOVED);
    }

    @Test
    void shapesAreRecognizedFromThePayload() throws Exception {
        assertThat(EventShape.of(json.parse("{\"Event\":\"s3:TestEvent\"}"))).isEqualTo(EventShape.S3_TEST_EVENT);
        assertThat(EventShape.of(json.parse("{\"Records\":[{\"eventSource\":\"aws:sqs\"}]}"))).isEqualTo(EventShape.SQS);
        assertThat(EventShape.of(json.parse("{\"Records\":[{\"EventSource\":\"aws:sns\"}]}"))).isEqualTo(EventShape.SNS);
        assertThat(EventShape.of(json.parse("{\"source\":\"aws.s3\",\"detail-type\":\"Object Created\"}")))
                .isEqualTo(EventShape.EVENTBRIDGE);
        assertThat(EventShape.of(json.parse("{\"invocationSchemaVersion\":\"1.0\",\"tasks\":[]}")))
                .isEqualTo(EventShape.BATCH_OPERATIONS);
        assertThat(EventShape.of(json.parse("[1,2]"))).isEqualTo(EventShape.UNRECOGNIZED);
        assertThat(EventShape.of(json.parse("{\"Records\":[]}"))).isEqualTo(EventShape.UNRECOGNIZED);
    }
}
