package org.articlepipeline.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RejectionReasonTest {

    @Test
    void theStoredCodesAreThePublishedOnes() {
        // The codes are stored in the table and written in documents: renaming one breaks readers.
        assertThat(Arrays.stream(RejectionReason.values()).map(RejectionReason::code)).containsExactly(
                "empty", "too-large", "binary-content", "undecodable", "no-text", "no-article-text", "no-article",
                "internal-error", "not-a-file", "not-found", "unreadable");
    }

    @Test
    void everyCodeReadsBackAsItsReason() {
        for (RejectionReason reason : RejectionReason.values()) {
            assertThat(RejectionReason.ofCode(reason.code())).contains(reason);
        }
        assertThat(RejectionReason.ofCode("prime")).isEmpty();
    }

    @Test
    void everyReasonHasWordsForPeople() {
        for (RejectionReason reason : RejectionReason.values()) {
            assertThat(reason.words()).as(reason.code()).isNotBlank().doesNotContain("-");
        }
    }
}
