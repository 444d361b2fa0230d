package org.articlepipeline.normalize.describe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** {@link ArticleDescriber#host} takes a site URL apart with string checks as the regexes it replaced did. */
class SiteHostTest {

    @Test
    void dropsTheSchemeTheClosingSlashAndWww() {
        assertEquals("example.com", ArticleDescriber.host("https://www.example.com/"));
        assertEquals("news.example.org", ArticleDescriber.host("http://news.example.org/"));
        assertEquals("eremnews.com", ArticleDescriber.host(ArticleDescriber.siteUrl("www.eremnews.com")));
    }

    @Test
    void aHostWithoutSchemeOrSlashIsLeftAsItIs() {
        assertEquals("example.com", ArticleDescriber.host("example.com"));
        assertEquals("", ArticleDescriber.host("https://"));
        assertEquals("ftp://x.com", ArticleDescriber.host("ftp://x.com/"));
    }

    @Test
    void theSiteUrlIsWhatTheUrlRegexFindsFirst() {
        Pattern url = Pattern.compile("(?i)(https?://)?((?:[a-z0-9-]+\\.)+[a-z]{2,})(?::\\d+)?(?:/\\S*)?");
        String[] pieces = {"www", ".", "eremnews", "com", "CO", "uk", "x", "1", "-", "/", ":", "//", "http", "HTTPS",
            "s", "\u017F", " ", "@", "a.b", "ب", "é"};
        Random r = new Random(29);
        int found = 0;
        for (int i = 0; i < 200_000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int k = r.nextInt(8); k > 0; k--) {
                sb.append(pieces[r.nextInt(pieces.length)]);
            }
            String text = sb.toString();
            Matcher m = url.matcher(text);
            String expected = null;
            if (m.find()) {
                found++;
                expected = (m.group(1) == null ? "https://" : m.group(1).toLowerCase(Locale.ROOT))
                        + m.group(2).toLowerCase(Locale.ROOT) + "/";
            }
            assertEquals(expected, ArticleDescriber.siteUrl(text), "for [" + text + "]");
        }
        assertTrue(found > 10_000, "found " + found);
    }

    @Test
    void aSchemeIsKeptOnlyWhenAHostFollowsIt() {
        assertEquals("http://example.com/", ArticleDescriber.siteUrl("see HTTP://Example.com/path"));
        assertEquals("https://example.com/", ArticleDescriber.siteUrl("http://@example.com"));
        assertEquals("https://a.bc/", ArticleDescriber.siteUrl("a.bc1.d"));
        assertNull(ArticleDescriber.siteUrl("3.5 and e.g"));
    }
}
