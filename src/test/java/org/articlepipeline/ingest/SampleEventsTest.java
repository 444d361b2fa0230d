package org.articlepipeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.articlepipeline.ingest.event.EventShape;
import org.articlepipeline.ingest.event.ObjectChange;
import org.articlepipeline.ingest.event.Payloads;
import org.articlepipeline.json.JsonCodec;
import org.articlepipeline.json.JsonValue;
import org.junit.jupiter.api.Test;

/** The sample events under {@code events/} (for {@code invoke --event}) are read as the shapes they claim. */
class SampleEventsTest {

    private final JsonCodec json = new JsonCodec();

    private JsonValue read(String name) throws Exception {
        return json.parse(Files.readString(Path.of("events", name)));
    }

    @Test
    void eachSampleEventHasItsShape() throws Exception {
        assertThat(EventShape.of(read("s3-put.json"))).isEqualTo(EventShape.S3_NOTIFICATION);
        assertThat(EventShape.of(read("s3-delete.json"))).isEqualTo(EventShape.S3_NOTIFICATION);
        assertThat(EventShape.of(read("sqs-s3-put.json"))).isEqualTo(EventShape.SQS);
        assertThat(EventShape.of(read("eventbridge-object-created.json"))).isEqualTo(EventShape.EVENTBRIDGE);
        assertThat(EventShape.of(read("batch-operations-v2.json"))).isEqualTo(EventShape.BATCH_OPERATIONS);
    }

    @Test
    void samplePutAndDeleteNameTheSameSeedInOrder() throws Exception {
        Payloads payloads = new Payloads(json);
        List<ObjectChange> put = payloads.changes(read("s3-put.json")).orElseThrow();
        List<ObjectChange> delete = payloads.changes(read("s3-delete.json")).orElseThrow();

        assertThat(put.get(0).key()).isEqualTo(delete.get(0).key()).startsWith("incoming/");
        assertThat(org.articlepipeline.ingest.event.Sequencer.compare(put.get(0).sequencer(), delete.get(0).sequencer()))
                .isNegative();
    }
}
