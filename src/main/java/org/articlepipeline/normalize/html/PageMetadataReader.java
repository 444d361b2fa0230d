package org.articlepipeline.normalize.html;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.articlepipeline.json.JsonCodec;
import org.articlepipeline.json.JsonValue;
import org.articlepipeline.normalize.describe.Agencies;
import org.articlepipeline.normalize.describe.DateFinder;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Reads what a page says about its article, each field from the most trusted source the page has: JSON-LD
 * (schema.org {@code NewsArticle}, {@code Article}, ... or {@code WebPage}), then OpenGraph and {@code article:*}
 * meta tags, then other common meta names (Dublin Core, {@code pubdate}, {@code parsely-*}, {@code sailthru.*}),
 * then the markup itself ({@code <time datetime>}, {@code <link rel=canonical>}, {@code <html lang>}, the
 * visible {@code h1}). Nothing here is tied to a site: every rule reads a published vocabulary.
 *
 * <p>Instances are thread-safe and hold no state between pages.
 */
public final class PageMetadataReader {

    private final JsonCodec json = JsonCodec.lenient();
    private final DateFinder dates;
    private final Agencies agencies;
    private final Headlines headlines = new Headlines();

    /** A reader with its own date finder and agency list. */
    public PageMetadataReader() {
        this(new DateFinder(), new Agencies());
    }

    /**
     * @param dates    writes dates in the form {@code NormalizedArticle.publishedAt} uses
     * @param agencies names the wire services a byline may credit
     */
    public PageMetadataReader(DateFinder dates, Agencies agencies) {
        this.dates = dates;
        this.agencies = agencies;
    }

    /** The metadata of {@code page}; fields the page does not give are null. */
    public PageMetadata read(Document page) {
        PageScan scan = PageScan.of(page);
        JsonLd ld = JsonLd.of(scan.jsonLd, json);
        JsonValue article = ld.article();
        JsonValue node = article == null ? JsonValue.MISSING : article;
        Map<String, String> meta = scan.meta;

        String sourceUrl = sourceUrl(scan, node);
        String source = firstOf(
                ld.names(node.path("publisher")),
                meta.get("og:site_name"),
                meta.get("application-name"),
                meta.get("dc.publisher"), meta.get("dcterms.publisher"),
                ld.names(ld.first("newsmediaorganization")),
                ld.names(ld.first("website")));
        String author = firstOf(
                ld.names(node.path("author")),
                notUrl(meta.get("author")), notUrl(meta.get("article:author")),
                meta.get("parsely-author"), meta.get("sailthru.author"),
                meta.get("dc.creator"), meta.get("dcterms.creator"));
        String headline = firstOf(
                JsonLd.text(node.path("headline")),
                meta.get("og:title"), meta.get("twitter:title"),
                meta.get("parsely-title"), meta.get("sailthru.title"),
                meta.get("dc.title"), meta.get("dcterms.title"), meta.get("title"),
                article != null ? JsonLd.text(node.path("name")) : null);
        boolean fromTitleElement = headline == null;
        if (fromTitleElement) {
            headline = scan.title;
        }
        List<String> siteNames = siteNames(source, meta, sourceUrl);
        Element h1 = scan.h1InMain != null ? scan.h1InMain : scan.h1OutsideChrome;
        String title = headlines.choose(headline, fromTitleElement, h1 == null ? null : h1.text().strip(), siteNames);
        if (source == null) {
            // No meta tag names the publisher: what the page's titles add to the headline is the site's name.
            source = firstOf(Headlines.siteSegment(scan.title, title),
                    Headlines.siteSegment(headline, title));
        }
        return new PageMetadata(title, source, author,
                publishedAt(scan, node, h1), modifiedAt(meta, node),
                language(scan, node), sourceUrl, agency(scan, author));
    }

    private String publishedAt(PageScan scan, JsonValue node, Element h1) {
        Map<String, String> meta = scan.meta;
        String declared = firstDate(
                JsonLd.text(node.path("datePublished")),
                meta.get("article:published_time"), meta.get("og:published_time"), meta.get("article:published"),
                meta.get("datepublished"),
                meta.get("parsely-pub-date"), meta.get("sailthru.date"),
                meta.get("dc.date.issued"), meta.get("dcterms.issued"), meta.get("dc.date"), meta.get("dcterms.date"),
                meta.get("dcterms.created"), meta.get("dc.date.created"),
                meta.get("pubdate"), meta.get("publishdate"), meta.get("publish-date"), meta.get("publish_date"),
                meta.get("publication_date"), meta.get("date"), meta.get("article.published"),
                JsonLd.text(node.path("dateCreated")),
                timeElement(scan));
        return declared != null ? declared : dateNearHeadline(h1);
    }

