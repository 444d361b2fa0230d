package org.articlepipeline.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.articlepipeline.ingest.event.BatchOperationsTask;
import org.articlepipeline.ingest.event.EventShape;
import org.articlepipeline.ingest.event.ObjectChange;
import org.articlepipeline.ingest.event.Payloads;
import org.articlepipeline.json.JsonCodec;
import org.articlepipeline.json.JsonValue;

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
 *
 * <p>Responses and log lines are ordered maps written by {@link JsonCodec}: the ingest function loads no
 * databind class (see {@link JsonCodec} for why).
 */
public final class IngestInvocation {

    private final ArticleIngestor ingestor;
    private final JsonCodec json;
    private final Payloads payloads;

    public IngestInvocation(ArticleIngestor ingestor, JsonCodec json) {
        this.ingestor = ingestor;
        this.json = json;
        this.payloads = new Payloads(json);
    }

    /**
     * Handles one event.
     *
     * @param log receives one JSON line per change applied
     * @return the response document for the event's shape, fields in the order they are written
     */
    public Map<String, Object> handle(JsonValue event, Consumer<String> log) {
        return handle(event, log, outcome -> { });
    }

    /**
     * Handles one event and tells {@code applied} of each change's outcome as it is applied (the handler
     * turns them into metrics).
     */
    public Map<String, Object> handle(JsonValue event, Consumer<String> log, Consumer<IngestOutcome> applied) {
        EventShape shape = EventShape.of(event);
        Consumer<IngestOutcome> logAndCount = outcome -> {
            log.accept(json.toText(toJson(outcome)));
            applied.accept(outcome);
        };
        return switch (shape) {
            case SQS -> sqs(event, log, logAndCount);
            case BATCH_OPERATIONS -> batchOperations(event, logAndCount);
            case S3_NOTIFICATION, S3_TEST_EVENT, EVENTBRIDGE ->
                    direct(payloads.changes(event).orElse(List.of()), logAndCount);
            case SNS -> sns(event, logAndCount);
            case UNRECOGNIZED -> throw new UnrecognizedEventException(
                    "not an S3, SQS, SNS, EventBridge or Batch Operations event");
        };
    }

    private Map<String, Object> direct(List<ObjectChange> changes, Consumer<IngestOutcome> log) {
        List<Map<String, Object>> outcomes = new ArrayList<>();
        for (ObjectChange change : changes) {
            outcomes.add(toJson(applyAndLog(change, log)));
        }
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("outcomes", outcomes);
        return response;
    }

    private Map<String, Object> sns(JsonValue event, Consumer<IngestOutcome> log) {
        List<ObjectChange> changes = new ArrayList<>();
        for (JsonValue record : event.path("Records")) {
            changes.addAll(payloads.parse(record.path("Sns").path("Message").asText(""))
                    .flatMap(payloads::changes)
                    .orElseThrow(() -> new UnrecognizedEventException("an SNS message that is not an S3 event")));
        }
        return direct(changes, log);
    }

    private Map<String, Object> sqs(JsonValue event, Consumer<String> log, Consumer<IngestOutcome> applied) {
        List<Map<String, Object>> failures = new ArrayList<>();
        for (JsonValue message : event.path("Records")) {
            String messageId = message.path("messageId").asText("");
            Optional<List<ObjectChange>> changes = payloads.parse(message.path("body").asText(""))
                    .flatMap(payloads::changes);
            if (changes.isEmpty()) {
                // Not retryable, but reporting it as failed keeps it: the queue's redrive policy moves it
                // to the dead-letter queue after its receives, where an operator can see it.
                log.accept(logLine(messageId, "unrecognized-message"));
                failures.add(Map.of("itemIdentifier", messageId));
                continue;
            }
            try {
                for (ObjectChange change : changes.get()) {
                    applyAndLog(change, applied);
                }
            } catch (RuntimeException transientFailure) {
                log.accept(logLine(messageId, "failed: " + transientFailure));
                failures.add(Map.of("itemIdentifier", messageId));
            }
        }
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("batchItemFailures", failures);
        return response;
    }

    private Map<String, Object> batchOperations(JsonValue invocation, Consumer<IngestOutcome> log) {
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("invocationSchemaVersion", invocation.path("invocationSchemaVersion").asText("1.0"));
        response.put("treatMissingKeysAs", "PermanentFailure");
        response.put("invocationId", invocation.path("invocationId").asText(""));
        List<Map<String, Object>> results = new ArrayList<>();
        response.put("results", results);
        for (BatchOperationsTask task : BatchOperationsTask.tasks(invocation)) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("taskId", task.taskId());
            results.add(result);
            try {
                IngestOutcome outcome = applyAndLog(task.asChange(), log);
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

    private IngestOutcome applyAndLog(ObjectChange change, Consumer<IngestOutcome> log) {
        IngestOutcome outcome = ingestor.apply(change);
        log.accept(outcome);
        return outcome;
    }

    /**
     * An outcome as a JSON object, written field by field (nulls included, so every line has one shape):
     * binding the record through databind's bean introspection costs a cold function a few hundred
     * milliseconds on its first event.
     */
    private static Map<String, Object> toJson(IngestOutcome outcome) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("id", outcome.id());
        line.put("key", outcome.key());
        line.put("eventName", outcome.eventName());
        line.put("outcome", outcome.outcome().name());
        line.put("reason", outcome.reason());
        line.put("durationMs", outcome.durationMs());
        return line;
    }

    private String logLine(String messageId, String outcome) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("messageId", messageId);
        line.put("outcome", outcome);
        return json.toText(line);
    }
}
