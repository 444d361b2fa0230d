package org.articlepipeline.local;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.articlepipeline.index.event.ItemChange;
import org.articlepipeline.index.event.TableStreamEvents;
import org.articlepipeline.store.TableLayout;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * What Lambda's event source mapping does for the index function, on one machine: polls the articles
 * table's stream, keeps the article records (the template's filter), and hands each shard's new records to
 * the function as the JSON event Lambda would send. A batch item failure is retried from the failed record,
 * a few times with a pause, then reported and skipped, as an on-failure destination would receive it.
 *
 * <p>Each shard is read from where its {@link StreamCheckpoint} says delivery stopped, else from its oldest
 * record (TRIM_HORIZON), never from its end: what was written while no source ran (a crash, a stop with a
 * backlog) is delivered when the next one starts, as Lambda's event source mapping resumes. The checkpoint
 * moves after each shard's records are delivered. An iterator the stream refuses (expired, or past trimmed
 * records) is replaced from the last record read.
 * {@link #start} polls in the background, as Lambda does; {@link #drain} delivers everything written so far
 * on the caller's thread, for tests and benchmarks that decide when the index step runs.
 */
public final class TableStreamSource implements AutoCloseable {

    /** How often an idle stream is polled; Lambda polls each shard four times a second. */
    static final long POLL_MILLIS = 250;
    /** Retries of a failed record before it is reported as sent to the failure queue. */
    static final int MAX_RETRIES = 3;
    /** Records per delivery, as a batch size on the event source mapping. */
    static final int BATCH_SIZE = 100;
    /**
     * Records per read, the most GetRecords returns: most records are the index step's own writes (bands,
     * postings), which the filter drops, so small reads would spend their time on those.
     */
    static final int READ_SIZE = 1000;

    private final DynamoDbStreamsClient streams;
    private final String streamArn;
    private final String region;
    private final Function<byte[], byte[]> function;
    private final Consumer<String> log;
    private final TableStreamEvents events;
    private final JsonFactory json = new JsonFactory();
    /** Shard id → the iterator to read it from next; null once a shard is closed and read to its end. */
    private final Map<String, String> iterators = new LinkedHashMap<>();
    private final Set<String> finished = new HashSet<>();
    /** Shard id → sequence number of the last record read from it, to resume from. */
    private final Map<String, String> lastRead = new HashMap<>();
    private final Thread poller;
    private final Object progress = new Object();
    private long cyclesDone;
    private long lastBusyCycle;
    private boolean wanted;
    private final StreamCheckpoint checkpoint;
    private volatile boolean closed;
    private volatile boolean stoppedClean;

    /**
     * A source that reads every shard from its oldest record and keeps its position in memory.
     *
     * @param function the index function: event bytes in, its response bytes out
     */
    public TableStreamSource(DynamoDbStreamsClient streams, String streamArn, String region,
                             Function<byte[], byte[]> function, Consumer<String> log) {
        this(streams, streamArn, region, function, log, StreamCheckpoint.inMemory(streamArn));
    }

    /** A source that resumes from {@code checkpoint} and keeps it up to date. */
    public TableStreamSource(DynamoDbStreamsClient streams, String streamArn, String region,
                             Function<byte[], byte[]> function, Consumer<String> log, StreamCheckpoint checkpoint) {
        this.checkpoint = checkpoint;
        this.streams = streams;
        this.streamArn = streamArn;
        this.region = region;
        this.function = function;
        this.log = log;
        this.events = new TableStreamEvents(json);
        discoverShards();
        this.poller = new Thread(this::pollUntilClosed, "table-stream-source");
        poller.setDaemon(true);
    }

    /** Starts polling in the background; returns this source. */
    public TableStreamSource start() {
        poller.start();
        return this;
    }

    /** Delivers, on this thread, every change written so far and every change those deliveries write. */
    public void drain() {
        while (pollOnce(true)) {
            // a pass that found records may have caused more: go again until one finds nothing
        }
    }

    private void pollUntilClosed() {
        long cycle = 0;
        while (!closed) {
            boolean busy;
            try {
                busy = pollOnce(cycle % 10 == 0);
            } catch (RuntimeException e) {
                busy = true;
                if (!closed) {
                    log.accept("{\"level\":\"ERROR\",\"message\":\"reading the table stream failed\",\"error\":\""
                            + String.valueOf(e).replace("\"", "'") + "\"}");
                }
            }
            cycle++;
            synchronized (progress) {
                cyclesDone = cycle;
                if (busy) {
                    lastBusyCycle = cycle;
                }
                progress.notifyAll();
            }
            if (!busy) {
                synchronized (progress) {
                    try {
                        // Someone waiting to see the stream caught up wakes the poller early.
                        if (!wanted) {
                            progress.wait(POLL_MILLIS);
                        }
                        wanted = false;
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        }
    }

    /** One pass over every open shard; true when it delivered or found anything. */
    private synchronized boolean pollOnce(boolean rediscover) {
        if (rediscover) {
            discoverShards();
        }
        boolean busy = false;
        for (Map.Entry<String, String> shard : new ArrayList<>(iterators.entrySet())) {
            GetRecordsResponse response = read(shard.getKey(), shard.getValue());
            List<ItemChange> changes = new ArrayList<>();
            for (Record record : response.records()) {
                lastRead.put(shard.getKey(), record.dynamodb().sequenceNumber());
                ItemChange change = changeOf(record);
                if (TableLayout.isArticleItem(change.key(TableLayout.PK), change.key(TableLayout.SK))) {
                    changes.add(change);
                }
            }
            busy |= !response.records().isEmpty();
            for (int from = 0; from < changes.size(); from += BATCH_SIZE) {
                deliver(changes.subList(from, Math.min(changes.size(), from + BATCH_SIZE)));
            }
            if (!response.records().isEmpty()) {
                checkpoint.delivered(shard.getKey(), lastRead.get(shard.getKey()));
            }
            if (response.nextShardIterator() == null) {
                iterators.remove(shard.getKey());
                finished.add(shard.getKey());
                checkpoint.finish(shard.getKey());
                discoverShards();
            } else {
                iterators.put(shard.getKey(), response.nextShardIterator());
            }
        }
        if (busy) {
            checkpoint.save(false);
        }
        return busy;
    }

    private GetRecordsResponse read(String shardId, String iterator) {
        try {
            return streams.getRecords(b -> b.shardIterator(iterator).limit(READ_SIZE));
        } catch (ExpiredIteratorException | TrimmedDataAccessException refused) {
            String last = lastRead.get(shardId);
            String fresh = last == null
                    ? iterator(shardId, ShardIteratorType.TRIM_HORIZON, null)
                    : iterator(shardId, ShardIteratorType.AFTER_SEQUENCE_NUMBER, last);
            return streams.getRecords(b -> b.shardIterator(fresh).limit(READ_SIZE));
        }
    }

    private String iterator(String shardId, ShardIteratorType type, String sequenceNumber) {
        return streams.getShardIterator(b -> b.streamArn(streamArn).shardId(shardId).shardIteratorType(type)
                .sequenceNumber(sequenceNumber)).shardIterator();
    }

    private void discoverShards() {
        for (Shard shard : streams.describeStream(b -> b.streamArn(streamArn)).streamDescription().shards()) {
            String id = shard.shardId();
            if (iterators.containsKey(id) || finished.contains(id)) {
                continue;
            }
            if (checkpoint.finished(id)) {
                finished.add(id);
                continue;
            }
            iterators.put(id, resumeIterator(id));
        }
    }

    /** Right after the last record delivered from the shard, else (none, or trimmed since) its oldest record. */
    private String resumeIterator(String shardId) {
        Optional<String> delivered = checkpoint.lastDelivered(shardId);
        if (delivered.isPresent()) {
            lastRead.put(shardId, delivered.get());
            try {
                return iterator(shardId, ShardIteratorType.AFTER_SEQUENCE_NUMBER, delivered.get());
            } catch (TrimmedDataAccessException | software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException gone) {
                log.accept("{\"level\":\"WARN\",\"message\":\"the stream no longer holds the checkpoint of shard "
                        + shardId + "; reading it from its oldest record\"}");
            }
        }
        return iterator(shardId, ShardIteratorType.TRIM_HORIZON, null);
    }

    /** Delivers {@code changes}, retrying from a reported failure, then giving up on that record. */
    private void deliver(List<ItemChange> changes) {
        List<ItemChange> remaining = changes;
        int attempts = 0;
        while (!remaining.isEmpty()) {
            String failed = invoke(remaining);
            if (failed == null) {
                return;
            }
            int at = indexOf(remaining, failed);
            if (++attempts > MAX_RETRIES) {
                log.accept("{\"level\":\"ERROR\",\"message\":\"stream record failed " + MAX_RETRIES
                        + " retries; in AWS it goes to the failure queue\",\"sequenceNumber\":\"" + failed + "\"}");
                at++;
                attempts = 0;
            } else {
                sleepQuietly(200L * attempts);
            }
            remaining = remaining.subList(Math.min(at, remaining.size()), remaining.size());
        }
    }

    /** Invokes the function; returns the sequence number it reported as failed, or null. */
    private String invoke(List<ItemChange> changes) {
        try {
            ByteArrayOutputStream event = new ByteArrayOutputStream();
            events.write(changes, streamArn, region, event);
            byte[] response = function.apply(event.toByteArray());
            return firstFailure(response);
        } catch (IOException | RuntimeException e) {
            // The function threw: Lambda retries the whole batch.
            log.accept("{\"level\":\"ERROR\",\"message\":\"index failed\",\"error\":\""
                    + String.valueOf(e).replace("\"", "'") + "\"}");
            return changes.get(0).sequenceNumber();
        }
    }

    private String firstFailure(byte[] response) throws IOException {
        try (JsonParser parser = json.createParser(response)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.FIELD_NAME && parser.currentName().equals("itemIdentifier")) {
                    parser.nextToken();
                    return parser.getValueAsString();
                }
            }
        }
        return null;
    }

    private static int indexOf(List<ItemChange> changes, String sequenceNumber) {
        for (int i = 0; i < changes.size(); i++) {
            if (changes.get(i).sequenceNumber().equals(sequenceNumber)) {
                return i;
            }
        }
        return 0;
    }

    private static ItemChange changeOf(Record record) {
        var item = record.dynamodb();
        return new ItemChange(record.eventNameAsString(), item.sequenceNumber(), item.keys(),
                item.hasOldImage() ? item.oldImage() : Map.of(), item.hasNewImage() ? item.newImage() : Map.of());
    }

    /**
     * Waits until a whole pass over the stream that began after this call found nothing new: every change
     * written before the call has been delivered, and so has whatever the deliveries wrote in turn.
     */
    public boolean awaitCaughtUp(long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        synchronized (progress) {
            long startedAfter = cyclesDone + 1;
            while (!(cyclesDone > startedAfter && lastBusyCycle < cyclesDone)) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0 || closed) {
                    return false;
                }
                wanted = true;
                progress.notifyAll();
                progress.wait(left);
            }
            return true;
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Says that everything read was delivered and applied (the caller saw {@link #awaitCaughtUp} succeed
     * with no new work coming): {@link #close} then records a clean stop.
     */
    public void markCaughtUp() {
        stoppedClean = true;
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        if (poller.isAlive()) {
            poller.interrupt();
            poller.join(5_000);
        }
        synchronized (this) {
            checkpoint.save(stoppedClean);
        }
    }
}
