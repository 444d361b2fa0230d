package org.articlepipeline.normalize.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class PageMetadataReaderTest {

    private final PageMetadataReader reader = new PageMetadataReader();

    private PageMetadata read(String head, String body) {
        return reader.read(Jsoup.parse("<!DOCTYPE html><html><head>" + head + "</head><body>" + body + "</body></html>"));
    }

    private static String ld(String json) {
        return "<script type=\"application/ld+json\">" + json + "</script>";
    }

    @Test
    void readsTheArticleOfAJsonLdGraphWithItsPublisherByReference() {
        PageMetadata m = read(ld("""
                {"@context": "https://schema.org", "@graph": [
                  {"@type": "WebPage", "@id": "https://news.example/p#page", "name": "Page name"},
                  {"@type": "Organization", "@id": "https://news.example/#org", "name": "The Northern Gazette"},
                  {"@type": ["NewsArticle"], "headline": "Harbour reopens after the storm",
                   "datePublished": "2021-03-04T09:15:00+01:00", "dateModified": "2021-03-05T10:00:00+01:00",
                   "author": [{"@type": "Person", "name": "Ana Ruiz"}, {"@type": "Person", "name": "Tom Berg"}],
                   "publisher": {"@id": "https://news.example/#org"}, "inLanguage": "en-GB",
                   "url": "https://news.example/harbour"}]}"""), "<h1>Harbour reopens after the storm</h1>");
        assertEquals("Harbour reopens after the storm", m.title());
        assertEquals("The Northern Gazette", m.source());
        assertEquals("Ana Ruiz, Tom Berg", m.author());
        assertEquals("2021-03-04T09:15:00+01:00", m.publishedAt());
        assertEquals("2021-03-05T10:00:00+01:00", m.modifiedAt());
        assertEquals("en", m.language());
        assertEquals("https://news.example/harbour", m.sourceUrl());
    }

    @Test
    void prefersANewsArticleToAWebPageInAJsonLdArray() {
        PageMetadata m = read(ld("""
                [{"@type": "WebPage", "name": "Section front", "datePublished": "2019-01-01"},
                 {"@type": "http://schema.org/ReportageNewsArticle", "headline": "Floods in the valley",
                  "datePublished": "2020-02-02", "publisher": "Valley Times"}]"""), "");
        assertEquals("Floods in the valley", m.title());
        assertEquals("2020-02-02", m.publishedAt());
        assertEquals("Valley Times", m.source());
    }

    @Test
    void readsJsonLdWithCommentsTrailingCommasAndCdataMarkers() {
        PageMetadata m = read(ld("""
                //<![CDATA[
                {"@type": "BlogPosting", // a comment
                 "headline": "Notes from the road", "datePublished": "2018-07-09",}
                //]]>"""), "");
        assertEquals("Notes from the road", m.title());
        assertEquals("2018-07-09", m.publishedAt());
    }

    @Test
    void fallsBackToOpenGraphWhenTheJsonLdIsBroken() {
        PageMetadata m = read(ld("{\"@type\": \"NewsArticle\", \"headline\": \"Broken")
                + "<meta property=\"og:title\" content=\"Council votes new budget\">"
                + "<meta property=\"og:site_name\" content=\"City Herald\">"
                + "<meta property=\"article:published_time\" content=\"2016-11-20T18:05:00.000Z\">"
                + "<meta property=\"article:modified_time\" content=\"2016-11-21T08:00:00Z\">", "");
        assertEquals("Council votes new budget", m.title());
        assertEquals("City Herald", m.source());
        assertEquals("2016-11-20T18:05:00Z", m.publishedAt());
        assertEquals("2016-11-21T08:00:00Z", m.modifiedAt());
    }

    @Test
    void readsParselySailthruAndDublinCoreNames() {
        PageMetadata m = read("<meta name=\"parsely-title\" content=\"Bridge closed for repairs\">"
                + "<meta name=\"parsely-pub-date\" content=\"2015-06-30T07:00:00Z\">"
                + "<meta name=\"sailthru.author\" content=\"Lee Park\">"
                + "<meta name=\"DC.publisher\" content=\"River Post\">"
                + "<meta name=\"DC.language\" content=\"en\">", "");
        assertEquals("Bridge closed for repairs", m.title());
        assertEquals("2015-06-30T07:00:00Z", m.publishedAt());
        assertEquals("Lee Park", m.author());
        assertEquals("River Post", m.source());
        assertEquals("en", m.language());
    }

    @Test
    void cutsTheSiteNameAndItsSeparatorFromTheHeadline() {
        String site = "<meta property=\"og:site_name\" content=\"La Gazette du Nord\">";
        assertEquals("Le port rouvre", read(site + "<meta property=\"og:title\" content=\"Le port rouvre - La Gazette du Nord\">", "").title());
        assertEquals("Le port rouvre", read(site + "<meta property=\"og:title\" content=\"La Gazette du Nord | Le port rouvre\">", "").title());
        assertEquals("Le port rouvre", read(site + "<meta property=\"og:title\" content=\"Le port rouvre – La Gazette du Nord\">", "").title());
        assertEquals("Le port rouvre", read(site + "<meta property=\"og:title\" content=\"La Gazette du Nord :: Le port rouvre\">", "").title());
        assertEquals("Grève : le port ferme", read(site + "<meta property=\"og:title\" content=\"Grève : le port ferme\">", "").title(),
                "a separator inside the headline stays");
        assertEquals("Storm hits the coast", read("<link rel=canonical href=\"https://www.coastnews.example/a/1\">"
                + "<meta property=\"og:title\" content=\"Storm hits the coast | CoastNews\">", "").title(), "the host's name");
    }

    @Test
    void takesTheVisibleH1WhenTheMetaHeadlineIsTruncatedOrLostItsQuotes() {
        assertEquals("Minister resigns after a long dispute over the new port",
                read("<meta property=\"og:title\" content=\"Minister resigns after a long dispute…\">",
                        "<article><h1>Minister resigns after a long dispute over the new port</h1></article>").title());
        assertEquals("Le maire dit \u00abnon\u00bb au projet",
                read("<meta property=\"og:title\" content=\"Le maire dit non au projet\">",
                        "<h1>Le maire dit \u00abnon\u00bb au projet</h1>").title());
    }

    @Test
    void takesTheH1ThatTheTitleElementHolds() {
        PageMetadata m = read("<title>Rail strike ends after talks - Business | Morning Ledger</title>",
                "<header><h1>Morning Ledger</h1></header><main><h1>Rail strike ends after talks</h1></main>");
        assertEquals("Rail strike ends after talks", m.title());
        assertEquals("Morning Ledger", m.source(), "what the title adds to the headline names the site");
    }

    @Test
    void skipsHiddenH1s() {
        PageMetadata m = read("", "<h1 hidden>Site logo text</h1><div style=\"display: none\"><h1>Old title</h1></div>"
                + "<h1>Volcano erupts on the island</h1>");
        assertEquals("Volcano erupts on the island", m.title());
    }

    @Test
    void readsTheTimeElementThatMarksPublication() {
        PageMetadata m = read("", "<aside><time datetime=\"2010-01-01\">old</time></aside>"
                + "<article><h1>Market opens higher</h1><time datetime=\"2022-05-06T08:30\">6 May</time>"
                + "<time pubdate datetime=\"2022-05-05\">5 May</time></article>");
        assertEquals("2022-05-05", m.publishedAt());
        PageMetadata n = read("", "<aside><time datetime=\"2010-01-01\">old</time></aside>"
                + "<article><h1>Market opens higher</h1><time datetime=\"2022-05-06T08:30\">6 May</time></article>");
        assertEquals("2022-05-06T08:30", n.publishedAt());
    }

    @Test
    void readsTheDatePrintedBesideTheHeadlineWhenNoMarkupGivesOne() {
        String prose = "<p>" + "Le conseil a voté le budget le 3 mars 2011 après un long débat sur les routes. ".repeat(3) + "</p>";
        PageMetadata m = read("", "<article><p><a href=/s>Région</a><span>2017/03/02 10:22</span></p>"
                + "<h1>Le conseil vote le budget</h1>" + prose + "</article>");
        assertEquals("2017-03-02T10:22", m.publishedAt());
        PageMetadata n = read("", "<h1>Le conseil vote le budget</h1><p>Par Marie Roux | 30 septembre 2018</p>" + prose);
        assertEquals("2018-09-30", n.publishedAt());
        PageMetadata prosy = read("", "<h1>Le conseil vote le budget</h1>" + prose);
        assertNull(prosy.publishedAt(), "a date inside prose is not the publication date");
    }

    @Test
    void theCanonicalLinkIsTheSourceUrl() {
        assertEquals("https://news.example/a/42", read("<link rel=\"canonical\" href=\"https://news.example/a/42\">"
                + "<meta property=\"og:url\" content=\"https://news.example/a/42?utm=x\">", "").sourceUrl());
        assertEquals("https://news.example/a/43", read("<link rel=\"canonical\" href=\"/a/43\">"
                + "<meta property=\"og:url\" content=\"https://news.example/a/43\">", "").sourceUrl(),
                "a relative canonical link without a base gives way to og:url");
    }

    @Test
    void theLanguageIsTheDeclaredPrimarySubtag() {
        assertEquals("fr", reader.read(Jsoup.parse("<html lang=\"fr-FR\"><body><p>x</p></body></html>")).language());
        assertEquals("ar", read("<meta property=\"og:locale\" content=\"ar_TN\">", "").language());
        assertEquals("de", reader.read(Jsoup.parse("<html lang=\"en\"><head>" + ld("{\"@type\":\"Article\",\"inLanguage\":\"de-DE\"}")
                + "</head></html>")).language(), "JSON-LD is trusted before the html element");
        assertNull(reader.read(Jsoup.parse("<html lang=\"x-default\"></html>")).language());
        assertEquals("es", PageMetadataReader.languageTag("es-419"));
        assertNull(PageMetadataReader.languageTag("und"));
    }

    @Test
    void anAgencyNamedInABylineIsTheAgency() {
        assertEquals("AFP", read("", "<h1>Titre</h1><div class=\"article-byline\">Par Jean Roux avec AFP</div>").agency());
        assertEquals("Reuters", read("<meta name=\"author\" content=\"Reuters staff\">", "").agency());
        assertNull(read("", "<h1>Title</h1><figure><img src=x><figcaption class=\"credit\">Photo: AFP</figcaption></figure>"
                + "<p class=\"byline\">By Sam Hill</p>").agency(), "a photo credit does not make the story the wire's");
    }

    @Test
    void aPageWithoutMetadataGivesNulls() {
        PageMetadata m = reader.read(Jsoup.parse("<p>just a paragraph</p>"));
        assertEquals(new PageMetadata(null, null, null, null, null, null, null, null), m);
    }

    @Test
    void hostilePagesGiveMetadataNotExceptions() {
        String deep = "<div>".repeat(10_000) + "<h1>Deep headline here</h1>" + "</div>".repeat(10_000);
        assertEquals("Deep headline here", read("", deep).title());
        String nestedJson = "[".repeat(50_000) + "]".repeat(50_000);
        assertEquals("Still read", read(ld(nestedJson) + ld("{\"@type\": \"Article\", \"headline\": " + "{\"a\":".repeat(3000) + "1"
                + "}".repeat(3000) + "}") + "<meta property=\"og:title\" content=\"Still read\">", "").title());
        assertNull(read(ld("\u0000\uFFFF not json at all <<<"), "").title());
    }
}
