package org.articlepipeline.ingest.event;

import org.articlepipeline.json.JsonValue;

/**
 * The wire shapes an ingest invocation can arrive in, recognized from the payload itself.
 *
 * <p>One function serves every way S3 changes can reach it, so a deployment can switch from direct
 * notifications to a queue, to EventBridge or to a Batch Operations backfill without a code change.
 */
public enum EventShape {
    /** An S3 event notification: {@code Records[]} with {@code eventSource} {@code aws:s3}. */
    S3_NOTIFICATION,
    /** S3's {@code s3:TestEvent}, sent once when a notification is configured. */
    S3_TEST_EVENT,
    /** SQS messages whose bodies are S3 notifications (or SNS envelopes of them). */
    SQS,
    /** SNS notifications whose messages are S3 notifications. */
    SNS,
    /** An EventBridge {@code Object Created} / {@code Object Deleted} event from {@code aws.s3}. */
    EVENTBRIDGE,
    /** An S3 Batch Operations invocation, schema 1.0 or 2.0. */
    BATCH_OPERATIONS,
    /** None of the above. */
    UNRECOGNIZED;

    /** The shape of {@code event}. */
    public static EventShape of(JsonValue event) {
        if (event == null || !event.isObject()) {
            return UNRECOGNIZED;
        }
        if (S3Notifications.isTestEvent(event)) {
            return S3_TEST_EVENT;
        }
        if (event.has("invocationSchemaVersion") && event.path("tasks").isArray()) {
            return BATCH_OPERATIONS;
        }
        if ("aws.s3".equals(event.path("source").asText()) && event.has("detail-type")) {
            return EVENTBRIDGE;
        }
        JsonValue first = event.path("Records").path(0);
        String source = first.path("eventSource").asText(first.path("EventSource").asText());
        return switch (source) {
            case "aws:s3" -> S3_NOTIFICATION;
            case "aws:sqs" -> SQS;
            case "aws:sns" -> SNS;
            default -> UNRECOGNIZED;
        };
    }
}
