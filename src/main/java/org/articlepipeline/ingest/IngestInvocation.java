package org.articlepipeline.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.articlepipeline.ingest.event.BatchOperationsTask;
import org.articlepipeline.ingest.event.EventShape;
import org.articlepipeline.ingest.event.ObjectChange;
import org.articlepipeline.ingest.event.Payloads;

/**
 * One ingest invocation: recognizes the event's shape, applies every change it carries through
 * {@link ArticleIngestor}, and answers in the shape the caller expects.
 *
 * <ul>
 *   <li>S3, SNS and EventBridge events: a summary of outcomes; a transient failure is thrown, so Lambda
 *       retries the whole event (every change is idempotent) and finally hands it to the failure queue.</li>
 *   <li>SQS batches: {@code batchItemFailures} naming only the messages that failed, so one bad message
 *       does not redeliver the others.</li>
 *   <li>S3 Batch Operations: the result document, one {@code Succeeded}, {@code TemporaryFailure} or
 *       {@code PermanentFailure} per task.</li>
 * </ul>
 * An event of no known shape is thrown as {@link UnrecognizedEventException}: failing loudly sends it to
 * the failure queue, where it is kept, instead of dropping it.
 */
public final class IngestInvocation {

    private final ArticleIngestor ingestor;
    private final ObjectMapper mapper;
    private final Payloads payloads;

    public IngestInvocation(ArticleIngestor ingestor, ObjectMapper mapper) {
        this.ingestor = ingestor;
        this.mapper = mapper;
        this.payloads = new Payloads(mapper);
    }

    /**
     * Handles one event.
     *
     * @param log receives one JSON line per change applied
     * @return the response document for the event's shape
     */
    public ObjectNode handle(JsonNode event, Consumer<String> log) {
        EventShape shape = EventShape.of(event);
        return switch (shape) {
            case SQS -> sqs(event, log);
            case BATCH_OPERATIONS -> batchOperations(event, log);
            case S3_NOTIFICATION, S3_TEST_EVENT, EVENTBRIDGE -> direct(payloads.changes(event).orElse(List.of()), log);
            case SNS -> sns(event, log);
            case UNRECOGNIZED -> throw new UnrecognizedEventException(
                    "not an S3, SQS, SNS, EventBridge or Batch Operations event");
        };
    }

    private ObjectNode direct(List<ObjectChange> changes, Consumer<String> log) {
        ObjectNode response = mapper.createObjectNode();
        ArrayNode outcomes = response.putArray("outcomes");
        for (ObjectChange change : changes) {
            outcomes.add(applyAndLog(change, log));
        }
        return response;
    }

    private ObjectNode sns(JsonNode event, Consumer<String> log) {
        List<ObjectChange> changes = new java.util.ArrayList<>();
        for (JsonNode record : event.path("Records")) {
            changes.addAll(payloads.parse(record.path("Sns").path("Message").asText(""))
                    .flatMap(payloads::changes)
                    .orElseThrow(() -> new UnrecognizedEventException("an SNS message that is not an S3 event")));
        }
        return direct(changes, log);
    }

    private ObjectNode sqs(JsonNode event, Consumer<String> log) {
        ObjectNode response = mapper.createObjectNode();
        ArrayNode failures = response.putArray("batchItemFailures");
        for (JsonNode message : event.path("Records")) {
            String messageId = message.path("messageId").asText("");
            Optional<List<ObjectChange>> changes = payloads.parse(message.path("body").asText(""))
                    .flatMap(payloads::changes);
            if (changes.isEmpty()) {
                // Not retryable, but reporting it as failed keeps it: the queue's redrive policy moves it
                // to the dead-letter queue after its receives, where an operator can see it.
                log.accept(logLine(messageId, "unrecognized-message"));
                failures.addObject().put("itemIdentifier", messageId);
                continue;
            }
            try {
                for (ObjectChange change : changes.get()) {
                    applyAndLog(change, log);
                }
            } catch (RuntimeException transientFailure) {
                log.accept(logLine(messageId, "failed: " + transientFailure));
                failures.addObject().put("itemIdentifier", messageId);
            }
        }
        return response;
    }

    private ObjectNode batchOperations(JsonNode invocation, Consumer<String> log) {
        ObjectNode response = mapper.createObjectNode();
        response.put("invocationSchemaVersion", invocation.path("invocationSchemaVersion").asText("1.0"));
        response.put("treatMissingKeysAs", "PermanentFailure");
        response.put("invocationId", invocation.path("invocationId").asText(""));
        ArrayNode results = response.putArray("results");
        for (BatchOperationsTask task : BatchOperationsTask.tasks(invocation)) {
            ObjectNode result = results.addObject().put("taskId", task.taskId());
            try {
                IngestOutcome outcome = ingestor.apply(task.asChange());
                log.accept(toJson(outcome).toString());
                boolean permanent = outcome.outcome() == IngestOutcome.Outcome.IGNORED;
                result.put("resultCode", permanent ? "PermanentFailure" : "Succeeded");
                result.put("resultString", outcome.outcome() + (outcome.reason() == null ? "" : ": " + outcome.reason())
                        + (outcome.id() == null ? "" : " (article " + outcome.id() + ")"));
            } catch (RuntimeException transientFailure) {
                result.put("resultCode", "TemporaryFailure");
                result.put("resultString", "retry: " + transientFailure.getClass().getSimpleName());
            }
        }
        return response;
    }

    private ObjectNode applyAndLog(ObjectChange change, Consumer<String> log) {
        ObjectNode line = toJson(ingestor.apply(change));
        log.accept(line.toString());
        return line;
    }

    /**
     * An outcome as a JSON tree, written field by field: binding the record through databind's bean
     * introspection costs a cold function a few hundred milliseconds on its first event.
     */
    private ObjectNode toJson(IngestOutcome outcome) {
        return mapper.createObjectNode()
                .put("id", outcome.id())
                .put("key", outcome.key())
                .put("eventName", outcome.eventName())
                .put("outcome", outcome.outcome().name())
                .put("reason", outcome.reason())
                .put("durationMs", outcome.durationMs());
    }

    private String logLine(String messageId, String outcome) {
        return mapper.createObjectNode().put("messageId", messageId).put("outcome", outcome).toString();
    }
}
