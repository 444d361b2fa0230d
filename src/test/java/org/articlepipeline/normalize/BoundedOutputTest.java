package org.articlepipeline.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.articlepipeline.document.ArticleDocuments;
import org.articlepipeline.json.JsonCodec;
import org.articlepipeline.normalize.structure.ChromeReason;
import org.junit.jupiter.api.Test;

/** What the normalizer writes stays bounded by the page: a page of chrome does not list every chrome line. */
class BoundedOutputTest {

    private static final String ARTICLE = """
            The council approves a new budget for the city's schools

            The city council approved on Tuesday a budget that gives the public schools more money for teachers, \
            buses and repairs over the next three years, after a long debate that lasted well into the night.

            The mayor said that the plan was the result of months of talks with parents and teachers, and that \
            the first repairs would begin in the summer when the schools are closed.
            """;

    private final ArticleNormalizer normalizer = new ArticleNormalizer();

    private NormalizedArticle accept(String page) {
        NormalizationResult r = normalizer.normalize(page.getBytes(StandardCharsets.UTF_8), null);
        return assertInstanceOf(NormalizationResult.Accepted.class, r, r::toString).article();
    }

    @Test
    void removedListsTheFirstLinesAndCountsTheRestPerReason() {
        String page = ARTICLE + "\n" + "* * *\n".repeat(150) + "https://example.org/a/page\n".repeat(150);

        NormalizedArticle a = accept(page);

        assertThat(a.removed()).hasSize(NormalizedArticle.LISTED_REMOVED_LINES);
        assertThat(a.removed().subList(0, 150)).allMatch(line -> line.reason() == ChromeReason.PUNCTUATION);
        assertThat(a.removed().subList(150, 200)).allMatch(line -> line.reason() == ChromeReason.URL);
        assertThat(a.removedNotListed()).containsExactly(Map.entry("url", 100));
        assertThat(a.paragraphCount()).isEqualTo(2);
    }

    @Test
    void aPageWithFewRemovedLinesListsThemAllAndCountsNone() {
        NormalizedArticle a = accept(ARTICLE + "\n* * *\n");

        assertThat(a.removed()).extracting(RemovedLine::reason).containsExactly(ChromeReason.PUNCTUATION);
        assertThat(a.removedNotListed()).isEmpty();
    }

    @Test
    void theDocumentOfAPageOfChromeIsNotLargerThanThePage() {
        String page = ARTICLE + "\n" + "* * *\n".repeat(20_000);

        Map<String, Object> document = new ArticleDocuments().toJson(new NormalizationResult.Accepted(accept(page)));

        assertThat(new JsonCodec().toBytes(document).length).isLessThan(page.length());
        assertThat(document.get("removedNotListed")).isEqualTo(Map.of("punctuation", 19_800));
    }
}
