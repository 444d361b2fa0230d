package org.articlepipeline.normalize.html;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * The elements page metadata is read from, found in one walk over the page: a CSS selection per field walks
 * the whole tree each time, and metadata is read on every HTML upload.
 */
final class PageScan implements NodeVisitor {

    /** Class-name words (6 to 9 letters) that mark a byline or credit ({@code article-byline}, {@code author_name}, {@code credits}). */
    private static final List<String> CREDIT_WORDS = List.of(
            "byline", "bylines", "author", "authors", "signature", "credit", "credits", "source", "sources");
    /** Credits kept: a page has a few bylines, not dozens. */
    private static final int MAX_CREDITS = 12;

    /** Each meta tag's {@code content} by its {@code property}, {@code name}, {@code itemprop} or {@code http-equiv}, lower-cased; the first wins. */
    final Map<String, String> meta = new HashMap<>();
    final List<String> jsonLd = new ArrayList<>();
    String canonical;
    String title;
    String htmlLang;
    /** The {@code <time>} or element that marks publication: {@code itemprop=datePublished}, {@code pubdate}, a publish class. */
    Element markedTime;
    Element timeInMain;
    Element firstTime;
    Element h1InMain;
    Element h1OutsideChrome;
    final List<Element> credits = new ArrayList<>();

    private int inMain;
    private int inChrome;
    private int inFigure;
    private int hidden;
    /** What each open element added to the counters above, by its depth, for its tail to take back. */
    private byte[] opened = new byte[64];

    private static final byte MAIN = 1;
    private static final byte CHROME = 2;
    private static final byte FIGURE = 4;
    private static final byte HIDDEN = 8;

    private PageScan() {
    }

    static PageScan of(Document page) {
        PageScan scan = new PageScan();
        NodeTraversor.traverse(scan, page);
        return scan;
    }

    @Override
    public void head(Node node, int depth) {
        if (!(node instanceof Element e)) {
            return;
        }
        // One pass over the attributes (the HTML parser lower-cases their names): a lookup by name is a scan.
        ElementAttributes a = ElementAttributes.of(e);
        String name = e.normalName();
        byte flags = switch (name) {
            case "article", "main" -> MAIN;
            case "header", "nav", "footer", "aside" -> CHROME;
            case "figure", "figcaption", "picture" -> FIGURE;
            default -> "main".equalsIgnoreCase(a.role) ? MAIN : 0;
        };
        if (a.hidden) {
            flags |= HIDDEN;
        }
        open(depth, flags, 1);
        switch (name) {
            case "meta" -> meta(e);
            case "script" -> {
                if (a.type.toLowerCase(Locale.ROOT).contains("ld+json")) {
                    jsonLd.add(e.data());
                }
            }
            case "link" -> {
                if (canonical == null && a.rel.equalsIgnoreCase("canonical") && e.hasAttr("href")) {
                    canonical = e.absUrl("href").isEmpty() ? e.attr("href") : e.absUrl("href");
                }
            }
            case "title" -> title = title == null ? e.text() : title;
            case "html" -> htmlLang = htmlLang == null ? firstNonEmpty(e.attr("lang"), e.attr("xml:lang")) : htmlLang;
            case "time" -> time(e, a);
            case "h1" -> h1(e);
            default -> { }
        }
        if (markedTime == null && a.itemprop.equalsIgnoreCase("datePublished") && (a.datetime || a.content)) {
            markedTime = e;
        }
        if (h1InMain == null && hidden == 0 && a.itemprop.equalsIgnoreCase("headline") && !name.equals("meta")) {
            h1InMain = e;
        }
        if (credits.size() < MAX_CREDITS && inFigure == 0 && isCredit(a)) {
            credits.add(e);
        }
    }

    @Override
    public void tail(Node node, int depth) {
        if (node instanceof Element && depth < opened.length) {
            open(depth, opened[depth], -1);
        }
    }

