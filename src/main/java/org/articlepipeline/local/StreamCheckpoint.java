package org.articlepipeline.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Where the local index step stopped reading the table's stream, so a restart resumes there instead of
 * losing what was written meanwhile: per shard, the last record delivered, or that the shard was read to
 * its end. Lambda's event source mapping keeps the same position for the index function in AWS.
 *
 * <p>Kept in a file under {@code serve --data}, rewritten (atomically) after each delivery; without a file,
 * it lives in memory and a new source reads every shard from its oldest record. It also says whether the
 * previous run stopped cleanly, with everything delivered: after a crash, part of a delivery may have been
 * applied, and the publisher counts (the one step that is not idempotent) may count a replayed record twice.
 */
public final class StreamCheckpoint {

    private static final String FINISHED = "finished";

    private final Path file;
    private final String streamArn;
    private final Map<String, String> positions = new HashMap<>();
    private final boolean previousStopClean;

    private StreamCheckpoint(Path file, String streamArn, boolean previousStopClean) {
        this.file = file;
        this.streamArn = streamArn;
        this.previousStopClean = previousStopClean;
    }

    /** A checkpoint nobody keeps: every shard is read from its oldest record. */
    public static StreamCheckpoint inMemory(String streamArn) {
        return new StreamCheckpoint(null, streamArn, true);
    }

    /**
     * The checkpoint kept in {@code file} for {@code streamArn}; positions kept for another stream (a table
     * made anew) are dropped, and so is the claim that the last stop was clean.
     */
    public static StreamCheckpoint in(Path file, String streamArn) {
        Properties kept = new Properties();
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                kept.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        boolean sameStream = streamArn.equals(kept.getProperty("stream"));
        StreamCheckpoint checkpoint = new StreamCheckpoint(file, streamArn,
                sameStream && "true".equals(kept.getProperty("clean")));
        if (sameStream) {
            for (String name : kept.stringPropertyNames()) {
                if (name.startsWith("shard.")) {
                    checkpoint.positions.put(name.substring("shard.".length()), kept.getProperty(name));
                }
            }
        }
        return checkpoint;
    }

    /** True when the previous run stopped with everything it had read delivered (or nothing was kept). */
    public boolean previousStopClean() {
        return previousStopClean;
    }

    /** The sequence number of the last record of {@code shardId} delivered, if one was. */
    synchronized Optional<String> lastDelivered(String shardId) {
        String position = positions.get(shardId);
        return position == null || position.equals(FINISHED) ? Optional.empty() : Optional.of(position);
    }

    synchronized boolean finished(String shardId) {
        return FINISHED.equals(positions.get(shardId));
    }

    synchronized void delivered(String shardId, String sequenceNumber) {
        positions.put(shardId, sequenceNumber);
    }

    synchronized void finish(String shardId) {
        positions.put(shardId, FINISHED);
    }

    /** Writes the positions down; {@code clean} says that everything read so far was delivered and applied. */
    synchronized void save(boolean clean) {
        if (file == null) {
            return;
        }
        Properties kept = new Properties();
        kept.setProperty("stream", streamArn);
        kept.setProperty("clean", Boolean.toString(clean));
        positions.forEach((shard, position) -> kept.setProperty("shard." + shard, position));
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path next = Files.createTempFile(parent, "stream-checkpoint", ".tmp");
            try (OutputStream out = Files.newOutputStream(next)) {
                kept.store(out, "where the local index step stopped reading the table's stream");
            }
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
