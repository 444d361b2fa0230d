package org.articlepipeline.normalize;

import static org.articlepipeline.normalize.BridgeStory.PROSE;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Broken and hostile HTML: each gives an article or a specific rejection, never an internal error. */
class HtmlBadInputTest {

    private final ArticleNormalizer normalizer = new ArticleNormalizer();

    private NormalizationResult normalize(String page) {
        return normalize(page.getBytes(StandardCharsets.UTF_8));
    }

    private NormalizationResult normalize(byte[] page) {
        return normalizer.normalize(page, ArticleOrigin.ofFileName("page.html"));
    }

    private static NormalizedArticle article(NormalizationResult r) {
        assertThat(r).isInstanceOf(NormalizationResult.Accepted.class);
        return ((NormalizationResult.Accepted) r).article();
    }

    @Test
    void unclosedAndMisnestedTagsStillGiveTheArticle() {
        NormalizedArticle a = article(normalize("<!doctype html><html><body><div><h1>Bridge reopens<p>"
                + PROSE.replace("</p>", "") + "<b><i>bold</b> end</i><table><td>cell"));
        assertThat(a.format()).isEqualTo("html");
        assertThat(a.text()).contains("reopen the old river bridge", "rusted faster");
    }

    @Test
    void tenThousandNestedDivsDoNotOverflowTheStack() {
        String page = "<!doctype html><html><body>" + "<div>".repeat(10_000) + "<h1>Bridge reopens</h1>" + PROSE
                + "</div>".repeat(10_000) + "</body></html>";
        assertThat(article(normalize(page)).text()).contains("rusted faster");
    }

    @Test
    void aFiveMegabyteInlineScriptIsDroppedWithoutBeingListed() {
        String script = "<script>var data = \"" + "x".repeat(5 * 1024 * 1024) + "\";</script>";
        NormalizedArticle a = article(normalize("<!doctype html><html><head></head><body>" + script
                + "<h1>Bridge reopens</h1>" + PROSE + "</body></html>"));
        assertThat(a.text()).doesNotContain("xxxx");
        assertThat(a.removed()).allSatisfy(r -> assertThat(r.text()).doesNotContain("xxxx"));
    }

    @Test
    void nulBytesInAPageDoNotLoseIt() {
        byte[] page = ("<!doctype html><html><body><h1>Bridge\0 reopens</h1>" + PROSE + "\0</body></html>")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(article(normalize(page)).text()).contains("rusted faster");
    }

    @Test
    void aPageWhoseTextIsOnlyInAttributesIsRejectedAsNoText() {
        NormalizationResult r = normalize("<!doctype html><html><body><img alt=\"The council voted to reopen the bridge"
                + " on Tuesday.\" title=\"A long description of the bridge and its repairs over two years.\">"
                + "<a href=\"/x\" title=\"more text in an attribute\"></a></body></html>");
        assertThat(r).isInstanceOf(NormalizationResult.Rejected.class);
        assertThat(((NormalizationResult.Rejected) r).reason()).isIn(RejectionReason.NO_ARTICLE, RejectionReason.NO_TEXT);
    }

    @Test
    void aListingPageIsRejectedAsNoArticle() {
        StringBuilder page = new StringBuilder("<!doctype html><html><body><main>");
        for (int i = 0; i < 12; i++) {
            page.append("<article><h2><a href=\"/s").append(i).append("\">Story ").append(i)
                    .append(" from the town today</a></h2><p>A line of teaser text for this story, as a listing shows it.</p></article>");
        }
        NormalizationResult r = normalize(page + "</main></body></html>");
        assertThat(r).isInstanceOf(NormalizationResult.Rejected.class);
        assertThat(((NormalizationResult.Rejected) r).reason()).isEqualTo(RejectionReason.NO_ARTICLE);
        assertThat(((NormalizationResult.Rejected) r).detail()).contains("12 stories");
    }
}
