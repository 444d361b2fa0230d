package org.articlepipeline.normalize;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** Arbitrary and mutated HTML never makes the normalizer fail: it gives an article or a specific rejection. */
class HtmlPropertiesTest {

    private static final String PAGE = "<!doctype html><html><head><title>Bridge reopens | Town Post</title>"
            + "<script>var a = 1 < 2;</script></head><body><nav><ul><li><a href=/>Home</a></li></ul></nav>"
            + "<article><h1>Bridge reopens</h1><p class=\"lede\">The council voted on Tuesday to reopen the bridge,"
            + " after two years of repairs.</p><figure><img src=x.jpg><figcaption>The bridge. Photo: AFP</figcaption>"
            + "</figure><p>Engineers said the frame had rusted faster than expected.</p><div class=\"share\">Share"
            + "</div><table><tr><td>2023</td><td>1.2m</td></tr></table></article><aside><h2>Most read</h2><ol><li>"
            + "<a href=/x>Other story</a></li></ol></aside><footer>© Town Post</footer></body></html>";
    private static final String[] PIECES = {
        "<div>", "</div>", "<p>", "</p>", "<article>", "</article>", "<nav>", "<a href=x>", "</a>", "<script>",
        "</script>", "<!--", "-->", "<table><tr><td>", "<br>", "<h1>", "</h1>", "&amp;", "&#0;", "\u0000", "<",
        ">", "\"", "<div class=\"share related\">", "<p hidden>", "<svg>", "<template>", "<![CDATA[", "الخبر",
        "The minister said on Tuesday that talks would resume. ", "\uFEFF", "<html>", "<body>", "<select><option>",
    };

    private final ArticleNormalizer normalizer = new ArticleNormalizer();

    private void neverFails(String page) {
        NormalizationResult r = normalizer.normalize(page.getBytes(StandardCharsets.UTF_8), ArticleOrigin.ofFileName("p.html"));
        if (r instanceof NormalizationResult.Rejected rejected) {
            assertNotEquals(RejectionReason.INTERNAL_ERROR, rejected.reason(), rejected.detail());
        }
    }

    @Property(tries = 200)
    void arbitraryMarkupNeverFails(@ForAll("markup") String page) {
        neverFails("<!doctype html>" + page);
    }

    @Property(tries = 200)
    void mutatedPagesNeverFail(@ForAll("mutations") String page) {
        neverFails(page);
    }

    @Provide
    Arbitrary<String> markup() {
        return Arbitraries.of(PIECES).list().ofMaxSize(60).map(list -> String.join("", list));
    }

    /** The page with a few spans cut, repeated or replaced by a piece of markup. */
    @Provide
    Arbitrary<String> mutations() {
        Arbitrary<int[]> edit = Arbitraries.integers().between(0, PAGE.length()).array(int[].class).ofSize(3);
        return edit.list().ofMinSize(1).ofMaxSize(6).flatMap(edits -> Arbitraries.of(PIECES).map(piece -> {
            String page = PAGE;
            for (int[] e : edits) {
                int from = Math.min(e[0], page.length());
                int to = Math.min(page.length(), from + e[1] % 40);
                page = switch (e[2] % 3) {
                    case 0 -> page.substring(0, from) + page.substring(to);
                    case 1 -> page.substring(0, to) + page.substring(from, to) + page.substring(to);
                    default -> page.substring(0, from) + piece + page.substring(to);
                };
            }
            return page;
        }));
    }
}
