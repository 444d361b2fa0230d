package org.articlepipeline.normalize.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ClassTokensTest {

    private final ClassTokens tokens = new ClassTokens(Set.of("ad", "share"), Set.of("most read"), "advert");

    @Test
    void wordsMatchWholeAcrossSeparatorsAndCaseChanges() {
        assertThat(tokens.matchesValue("ad-slot")).isTrue();
        assertThat(tokens.matchesValue("top_ad")).isTrue();
        assertThat(tokens.matchesValue("adContainer")).isTrue();
        assertThat(tokens.matchesValue("post share-buttons")).isTrue();
    }

    @Test
    void wordsDoNotMatchInsideOtherWords() {
        assertThat(tokens.matchesValue("header")).isFalse();
        assertThat(tokens.matchesValue("shadow")).isFalse();
        assertThat(tokens.matchesValue("download")).isFalse();
        assertThat(tokens.matchesValue("shareholder-report")).isFalse();
    }

    @Test
    void pairsMatchAdjacentOrJoinedAndPrefixesStartAWord() {
        assertThat(tokens.matchesValue("most-read-list")).isTrue();
        assertThat(tokens.matchesValue("mostread")).isTrue();
        assertThat(tokens.matchesValue("most-recent read")).isFalse();
        assertThat(tokens.matchesValue("advertorial")).isTrue();
    }
}
