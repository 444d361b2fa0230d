package org.articlepipeline.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** An upload is an article only when it has article text: enough words of prose, and sentences. */
class ArticleTextTest {

    private static final String BRIEF = """
            Storm closes the port of Alexandria

            ALEXANDRIA - The port of Alexandria was closed on Monday because of a storm. Ships were told to \
            wait at sea until the wind drops.
            """;

    private final ArticleNormalizer normalizer = new ArticleNormalizer();

    private static NormalizationResult normalize(ArticleNormalizer normalizer, String page) {
        return normalizer.normalize(page.getBytes(StandardCharsets.UTF_8), ArticleOrigin.ofFileName("page.txt"));
    }

    private NormalizationResult.Rejected rejected(String page) {
        NormalizationResult r = normalize(normalizer, page);
        return assertInstanceOf(NormalizationResult.Rejected.class, r, r::toString);
    }

    @Test
    void aSingleWordIsNotAnArticle() {
        NormalizationResult.Rejected r = rejected("hello");

        assertThat(r.reason()).isEqualTo(RejectionReason.NO_ARTICLE_TEXT);
        assertThat(r.detail()).contains("sentence");
    }

    @Test
    void aHeadlineOverOneShortSentenceIsNotAnArticle() {
        NormalizationResult.Rejected r = rejected("Minister visits Cairo\n\nThe minister arrived on Monday.\n");

        assertThat(r.reason()).isEqualTo(RejectionReason.NO_ARTICLE_TEXT);
        assertThat(r.detail()).isEqualTo("the article text has 5 words after page chrome is removed; at least 8 are needed");
    }

    @Test
    void aPageOfShortLinesWithoutASentenceIsNotAnArticle() {
        String menu = "Home\nWorld news\nBusiness and markets\nSport results today\nCulture and arts\nWeather forecast\n"
                + "Contact the newsroom\nAbout our company\nJobs at the paper\nAdvertise with us\n";

        assertThat(rejected(menu.repeat(3)).reason()).isEqualTo(RejectionReason.NO_ARTICLE_TEXT);
    }

    @Test
    void aLongParagraphWithoutASentenceIsNotAnArticle() {
        assertThat(rejected("word ".repeat(500)).reason()).isEqualTo(RejectionReason.NO_ARTICLE_TEXT);
    }

    @Test
    void aShortWireBriefIsAnArticle() {
        NormalizationResult r = normalize(normalizer, BRIEF);

        NormalizedArticle a = assertInstanceOf(NormalizationResult.Accepted.class, r, r::toString).article();
        assertThat(a.wordCount()).isBetween(20, 30);
    }

    @Test
    void aOneSentenceNewsFlashIsAnArticle() {
        String flash = "Earthquake shakes the north\n\nA strong earthquake shook the northern provinces early on Tuesday.\n";

        NormalizationResult r = normalize(normalizer, flash);

        NormalizedArticle a = assertInstanceOf(NormalizationResult.Accepted.class, r, r::toString).article();
        assertThat(a.title()).isEqualTo("Earthquake shakes the north");
        assertThat(a.wordCount()).isEqualTo(10);
    }

    @Test
    void theMinimumIsASetting() {
        String page = "Minister visits Cairo\n\nThe minister arrived on Monday.\n";
        ArticleNormalizer lenient = new ArticleNormalizer(NormalizerSettings.defaults().withMinArticleWords(5));
        ArticleNormalizer strict = new ArticleNormalizer(NormalizerSettings.defaults().withMinArticleWords(100));

        assertInstanceOf(NormalizationResult.Accepted.class, normalize(lenient, page));
        assertThat(assertInstanceOf(NormalizationResult.Rejected.class, normalize(strict, BRIEF)).reason())
                .isEqualTo(RejectionReason.NO_ARTICLE_TEXT);
    }

    @Test
    void aPageWithMoreLinesThanTheCapIsRejectedBeforeItsStructureIsRead() {
        ArticleNormalizer capped = new ArticleNormalizer(
                new NormalizerSettings(NormalizerSettings.DEFAULT_MAX_BYTES, 50, 20));
        String page = "A line that ends like a sentence.\n".repeat(51);

        NormalizationResult.Rejected r = assertInstanceOf(NormalizationResult.Rejected.class, normalize(capped, page));

        assertThat(r.reason()).isEqualTo(RejectionReason.TOO_LARGE);
        assertThat(r.detail()).isEqualTo("the file has 51 lines of text; the limit is 50");
        assertInstanceOf(NormalizationResult.Accepted.class, normalize(capped, BRIEF));
    }
}