    /**
     * The full date printed nearest the headline element, in the short texts (a byline such as
     * {@code Par X | 30 septembre 2018}, a timestamp, a category line) within {@value #DATE_WINDOW} characters
     * of text before or after it and inside its article or main element when it has one: where pages without
     * date metadata print it. Long texts are prose, whose dates are not the article's.
     */
    private String dateNearHeadline(Element h1) {
        if (h1 == null) {
            return null;
        }
        Element container = h1.closest("article, main, [role=main]");
        TextsAround texts = new TextsAround(h1);
        NodeTraversor.filter(texts, container == null ? h1.ownerDocument() : container);
        String before = null;
        int beforeDistance = Integer.MAX_VALUE;
        for (int i = texts.before.size() - 1; i >= 0 && before == null; i--) {
            before = firstDate(texts.before.get(i));
            beforeDistance = texts.beforeOffsets.get(i);
        }
        String after = null;
        int afterDistance = Integer.MAX_VALUE;
        for (int i = 0; i < texts.after.size() && after == null; i++) {
            after = firstDate(texts.after.get(i));
            afterDistance = texts.afterOffsets.get(i);
        }
        if (before == null || after == null) {
            return before == null ? after : before;
        }
        return beforeDistance <= afterDistance ? before : after;
    }

    /**
     * The short texts before and after a headline element in document order, each with how many characters of
     * text lie between it and the headline, up to {@link #DATE_WINDOW} on each side.
     */
    private static final class TextsAround implements NodeFilter {
        private final Element headline;
        private boolean passed;
        private int beforeRead;
        private int afterRead;
        final List<String> before = new ArrayList<>();
        final List<Integer> beforeOffsets = new ArrayList<>();
        private final List<Integer> beforeEnds = new ArrayList<>();
        final List<String> after = new ArrayList<>();
        final List<Integer> afterOffsets = new ArrayList<>();

        TextsAround(Element headline) {
            this.headline = headline;
        }

        @Override
        public FilterResult head(Node node, int depth) {
            if (node == headline) {
                passed = true;
                for (int end : beforeEnds) {
                    beforeOffsets.add(beforeRead - end);
                }
                return FilterResult.SKIP_ENTIRELY;
            }
            if (node instanceof Element e && ("script".equals(e.normalName()) || "style".equals(e.normalName()))) {
                return FilterResult.SKIP_ENTIRELY;
            }
            if (!(node instanceof TextNode t) || t.isBlank()) {
                return FilterResult.CONTINUE;
            }
            String text = t.text().strip();
            if (passed) {
                if (text.length() <= MAX_BYLINE) {
                    after.add(text);
                    afterOffsets.add(afterRead);
                }
                afterRead += text.length();
                return afterRead >= DATE_WINDOW ? FilterResult.STOP : FilterResult.CONTINUE;
            }
            beforeRead += text.length();
            if (text.length() <= MAX_BYLINE) {
                before.add(text);
                beforeEnds.add(beforeRead);
            }
            while (!beforeEnds.isEmpty() && beforeRead - beforeEnds.get(0) > DATE_WINDOW) {
                beforeEnds.remove(0);
                before.remove(0);
            }
            return FilterResult.CONTINUE;
        }
    }

    /** Characters of text on each side of the headline in which its date is looked for. */
    private static final int DATE_WINDOW = 600;
    /** The longest text read as a byline or timestamp. */
    private static final int MAX_BYLINE = 120;

    private String modifiedAt(Map<String, String> meta, JsonValue node) {
        return firstDate(
                JsonLd.text(node.path("dateModified")),
                meta.get("article:modified_time"), meta.get("og:updated_time"), meta.get("article:modified"),
                meta.get("datemodified"), meta.get("dcterms.modified"), meta.get("dc.date.modified"),
                meta.get("last-modified"), meta.get("article.updated"));
    }

    /**
     * The {@code datetime} of the {@code <time>} that marks publication ({@code itemprop=datePublished},
     * {@code pubdate}, a class naming publication); else of the first {@code <time>} inside the article or main
     * element, else in the page.
     */
    private static String timeElement(PageScan scan) {
        Element time = scan.markedTime != null ? scan.markedTime : scan.timeInMain != null ? scan.timeInMain : scan.firstTime;
        if (time == null) {
            return null;
        }
        return time.hasAttr("datetime") ? time.attr("datetime") : time.attr("content");
    }

