package org.articlepipeline.normalize.html;

import static org.articlepipeline.normalize.html.HtmlPages.P1;
import static org.articlepipeline.normalize.html.HtmlPages.P2;
import static org.articlepipeline.normalize.html.HtmlPages.PROSE;
import static org.articlepipeline.normalize.html.HtmlPages.extract;
import static org.articlepipeline.normalize.html.HtmlPages.page;
import static org.articlepipeline.normalize.html.HtmlPages.reasonOf;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** One rule per removal reason, each on a small page: the block leaves the body and is listed with its reason. */
class RemovalReasonsTest {

    @Test
    void navElementsAndNavigationRolesAreNavigation() {
        Extraction.Article a = extract(page("<nav><a href=/>Home</a> <a href=/world>World news</a></nav>"
                + "<div role=navigation><a href=/sport>Sport pages</a></div>"
                + "<ol class=\"breadcrumb-trail\"><li>Home</li><li>Local affairs</li></ol>"
                + "<article><h1>Bridge reopens</h1>" + PROSE + "</article>"));
        assertThat(reasonOf(a, "Home World news")).isEqualTo("navigation");
        assertThat(reasonOf(a, "Sport pages")).isEqualTo("navigation");
        assertThat(reasonOf(a, "Local affairs")).isEqualTo("navigation");
        assertThat(a.lines()).containsExactly(P1, P2, HtmlPages.P3);
    }

    @Test
    void namedShareAndAdBlocksAreBoilerplateAndNewslettersSubscription() {
        Extraction.Article a = extract(page("<article><h1>Bridge reopens</h1><p>" + P1 + "</p>"
                + "<div class=\"social-share\">Share on networks</div>"
                + "<div id=\"adSlot3\">Advertisement below</div>"
                + "<div class=\"newsletter-signup\">Get our morning briefing</div>"
                + "<p>" + P2 + "</p></article>"));
        assertThat(reasonOf(a, "Share on networks")).isEqualTo("boilerplate-block");
        assertThat(reasonOf(a, "Advertisement below")).isEqualTo("boilerplate-block");
        assertThat(reasonOf(a, "Get our morning briefing")).isEqualTo("subscription");
        assertThat(a.lines()).containsExactly(P1, P2);
    }

    @Test
    void adIsAWholeWordNotAPieceOfHeaderShadowOrDownload() {
        Extraction.Article a = extract(page("<article><div class=\"article-header shadow\"><h1>Bridge reopens</h1></div>"
                + "<div class=\"download-box\"><p>" + P1 + "</p></div><div class=\"loaded\"><p>" + P2 + "</p></div>"
                + "</article>"));
        assertThat(a.lines()).containsExactly(P1, P2);
    }

    @Test
    void namedRelatedTagAndCookieBlocksGetTheirOwnReasons() {
        Extraction.Article a = extract(page("<div class=\"cookie-consent\">We use cookies on this site.</div>"
                + "<article><h1>Bridge reopens</h1>" + PROSE + "<div class=\"article-tags\">Transport</div>"
                + "<div class=\"most-read\">Storm closes the coast road</div></article>"
                + "<div id=\"siteFooter\">Contact the newsroom</div>"));
        assertThat(reasonOf(a, "We use cookies on this site.")).isEqualTo("cookie-notice");
        assertThat(reasonOf(a, "Transport")).isEqualTo("tags");
        assertThat(reasonOf(a, "Storm closes the coast road")).isEqualTo("other-stories");
        assertThat(reasonOf(a, "Contact the newsroom")).isEqualTo("footer");
    }

    @Test
    void listsOfLinksInsideTheArticleAreLinkDense() {
        Extraction.Article a = extract(page("<article><h1>Bridge reopens</h1>" + PROSE
                + "<ul><li><a href=/a>Ferry timetable changes for winter</a></li>"
                + "<li><a href=/b>New cycle lanes planned downtown</a></li></ul></article>"));
        assertThat(reasonOf(a, "Ferry timetable changes for winter")).isEqualTo("link-dense");
        assertThat(a.lines()).doesNotContain("New cycle lanes planned downtown");
    }

    @Test
    void commentSectionsAreComments() {
        Extraction.Article a = extract(page("<article><h1>Bridge reopens</h1>" + PROSE + "</article>"
                + "<section id=\"comments\"><p>Finally! I have waited so long for this to happen, thank you all.</p></section>"));
        assertThat(reasonOf(a, "Finally! I have waited so long for this to happen, thank you all.")).isEqualTo("comments");
    }

    @Test
    void headerFooterAndAsideOutsideTheArticleAndUnchosenBlocksAreOutsideArticle() {
        Extraction.Article a = extract(page("<header><p>The Town Post, since 1887</p></header>"
                + "<div class=\"wrap\"><article><h1>Bridge reopens</h1>" + PROSE + "</article>"
                + "<div class=\"box\"><p>Weather: sunny spells.</p></div></div>"
                + "<aside><p>Our offices are closed on Monday.</p></aside><footer><p>All rights reserved.</p></footer>"));
        assertThat(reasonOf(a, "The Town Post, since 1887")).isEqualTo("outside-article");
        assertThat(reasonOf(a, "Our offices are closed on Monday.")).isEqualTo("outside-article");
        assertThat(reasonOf(a, "All rights reserved.")).isEqualTo("outside-article");
        assertThat(reasonOf(a, "Weather: sunny spells.")).isEqualTo("outside-article");
    }

    @Test
    void captionsAndPhotoCreditsAreCaptionsAndKeptAsCredits() {
        Extraction.Article a = extract(page("<article><h1>Bridge reopens</h1><p>" + P1 + "</p>"
                + "<figure><img src=b.jpg><figcaption>The bridge at dawn on Tuesday.</figcaption></figure>"
                + "<span class=\"photo-credit\">Photo: Reuters</span><p>" + P2 + "</p></article>"));
        assertThat(reasonOf(a, "The bridge at dawn on Tuesday.")).isEqualTo("caption");
        assertThat(reasonOf(a, "Photo: Reuters")).isEqualTo("caption");
        assertThat(a.credits()).contains("Photo: Reuters");
        assertThat(a.lines()).containsExactly(P1, P2);
    }

    @Test
    void scriptsStylesAndHiddenElementsNeverReachTheBody() {
        Extraction.Article a = extract(page("<style>p{color:red}</style><script>var s = '<p>not prose</p>';</script>"
                + "<article><h1>Bridge reopens</h1>" + PROSE + "<div hidden>Secret draft note</div>"
                + "<p aria-hidden=\"true\">Decorative duplicate</p><form><input value=x><button>Send it</button></form>"
                + "</article>"));
        assertThat(String.join("\n", a.lines())).doesNotContain("not prose", "color", "Secret", "Decorative", "Send it");
        assertThat(reasonOf(a, "Secret draft note")).isEqualTo("boilerplate-block");
        assertThat(reasonOf(a, "var s = '<p>not prose</p>';")).isNull();
    }

    @Test
    void aNamedBoxHoldingMostOfThePagesProseIsKept() {
        Extraction.Article a = extract(page("<div class=\"has-sidebar\"><h1>Bridge reopens</h1>" + PROSE + "</div>"
                + "<div class=\"sidebar\"><p>Short note in the sidebar.</p></div>"));
        assertThat(a.lines()).contains(P1, P2);
        assertThat(reasonOf(a, "Short note in the sidebar.")).isEqualTo("boilerplate-block");
    }
}
