package org.articlepipeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.articlepipeline.local.LocalPipeline;
import org.articlepipeline.testing.SharedEmbeddedStack;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Malformed JSON is never a silent drop: a whole event that cannot be read fails the invocation (so Lambda
 * keeps it in the failure queue), and a queued message that cannot be read is reported as failed.
 */
@ExtendWith(SharedEmbeddedStack.class)
class IngestMalformedEventsTest {

    private IngestFixture fixture;

    @BeforeEach
    void newBucketAndTable(LocalPipeline pipeline) {
        fixture = new IngestFixture(pipeline);
    }

    @Test
    void anEventThatIsNotJsonFailsWithTheParsersOwnMessage() {
        assertThatThrownBy(() -> handle("not json"))
                .isInstanceOf(UnrecognizedEventException.class)
                .hasMessageStartingWith("the event is not JSON: Unrecognized token 'not'");
    }

    @Test
    void aTruncatedEventFailsLoudlyInsteadOfBeingDropped() {
        assertThatThrownBy(() -> handle("{\"Records\":[{\"eventVersion\":\"2.1\",\"eventSource\":\"aws:s3\""))
                .isInstanceOf(UnrecognizedEventException.class)
                .hasMessageStartingWith("the event is not JSON: Unexpected end-of-input");
    }

    @Test
    void anEmptyOrNonObjectEventIsUnrecognized() {
        for (String event : new String[] {"", "null", "[1,2]", "\"Records\"", "42"}) {
            assertThatThrownBy(() -> handle(event)).as(event).isInstanceOf(UnrecognizedEventException.class);
        }
    }

    @Test
    void aQueuedMessageWithMalformedJsonIsReportedAsFailedSoTheQueueKeepsIt() throws Exception {
        String event = "{\"Records\":[{\"messageId\":\"msg-truncated\",\"eventSource\":\"aws:sqs\","
                + "\"body\":\"{\\\"Records\\\":[{\\\"eventSource\\\":\\\"aws:s3\\\"\"}]}";

        JsonNode response = IngestFixture.mapper().readTree(handle(event));

        assertThat(response.path("batchItemFailures")).hasSize(1);
        assertThat(response.path("batchItemFailures").path(0).path("itemIdentifier").asText()).isEqualTo("msg-truncated");
    }

    @Test
    void anSnsMessageWithMalformedJsonFailsTheInvocation() {
        String event = "{\"Records\":[{\"EventSource\":\"aws:sns\",\"Sns\":{\"Message\":\"{not json\"}}]}";

        assertThatThrownBy(() -> handle(event)).isInstanceOf(UnrecognizedEventException.class);
    }

    private String handle(String event) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        fixture.handler().handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, null);
        return out.toString(StandardCharsets.UTF_8);
    }
}