    /** The first candidate DateFinder reads as a full date (a month-day without a year says too little). */
    private String firstDate(String... candidates) {
        for (String candidate : candidates) {
            if (candidate == null || candidate.isBlank() || candidate.length() > 200) {
                continue;
            }
            String iso = dates.find(candidate);
            if (iso != null && !iso.startsWith("--")) {
                return iso;
            }
        }
        return null;
    }

    private static String language(PageScan scan, JsonValue node) {
        Map<String, String> meta = scan.meta;
        return firstOf(
                languageTag(JsonLd.text(node.path("inLanguage"))),
                languageTag(node.path("inLanguage").path("alternateName").asText(null)),
                languageTag(scan.htmlLang),
                languageTag(meta.get("og:locale")),
                languageTag(meta.get("content-language")),
                languageTag(meta.get("dc.language")), languageTag(meta.get("dcterms.language")),
                languageTag(meta.get("language")));
    }

    /** The primary subtag of a language tag, lower-cased ({@code fr} of {@code fr-FR} or {@code fr_FR}), or null. */
    static String languageTag(String tag) {
        if (tag == null) {
            return null;
        }
        String t = tag.strip().toLowerCase(Locale.ROOT);
        int end = 0;
        while (end < t.length() && t.charAt(end) >= 'a' && t.charAt(end) <= 'z') {
            end++;
        }
        String primary = t.substring(0, end);
        boolean tagEnds = end == t.length() || t.charAt(end) == '-' || t.charAt(end) == '_' || t.charAt(end) == ',';
        if (!tagEnds || primary.length() < 2 || primary.length() > 3 || primary.equals("und") || primary.equals("zxx")) {
            return null;
        }
        return primary;
    }

    private static String sourceUrl(PageScan scan, JsonValue node) {
        return firstOf(
                absoluteUrl(scan.canonical),
                absoluteUrl(scan.meta.get("og:url")),
                absoluteUrl(JsonLd.text(node.path("url"))),
                absoluteUrl(JsonLd.text(node.path("mainEntityOfPage"))));
    }

    private static String absoluteUrl(String url) {
        if (url == null) {
            return null;
        }
        String u = url.strip();
        String lower = u.toLowerCase(Locale.ROOT);
        return (lower.startsWith("http://") || lower.startsWith("https://")) && u.length() > 10 ? u : null;
    }

    /** Names the site goes by, to be cut from its headlines: the publisher's, the app's, the host's. */
    private static List<String> siteNames(String source, Map<String, String> meta, String sourceUrl) {
        List<String> names = new ArrayList<>();
        for (String name : new String[] {source, meta.get("og:site_name"), meta.get("application-name"),
                meta.get("apple-mobile-web-app-title"), meta.get("twitter:site"), meta.get("dc.publisher")}) {
            if (name != null && !name.isBlank()) {
                names.add(name.startsWith("@") ? name.substring(1) : name);
            }
        }
        String url = firstOf(sourceUrl, absoluteUrl(meta.get("og:url")));
        if (url != null) {
            String host = hostOf(url);
            if (host != null) {
                names.add(host);
            }
        }
        return names;
    }

    private static String hostOf(String url) {
        int start = url.indexOf("//") + 2;
        int end = start;
        while (end < url.length() && "/?#:".indexOf(url.charAt(end)) < 0) {
            end++;
        }
        String host = url.substring(start, end).toLowerCase(Locale.ROOT);
        return host.startsWith("www.") ? host.substring(4) : host.isEmpty() ? null : host;
    }

    /**
     * The agency a byline or credit names: the author's names, then the page's byline and credit elements,
     * short texts in which {@link Agencies} may read even the short forms ({@code AP}). Photo credits inside
     * figures are left out: a wire photo on a staff story does not make the story the wire's.
     */
    private String agency(PageScan scan, String author) {
        String found = agencies.find(author);
        if (found != null) {
            return found;
        }
        for (Element credit : scan.credits) {
            String text = credit.text();
            if (!text.isEmpty() && text.length() <= 120) {
                found = agencies.find(text);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static String notUrl(String value) {
        return value == null || value.startsWith("http://") || value.startsWith("https://") ? null : value;
    }

    private static String firstOf(String... candidates) {
        for (String c : candidates) {
            if (c != null && !c.isBlank()) {
                return c.strip();
            }
        }
        return null;
    }
}
