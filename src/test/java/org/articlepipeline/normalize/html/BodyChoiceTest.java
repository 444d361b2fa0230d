package org.articlepipeline.normalize.html;

import static org.articlepipeline.normalize.html.HtmlPages.P1;
import static org.articlepipeline.normalize.html.HtmlPages.P2;
import static org.articlepipeline.normalize.html.HtmlPages.P3;
import static org.articlepipeline.normalize.html.HtmlPages.PROSE;
import static org.articlepipeline.normalize.html.HtmlPages.lines;
import static org.articlepipeline.normalize.html.HtmlPages.page;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How the body is chosen: marked-up article first, then scored blocks with their siblings. */
class BodyChoiceTest {

    private static final String TEASER = "<div class=\"teaser\"><p>A short summary of another story, one line long.</p></div>";

    @Test
    void theArticleBodyItempropIsTheBodyWhenItHoldsMostProse() {
        assertThat(lines(page("<div><h1>Bridge reopens</h1><p class=lede>Lede line that stands outside.</p>"
                + "<div itemprop=\"articleBody\">" + PROSE + "</div></div>" + TEASER)))
                .containsExactly(P1, P2, P3);
    }

    @Test
    void withoutMarkupTheBestScoredBlockIsTakenWithTheParagraphsBesideIt() {
        assertThat(lines(page("<div id=x1><div id=x2><h2>Bridge reopens</h2>" + PROSE + "</div>"
                + "<div id=x3>" + TEASER + TEASER + "</div></div>")))
                .containsExactly("Bridge reopens", P1, P2, P3);
    }

    @Test
    void tableRowsListsAndQuotesInTheArticleAreKeptAsLines() {
        assertThat(lines(page("<article><h1>Bridge reopens</h1>" + PROSE
                + "<h2>What changes</h2><ul><li>Bicycles may cross from Monday.</li><li>Cars may not.</li></ul>"
                + "<blockquote>It is a good day for the town.</blockquote>"
                + "<table><tr><th>Year</th><th>Cost</th></tr><tr><td>2023</td><td>1.2m</td></tr></table></article>")))
                .containsSubsequence(P3, "What changes", "Bicycles may cross from Monday.", "Cars may not.",
                        "It is a good day for the town.", "Year Cost", "2023 1.2m");
    }

    @Test
    void lineBreaksAndPreformattedTextBreakLines() {
        assertThat(lines(page("<article><h1>Bridge reopens</h1>" + PROSE + "<p>First line<br>second\nline</p>"
                + "<pre>code one\ncode two</pre></article>")))
                .containsSubsequence("First line", "second line", "code one", "code two");
    }

    @Test
    void theHeadlineIsTheArticlesH1NotTheLogosLinkedOne() {
        assertThat(HtmlPages.extract(page("<header><h1><a href=\"/\">Town Post</a></h1></header>"
                + "<div class=\"story\"><h1>Bridge reopens</h1>" + PROSE + "</div>")).headline())
                .isEqualTo("Bridge reopens");
        assertThat(HtmlPages.extract(page("<header><h1><a href=\"/\">Town Post</a></h1></header><h1>Bridge reopens</h1>"
                + "<div class=\"story\">" + PROSE + "</div>")).headline())
                .isEqualTo("Bridge reopens");
    }
}
