package org.articlepipeline.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Turns the embedded S3 server's object changes into S3 event notifications, shaped as AWS sends them,
 * and delivers each one, one at a time and in order, to a function (the ingest handler).
 *
 * <p>Like a bucket notification filtered on a prefix, only changes under the input prefix of the
 * pipeline's bucket produce events: the pipeline's own outputs never do.
 */
public final class S3EventSource implements AutoCloseable {

    private final String bucket;
    private final String inputPrefix;
    private final String region;
    private final Consumer<byte[]> function;
    private final ObjectMapper mapper = new ObjectMapper();
    private final Clock clock;
    private final ExecutorService deliveries = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "s3-event-delivery");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicInteger pending = new AtomicInteger();
    private volatile boolean accepting = true;
    /** Starts from the clock so that sequencers keep growing across restarts of a persistent stack. */
    private final AtomicLong sequencer;

    /**
     * @param function receives each notification's JSON bytes, as Lambda's runtime hands them to a handler
     */
    public S3EventSource(String bucket, String inputPrefix, String region, Consumer<byte[]> function, Clock clock) {
        this.bucket = bucket;
        this.inputPrefix = inputPrefix;
        this.region = region;
        this.function = function;
        this.clock = clock;
        this.sequencer = new AtomicLong(clock.millis() * 1_000_000L);
    }

    /**
     * Reports a change made through some other S3 server's API (LocalStack, a test double): the caller
     * plays the part of S3's notification system.
     *
     * @param eventName e.g. {@code ObjectCreated:Put} or {@code ObjectRemoved:Delete}
     * @param size      the object size for creates, else {@code null}
     * @param eTag      the ETag without quotes for creates, else {@code null}
     */
    public void objectChanged(String eventName, String bucket, String key, Long size, String eTag) {
        publish(new ObjectEvent(eventName, bucket, key, size, eTag));
    }

    /** Reports one object change; called on the S3 server's request thread, right after the change. */
    void publish(ObjectEvent change) {
        if (!bucket.equals(change.bucket()) || !change.key().startsWith(inputPrefix)) {
            return;
        }
        if (!accepting) {
            // Stopping: the object is stored, and the next start's backfill ingests it.
            return;
        }
        // The sequencer is taken on the request thread, so it orders changes as the server applied them.
        byte[] notification = notification(change, Long.toHexString(sequencer.incrementAndGet()).toUpperCase(Locale.ROOT));
        pending.incrementAndGet();
        deliveries.execute(() -> {
            try {
                function.accept(notification);
            } finally {
                pending.decrementAndGet();
            }
        });
    }

    /** Queues no more notifications: what is queued is still delivered. */
    public void stopAccepting() {
        accepting = false;
    }

    /** Notifications queued or being delivered. */
    public int pending() {
        return pending.get();
    }

    /** Waits until every notification published so far has been handled, or the timeout passes. */
    public boolean awaitIdle(long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (pending.get() > 0) {
            if (System.currentTimeMillis() > deadline) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    byte[] notification(ObjectEvent change, String sequencerHex) {
        ObjectNode event = mapper.createObjectNode();
        ObjectNode record = event.putArray("Records").addObject();
        record.put("eventVersion", "2.1");
        record.put("eventSource", "aws:s3");
        record.put("awsRegion", region);
        record.put("eventTime", Instant.now(clock).toString());
        record.put("eventName", change.eventName());
        record.putObject("userIdentity").put("principalId", "LOCAL");
        record.putObject("requestParameters").put("sourceIPAddress", "127.0.0.1");
        String requestId = UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase(Locale.ROOT);
        record.putObject("responseElements").put("x-amz-request-id", requestId).put("x-amz-id-2", requestId);
        ObjectNode s3 = record.putObject("s3");
        s3.put("s3SchemaVersion", "1.0");
        s3.put("configurationId", "article-pipeline-local");
        s3.putObject("bucket").put("name", change.bucket())
                .put("arn", "arn:aws:s3:::" + change.bucket())
                .putObject("ownerIdentity").put("principalId", "LOCAL");
        ObjectNode object = s3.putObject("object");
        // S3 writes keys URL-form-encoded in notifications: a space becomes '+', a '+' becomes '%2B';
        // the '/' between key segments stays as it is.
        object.put("key", URLEncoder.encode(change.key(), StandardCharsets.UTF_8).replace("%2F", "/"));
        if (change.size() != null) {
            object.put("size", change.size());
        }
        if (change.eTag() != null) {
            object.put("eTag", change.eTag());
        }
        object.put("sequencer", sequencerHex);
        try {
            return mapper.writeValueAsBytes(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        deliveries.shutdown();
        deliveries.awaitTermination(10, TimeUnit.SECONDS);
    }
}
