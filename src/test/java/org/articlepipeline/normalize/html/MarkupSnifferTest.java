package org.articlepipeline.normalize.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** HTML is told from the content; a name or content type only lowers the bar for dense markup. */
class MarkupSnifferTest {

    private final MarkupSniffer sniffer = new MarkupSniffer();

    private boolean html(String s, boolean hinted) {
        return sniffer.isHtml(s.getBytes(StandardCharsets.UTF_8), hinted);
    }

    @Test
    void aDoctypeOrOuterTagAfterABomAndWhitespaceIsHtml() {
        assertThat(html("\uFEFF \n<!DOCTYPE html><p>x", false)).isTrue();
        assertThat(html("<HTML><p>x", false)).isTrue();
        assertThat(html("\t<head><title>x</title>", false)).isTrue();
        assertThat(html("<body>text", false)).isTrue();
    }

    @Test
    void denseMarkupWithoutADoctypeIsHtml() {
        assertThat(html("<div><p>a</p><p>b</p><p>c</p><p>d</p><span>e</span><b>f</b><i>g</i><em>h</em></div>", false))
                .isTrue();
    }

    @Test
    void textQuotingATagIsNotHtmlWhateverItsNameSays() {
        assertThat(html("The headline\n\nUse <b>bold</b> for emphasis, the guide says.", true)).isFalse();
        assertThat(html("<b>Breaking</b> the minister resigned on Tuesday.", false)).isFalse();
    }

    @Test
    void aHintLowersTheBarForMarkupThatOpensWithATag() {
        String fragment = "<p>One paragraph.</p><p>Another one.</p>";
        assertThat(html(fragment, false)).isFalse();
        assertThat(html(fragment, true)).isTrue();
    }
}
