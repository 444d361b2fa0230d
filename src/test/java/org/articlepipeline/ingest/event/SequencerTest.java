package org.articlepipeline.ingest.event;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SequencerTest {

    @Test
    void shorterValueIsLeftPaddedBeforeComparing() {
        assertThat(Sequencer.compare("FF", "0100")).isNegative();
        assertThat(Sequencer.compare("0055AED6DCD90281E5", "0055AED6DCD90281E6")).isNegative();
        assertThat(Sequencer.compare("0055AED6DCD90281E5", "55AED6DCD90281E5")).isZero();
    }

    @Test
    void comparableFormHasFixedWidthAndUpperCase() {
        assertThat(Sequencer.comparable("0a")).hasSize(Sequencer.WIDTH).endsWith("0A");
    }

    @Test
    void absentOrMalformedSequencersSortBelowEveryRealOne() {
        assertThat(Sequencer.comparable(null)).isEqualTo(Sequencer.NONE);
        assertThat(Sequencer.comparable("")).isEqualTo(Sequencer.NONE);
        assertThat(Sequencer.comparable("not-hex")).isEqualTo(Sequencer.NONE);
        assertThat(Sequencer.compare(null, "01")).isNegative();
    }
}
