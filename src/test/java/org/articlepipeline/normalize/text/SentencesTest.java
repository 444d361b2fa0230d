package org.articlepipeline.normalize.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SentencesTest {

    @Test
    void aWordEndingInSentencePunctuationEndsASentence() {
        assertThat(Sentences.holdOne("The talks will go on.")).isTrue();
        assertThat(Sentences.holdOne("Will the talks go on? Nobody knows")).isTrue();
        assertThat(Sentences.holdOne("قال إن المحادثات ستستمر.")).isTrue();
        assertThat(Sentences.holdOne("هل ستستمر المحادثات؟")).isTrue();
        assertThat(Sentences.holdOne("The budget rose by 5.")).isTrue();
        assertThat(Sentences.holdOne("وفق البرنامج التالي .")).isTrue();
    }

    @Test
    void closingQuotesAndRepeatedMarksAfterTheEndStillEndIt() {
        assertThat(Sentences.holdOne("He said \"yes.\" Then he left")).isTrue();
        assertThat(Sentences.holdOne("He said \"yes\". Then he left")).isTrue();
        assertThat(Sentences.holdOne("قال «نعم».")).isTrue();
        assertThat(Sentences.holdOne("Really?!")).isTrue();
        assertThat(Sentences.holdOne("And then...")).isTrue();
    }

    @Test
    void numbersDomainsLabelsAndBarePunctuationDoNot() {
        assertThat(Sentences.holdOne("Rates at 3.5 percent")).isFalse();
        assertThat(Sentences.holdOne("Visit example.com for more")).isFalse();
        assertThat(Sentences.holdOne("Share: Print: Email:")).isFalse();
        assertThat(Sentences.holdOne("Home | World | Sport")).isFalse();
        assertThat(Sentences.holdOne(". . . ! ? ...")).isFalse();
        assertThat(Sentences.holdOne("")).isFalse();
        assertThat(Sentences.holdOne(".")).isFalse();
    }

    @Test
    void anyOfSeveralTextsWillDo() {
        assertThat(Sentences.anyIn(List.of("Home", "World", "It rained today."))).isTrue();
        assertThat(Sentences.anyIn(List.of("Home", "World"))).isFalse();
    }

    @Test
    void aLongRunOfDotsIsReadInLinearTime() {
        // Each dot must not rescan the dots after it: 4 MB of them would take hours if it did.
        assertThat(Sentences.holdOne(".".repeat(4_000_000))).isFalse();
        assertThat(Sentences.holdOne("\"".repeat(2_000_000) + ".".repeat(2_000_000))).isFalse();
    }
}
