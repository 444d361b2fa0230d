package org.articlepipeline.ingest;

import java.util.List;
import java.util.Map;
import org.articlepipeline.document.ArticleDocuments;
import org.articlepipeline.ingest.event.EventShape;
import org.articlepipeline.ingest.event.ObjectChange;
import org.articlepipeline.ingest.event.Payloads;
import org.articlepipeline.json.JsonCodec;
import org.articlepipeline.json.JsonValue;
import org.articlepipeline.normalize.NormalizationResult;
import org.articlepipeline.normalize.RejectionReason;

/**
 * The ingest function's JSON warm-up before a SnapStart snapshot ({@link org.articlepipeline.aws.Priming}):
 * reads an S3 notification and an SQS batch the way {@link IngestInvocation} does and writes a summary and
 * a document, so their parser, generator and reader classes are loaded and initialized in the snapshot.
 * It uses the ingest function's own streaming JSON, never databind, which the function does not load.
 */
final class IngestPriming {

    private static final String S3_EVENT = "{\"Records\":[{\"eventVersion\":\"2.1\",\"eventSource\":\"aws:s3\","
            + "\"eventTime\":\"2026-01-01T00:00:00.000Z\",\"eventName\":\"ObjectCreated:Put\",\"s3\":{\"bucket\":"
            + "{\"name\":\"b\"},\"object\":{\"key\":\"incoming/prime.txt\",\"size\":1,\"eTag\":\"e\",\"sequencer\":\"01\"}}}]}";

    private IngestPriming() {
    }

    /** Reads and writes JSON as one ingest event does; nothing is stored or sent. */
    static void primeJson() throws Exception {
        JsonCodec json = new JsonCodec();
        Payloads payloads = new Payloads(json);
        String sqsBatch = json.toText(Map.of("Records", List.of(Map.of("eventSource", "aws:sqs",
                "messageId", "prime", "body", S3_EVENT))));
        JsonValue batch = json.parse(sqsBatch);
        if (EventShape.of(batch) != EventShape.SQS) {
            throw new IllegalStateException("priming read its own SQS batch as " + EventShape.of(batch));
        }
        List<ObjectChange> changes = payloads.parse(batch.path("Records").path(0).path("body").asText(""))
                .flatMap(payloads::changes)
                .orElseThrow(() -> new IllegalStateException("priming read no change from its own S3 event"));
        Map<String, Object> document = new ArticleDocuments().toJson(new NormalizationResult.Rejected(RejectionReason.EMPTY, "priming"));
        document.put("id", "prime");
        document.put("key", changes.get(0).key());
        json.toBytes(Map.of("outcomes", List.of(document)));
    }
}
