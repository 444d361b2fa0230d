package org.articlepipeline.normalize.html;

import static org.articlepipeline.normalize.html.HtmlPages.PROSE;
import static org.articlepipeline.normalize.html.HtmlPages.page;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Pages that hold no article: listings, search results, login stubs and pages of links. */
class NoArticleTest {

    private final HtmlExtractor extractor = new HtmlExtractor();

    private Extraction extract(String html) {
        return extractor.extract(extractor.parse(html));
    }

    private static String teasers(int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 1; i <= n; i++) {
            s.append("<article class=\"card\"><h2><a href=\"/story/").append(i).append("\">Headline number ").append(i)
                    .append(" about the town</a></h2><p>One line about story ").append(i)
                    .append(", written as a teaser for the reader.</p></article>");
        }
        return s.toString();
    }

    @Test
    void aHomePageOfTeasersIsNoArticle() {
        Extraction x = extract(page("<main>" + teasers(12) + "</main>"));
        assertThat(x).isInstanceOf(Extraction.NoArticle.class);
        assertThat(((Extraction.NoArticle) x).detail()).contains("stories");
    }

    @Test
    void aHomePageWhoseBestBlockIsOneLongerTeaserIsNoArticle() {
        Extraction x = extract(page("<div class=\"lead\"><h2><a href=\"/lead\">The lead story of the day</a></h2>"
                + "<p>" + HtmlPages.P1 + "</p></div><div class=\"grid\">" + teasers(12) + "</div>"));
        assertThat(x).isInstanceOf(Extraction.NoArticle.class);
    }

    @Test
    void aShortArticleDeclaredAsOneIsKeptBesideManyTeasers() {
        String declared = page("<article><h1>Bridge reopens</h1><p>" + HtmlPages.P1 + "</p></article><aside>"
                + teasers(12) + "</aside>").replace("<head>", "<head><meta property=\"og:type\" content=\"article\">");
        assertThat(extract(declared)).isInstanceOf(Extraction.Article.class);
    }

    @Test
    void aSearchResultListOfLinksIsNoArticle() {
        StringBuilder results = new StringBuilder("<h1>Results for bridge</h1><ul>");
        for (int i = 0; i < 10; i++) {
            results.append("<li><a href=\"/r").append(i).append("\">Result ").append(i).append(" about the bridge</a></li>");
        }
        assertThat(extract(page(results + "</ul>"))).isInstanceOf(Extraction.NoArticle.class);
    }

    @Test
    void aLoginStubIsNoArticle() {
        Extraction x = extract(page("<h1>Subscribers only</h1><p>Log in to read this story in full today.</p>"
                + "<form><input name=user><input type=password name=pw><button>Log in</button></form>"));
        assertThat(x).isInstanceOf(Extraction.NoArticle.class);
    }

    @Test
    void anArticleWithAFewRelatedLinksIsStillAnArticle() {
        assertThat(extract(page("<article><h1>Bridge reopens</h1>" + PROSE + "</article>" + teasers(3))))
                .isInstanceOf(Extraction.Article.class);
    }

    @Test
    void aShortArticleOfOneParagraphIsAnArticle() {
        assertThat(extract(page("<h1>Bridge reopens</h1><p>" + HtmlPages.P1 + "</p>")))
                .isInstanceOf(Extraction.Article.class);
    }
}