    private void open(int depth, byte flags, int step) {
        if (step > 0) {
            if (depth >= opened.length) {
                opened = java.util.Arrays.copyOf(opened, Math.max(depth + 1, opened.length * 2));
            }
            opened[depth] = flags;
        }
        if (flags == 0) {
            return;
        }
        inMain += (flags & MAIN) != 0 ? step : 0;
        inChrome += (flags & CHROME) != 0 ? step : 0;
        inFigure += (flags & FIGURE) != 0 ? step : 0;
        hidden += (flags & HIDDEN) != 0 ? step : 0;
    }

    private void meta(Element e) {
        String content = e.attr("content").strip();
        if (content.isEmpty()) {
            return;
        }
        for (String key : new String[] {"property", "name", "itemprop", "http-equiv"}) {
            String k = e.attr(key).strip().toLowerCase(Locale.ROOT);
            if (!k.isEmpty()) {
                meta.putIfAbsent(k, content);
            }
        }
    }

    private void time(Element e, ElementAttributes a) {
        if (!a.datetime) {
            return;
        }
        if (markedTime == null && (a.pubdate || a.classes.toLowerCase(Locale.ROOT).contains("publish"))) {
            markedTime = e;
        }
        if (timeInMain == null && inMain > 0) {
            timeInMain = e;
        }
        if (firstTime == null) {
            firstTime = e;
        }
    }

    private void h1(Element e) {
        if (hidden > 0 || e.text().isBlank()) {
            return;
        }
        if (h1InMain == null && inMain > 0) {
            h1InMain = e;
        }
        if (h1OutsideChrome == null && inChrome == 0) {
            h1OutsideChrome = e;
        }
    }

    private static boolean isCredit(ElementAttributes a) {
        if (a.rel.equalsIgnoreCase("author") || a.itemprop.equalsIgnoreCase("author")) {
            return true;
        }
        String classes = a.classes;
        if (classes.isEmpty()) {
            return false;
        }
        int start = 0;
        for (int i = 0; i <= classes.length(); i++) {
            char c = i < classes.length() ? classes.charAt(i) : ' ';
            if (c == ' ' || c == '\t' || c == '\n' || c == '-' || c == '_') {
                if (i - start >= 6 && i - start <= 9 && isCreditWord(classes, start, i - start)) {
                    return true;
                }
                start = i + 1;
            }
        }
        return false;
    }

    /** The attributes the scan reads, from one pass over an element's attributes. */
    private static final class ElementAttributes {
        private static final ElementAttributes NONE = new ElementAttributes();

        String itemprop = "";
        String rel = "";
        String role = "";
        String classes = "";
        String type = "";
        boolean hidden;
        boolean datetime;
        boolean content;
        boolean pubdate;

        static ElementAttributes of(Element e) {
            if (e.attributesSize() == 0) {
                return NONE;
            }
            ElementAttributes a = new ElementAttributes();
            for (Attribute attribute : e.attributes()) {
                String value = attribute.getValue();
                switch (attribute.getKey()) {
                    case "itemprop" -> a.itemprop = value;
                    case "rel" -> a.rel = value;
                    case "role" -> a.role = value;
                    case "class" -> a.classes = value;
                    case "type" -> a.type = value;
                    case "hidden" -> a.hidden = true;
                    case "aria-hidden" -> a.hidden |= "true".equalsIgnoreCase(value);
                    case "style" -> a.hidden |= hidesByStyle(value);
                    case "datetime" -> a.datetime = true;
                    case "content" -> a.content = true;
                    case "pubdate" -> a.pubdate = true;
                    default -> { }
                }
            }
            return a;
        }

        private static boolean hidesByStyle(String style) {
            String s = style.toLowerCase(Locale.ROOT).replace(" ", "");
            return s.contains("display:none") || s.contains("visibility:hidden");
        }
    }

    private static boolean isCreditWord(String classes, int start, int length) {
        for (String word : CREDIT_WORDS) {
            if (word.length() == length && classes.regionMatches(true, start, word, 0, length)) {
                return true;
            }
        }
        return false;
    }

    private static String firstNonEmpty(String a, String b) {
        return !a.isBlank() ? a : !b.isBlank() ? b : null;
    }
}
