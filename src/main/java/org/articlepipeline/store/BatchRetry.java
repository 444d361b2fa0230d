package org.articlepipeline.store;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongUnaryOperator;
import java.util.function.UnaryOperator;

/**
 * Sends a DynamoDB batch call again with what it left unprocessed ({@code UnprocessedItems},
 * {@code UnprocessedKeys}) until nothing is left, waiting between calls.
 *
 * <p>DynamoDB leaves part of a batch unprocessed when a partition is throttled. Calling again at once only
 * meets the same throttle, so every attempt waits a random time up to a ceiling that doubles with each attempt
 * and is capped ("full jitter": concurrent writers that were throttled together do not all come back together).
 * After the last attempt it throws, so the record or request fails visibly and Lambda retries it, instead of
 * silently dropping items.
 */
public final class BatchRetry {

    /** Calls of one batch, the first included. */
    public static final int DEFAULT_ATTEMPTS = 8;
    /** Ceiling of the first wait; each later ceiling is twice the one before. */
    public static final long DEFAULT_BASE_MILLIS = 50;
    /** No wait is longer than this. */
    public static final long DEFAULT_CAP_MILLIS = 5_000;

    /** How a retry waits; {@link Thread#sleep(long)} in production. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }

    private final int attempts;
    private final long baseMillis;
    private final long capMillis;
    private final Sleeper sleeper;
    private final LongUnaryOperator jitter;

    /**
     * @param attempts   calls of one batch at most, the first included
     * @param baseMillis ceiling of the first wait
     * @param capMillis  ceiling of every wait
     * @param sleeper    waits
     * @param jitter     given a ceiling, the wait to take, between 0 and the ceiling
     */
    public BatchRetry(int attempts, long baseMillis, long capMillis, Sleeper sleeper, LongUnaryOperator jitter) {
        if (attempts < 1 || baseMillis < 0 || capMillis < baseMillis) {
            throw new IllegalArgumentException("attempts >= 1 and 0 <= base <= cap, not " + attempts + ", "
                    + baseMillis + ", " + capMillis);
        }
        this.attempts = attempts;
        this.baseMillis = baseMillis;
        this.capMillis = capMillis;
        this.sleeper = sleeper;
        this.jitter = jitter;
    }

    /** 8 attempts, waits up to 50 ms, 100 ms, ... capped at 5 s (at most 6.35 s in all), full jitter. */
    public static BatchRetry standard() {
        return new BatchRetry(DEFAULT_ATTEMPTS, DEFAULT_BASE_MILLIS, DEFAULT_CAP_MILLIS, Thread::sleep,
                ceiling -> ThreadLocalRandom.current().nextLong(ceiling + 1));
    }

    /**
     * Sends {@code request} through {@code call}, which answers what the table left unprocessed (an empty
     * map when nothing), and sends that again until nothing is left.
     *
     * @param what names the items in the failure message ("posting writes", "article reads")
     * @throws UnprocessedException when items are still unprocessed after the last attempt
     */
    public <V> void untilDone(String what, Map<String, V> request, UnaryOperator<Map<String, V>> call) {
        Map<String, V> pending = request;
        for (int attempt = 1; ; attempt++) {
            pending = call.apply(pending);
            if (pending == null || pending.isEmpty()) {
                return;
            }
            if (attempt >= attempts) {
                throw new UnprocessedException("DynamoDB left " + what + " unprocessed after " + attempts
                        + " attempts: the table is throttled; the event is retried as a whole");
            }
            waitBefore(attempt + 1);
        }
    }

    /** The ceiling of the wait before attempt {@code attempt} (2, 3, ...). */
    long ceilingBefore(int attempt) {
        int doublings = Math.min(attempt - 2, 30);
        return Math.min(capMillis, baseMillis << doublings);
    }

    private void waitBefore(int attempt) {
        long ceiling = ceilingBefore(attempt);
        long wait = Math.max(0, Math.min(ceiling, jitter.applyAsLong(ceiling)));
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnprocessedException("interrupted while waiting to retry a DynamoDB batch", e);
        }
    }

    /** A batch call still left items unprocessed after the last attempt. */
    public static final class UnprocessedException extends RuntimeException {

        UnprocessedException(String message) {
            super(message);
        }

        UnprocessedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
