package org.articlepipeline.normalize;

import static org.articlepipeline.normalize.BridgeStory.PROSE;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** How an HTML page's own metadata and its chosen body shape the normalized article. */
class HtmlPageReadingTest {

    private final ArticleNormalizer normalizer = new ArticleNormalizer();

    private NormalizedArticle normalize(String page) {
        NormalizationResult r = normalizer.normalize(page.getBytes(StandardCharsets.UTF_8), ArticleOrigin.ofFileName("p.html"));
        assertThat(r).isInstanceOf(NormalizationResult.Accepted.class);
        return ((NormalizationResult.Accepted) r).article();
    }

    @Test
    void thePagesMetadataWinsOverWhatItsTextSuggests() {
        NormalizedArticle a = normalize("<!doctype html><html lang=\"en\"><head><title>Bridge news | Town Post</title>"
                + "<meta property=\"og:title\" content=\"Bridge reopens to cyclists\">"
                + "<meta property=\"og:site_name\" content=\"Town Post\">"
                + "<meta property=\"article:published_time\" content=\"2025-04-01T09:00:00Z\">"
                + "<link rel=\"canonical\" href=\"https://post.example/bridge\"></head><body>"
                + "<article><h1>Bridge reopens to cyclists</h1><p>Published 3 March 2019</p>" + PROSE
                + "</article></body></html>");
        assertThat(a.title()).isEqualTo("Bridge reopens to cyclists");
        assertThat(a.source()).isEqualTo("Town Post");
        assertThat(a.publishedAt()).startsWith("2025-04-01");
        assertThat(a.sourceUrl()).isEqualTo("https://post.example/bridge");
        assertThat(a.language()).isEqualTo("en");
        assertThat(a.paragraphs()).noneMatch(p -> p.equals("Bridge reopens to cyclists"));
    }

    @Test
    void shortLinesInsideTheChosenArticleAreNotCutAsLyingOutsideIt() {
        StringBuilder list = new StringBuilder("<ul>");
        for (int i = 1; i <= 30; i++) {
            list.append("<li>Stage ").append(i).append(" winner</li>");
        }
        NormalizedArticle a = normalize("<!doctype html><html><body><nav><a href=/>Home</a></nav><article>"
                + "<h1>Final standings after the race</h1>" + PROSE + list + "</ul>"
                + "<p>The organisers said the next race would start in May, on the same roads as this year.</p>"
                + "</article></body></html>");
        assertThat(a.paragraphs()).contains("Stage 1 winner", "Stage 30 winner");
    }
}
