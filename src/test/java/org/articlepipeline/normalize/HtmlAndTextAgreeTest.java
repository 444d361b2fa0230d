package org.articlepipeline.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The same article uploaded as its HTML page and as that page's text dump reads the same. */
class HtmlAndTextAgreeTest {

    private static final String[] BODY = {
        "The council voted on Tuesday to reopen the old river bridge to cyclists, after two years of repairs that"
                + " cost more than the town had planned.",
        "Engineers said the steel frame had rusted faster than expected, and that the new deck would carry"
                + " bicycles and people on foot, but not cars.",
        "Residents who had crossed by ferry since the closure welcomed the decision, although some asked why the"
                + " work had taken so long.",
    };

    private final ArticleNormalizer normalizer = new ArticleNormalizer();

    private NormalizedArticle normalize(String content, String name) {
        NormalizationResult r = normalizer.normalize(content.getBytes(StandardCharsets.UTF_8), ArticleOrigin.ofFileName(name));
        assertThat(r).isInstanceOf(NormalizationResult.Accepted.class);
        return ((NormalizationResult.Accepted) r).article();
    }

    @Test
    void titleAndContentHashAgreeAndOnlyTheFormatDiffers() {
        String html = "<!doctype html><html><head><title>Bridge reopens to cyclists</title></head><body>"
                + "<nav><a href=/>Home</a><a href=/local>Local</a></nav><article><h1>Bridge reopens to cyclists</h1>"
                + "<p>" + String.join("</p><p>", BODY) + "</p></article><footer>© 2024 Town Post</footer></body></html>";
        String dump = "Home\nLocal\nBridge reopens to cyclists\n" + String.join("\n", BODY) + "\n© 2024 Town Post\n";

        NormalizedArticle fromHtml = normalize(html, "story.html");
        NormalizedArticle fromText = normalize(dump, "story.txt");

        assertThat(fromHtml.title()).isEqualTo("Bridge reopens to cyclists").isEqualTo(fromText.title());
        assertThat(fromHtml.paragraphs()).containsExactly(BODY);
        assertThat(fromHtml.contentHash()).isEqualTo(fromText.contentHash());
        assertThat(fromHtml.format()).isEqualTo("html");
        assertThat(fromText.format()).isEqualTo("text");
    }

    @Test
    void anHtmlPageNamedAsTextIsReadAsHtml() {
        String html = "<!doctype html><html><body><h1>Bridge reopens to cyclists</h1><p>" + BODY[0] + "</p></body></html>";
        assertThat(normalize(html, "001.txt").format()).isEqualTo("html");
    }
}
