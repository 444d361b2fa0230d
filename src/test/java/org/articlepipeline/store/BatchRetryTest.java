package org.articlepipeline.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BatchRetryTest {

    private final List<Long> waits = new ArrayList<>();
    private final List<Long> ceilings = new ArrayList<>();

    /** A retry that takes the whole ceiling as its wait, so the waits show the ceilings. */
    private BatchRetry longestWaits(int attempts) {
        return new BatchRetry(attempts, 50, 1_000, waits::add, ceiling -> {
            ceilings.add(ceiling);
            return ceiling;
        });
    }

    /** A call that leaves one item of its request unprocessed, {@code times} times, then none. */
    private static java.util.function.UnaryOperator<Map<String, Integer>> leavingOne(int times, List<Integer> sent) {
        return request -> {
            int items = request.get("t");
            sent.add(items);
            return sent.size() <= times ? Map.of("t", 1) : Map.of();
        };
    }

    @Test
    void waitsDoubleFromTheBaseUpToTheCapBeforeEachRetry() {
        List<Integer> sent = new ArrayList<>();

        longestWaits(8).untilDone("items", Map.of("t", 25), leavingOne(7, sent));

        assertThat(sent).containsExactly(25, 1, 1, 1, 1, 1, 1, 1);
        assertThat(waits).containsExactly(50L, 100L, 200L, 400L, 800L, 1_000L, 1_000L);
    }

    @Test
    void eachWaitIsDrawnBetweenZeroAndItsCeiling() {
        BatchRetry retry = new BatchRetry(4, 50, 1_000, waits::add, ceiling -> {
            ceilings.add(ceiling);
            return ceiling / 2;
        });

        retry.untilDone("items", Map.of("t", 3), leavingOne(3, new ArrayList<>()));

        assertThat(ceilings).containsExactly(50L, 100L, 200L);
        assertThat(waits).containsExactly(25L, 50L, 100L);
    }

    @Test
    void aJitterOutsideTheCeilingIsKeptWithinIt() {
        BatchRetry retry = new BatchRetry(3, 50, 1_000, waits::add, ceiling -> ceiling == 50 ? -7 : 10 * ceiling);

        retry.untilDone("items", Map.of("t", 3), leavingOne(2, new ArrayList<>()));

        assertThat(waits).containsExactly(0L, 100L);
    }

    @Test
    void aBatchDoneAtOnceNeverWaits() {
        List<Integer> sent = new ArrayList<>();

        longestWaits(8).untilDone("items", Map.of("t", 25), leavingOne(0, sent));

        assertThat(sent).containsExactly(25);
        assertThat(waits).isEmpty();
    }

    @Test
    void itemsStillUnprocessedAfterTheLastAttemptFailWithAClearMessage() {
        List<Integer> sent = new ArrayList<>();

        assertThatThrownBy(() -> longestWaits(4).untilDone("posting writes", Map.of("t", 25), leavingOne(99, sent)))
                .isInstanceOf(BatchRetry.UnprocessedException.class)
                .hasMessage("DynamoDB left posting writes unprocessed after 4 attempts: the table is throttled;"
                        + " the event is retried as a whole");
        assertThat(sent).hasSize(4);
        assertThat(waits).containsExactly(50L, 100L, 200L);
    }

    @Test
    void anInterruptedWaitStopsRetryingAndKeepsTheInterrupt() {
        BatchRetry retry = new BatchRetry(4, 50, 1_000, millis -> {
            throw new InterruptedException();
        }, ceiling -> ceiling);
        try {
            assertThatThrownBy(() -> retry.untilDone("items", Map.of("t", 2), leavingOne(9, new ArrayList<>())))
                    .isInstanceOf(BatchRetry.UnprocessedException.class).hasMessageContaining("interrupted");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void theStandardRetryWaitsAtMostAFewSecondsInAll() {
        BatchRetry standard = BatchRetry.standard();
        long total = 0;
        for (int attempt = 2; attempt <= BatchRetry.DEFAULT_ATTEMPTS; attempt++) {
            total += standard.ceilingBefore(attempt);
        }
        assertThat(total).isEqualTo(50 + 100 + 200 + 400 + 800 + 1_600 + 3_200);
    }
}
