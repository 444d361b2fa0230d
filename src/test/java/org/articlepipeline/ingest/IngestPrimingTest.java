package org.articlepipeline.ingest;

import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;

/** The ingest function's SnapStart JSON warm-up reads its own sample events and writes its answer. */
class IngestPrimingTest {

    @Test
    void theJsonWarmupReadsAnSqsBatchOfAnS3EventAndWritesASummary() {
        // It checks what it read itself: a change in the event readers that breaks it fails here, not at a checkpoint.
        assertThatCode(IngestPriming::primeJson).doesNotThrowAnyException();
    }
}
