package org.articlepipeline.normalize.describe;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
