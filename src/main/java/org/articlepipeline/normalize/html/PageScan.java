package org.articlepipeline.normalize.html;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
    private static final Set<String> CREDIT_WORDS = Set.of(
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
        count(e, 1);
        switch (e.normalName()) {
            case "meta" -> meta(e);
            case "script" -> {
                if (e.attr("type").toLowerCase(Locale.ROOT).contains("ld+json")) {
                    jsonLd.add(e.data());
                }
            }
            case "link" -> {
                if (canonical == null && e.attr("rel").equalsIgnoreCase("canonical") && e.hasAttr("href")) {
                    canonical = e.absUrl("href").isEmpty() ? e.attr("href") : e.absUrl("href");
                }
            }
            case "title" -> title = title == null ? e.text() : title;
            case "html" -> htmlLang = htmlLang == null ? firstNonEmpty(e.attr("lang"), e.attr("xml:lang")) : htmlLang;
            case "time" -> time(e);
            case "h1" -> h1(e);
            default -> { }
        }
        if (markedTime == null && e.attr("itemprop").equalsIgnoreCase("datePublished")
                && (e.hasAttr("datetime") || e.hasAttr("content"))) {
            markedTime = e;
        }
        if (h1InMain == null && hidden == 0 && e.attr("itemprop").equalsIgnoreCase("headline") && !e.normalName().equals("meta")) {
            h1InMain = e;
        }
        if (credits.size() < MAX_CREDITS && inFigure == 0 && isCredit(e)) {
            credits.add(e);
        }
    }

    @Override
    public void tail(Node node, int depth) {
        if (node instanceof Element e) {
            count(e, -1);
        }
    }

    private void count(Element e, int step) {
        switch (e.normalName()) {
            case "article", "main" -> inMain += step;
            case "header", "nav", "footer", "aside" -> inChrome += step;
            case "figure", "figcaption", "picture" -> inFigure += step;
            default -> {
                if ("main".equalsIgnoreCase(e.attr("role"))) {
                    inMain += step;
                }
            }
        }
        if (isHidden(e)) {
            hidden += step;
        }
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

    private void time(Element e) {
        if (!e.hasAttr("datetime")) {
            return;
        }
        if (markedTime == null && (e.hasAttr("pubdate") || e.attr("class").toLowerCase(Locale.ROOT).contains("publish"))) {
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

    private static boolean isHidden(Element e) {
        if (e.hasAttr("hidden") || "true".equalsIgnoreCase(e.attr("aria-hidden"))) {
            return true;
        }
        String style = e.attr("style");
        if (style.isEmpty()) {
            return false;
        }
        String s = style.toLowerCase(Locale.ROOT).replace(" ", "");
        return s.contains("display:none") || s.contains("visibility:hidden");
    }

    private static boolean isCredit(Element e) {
        if (e.attr("rel").equalsIgnoreCase("author") || e.attr("itemprop").equalsIgnoreCase("author")) {
            return true;
        }
        String classes = e.className();
        if (classes.isEmpty()) {
            return false;
        }
        int start = 0;
        for (int i = 0; i <= classes.length(); i++) {
            char c = i < classes.length() ? classes.charAt(i) : ' ';
            if (c == ' ' || c == '\t' || c == '\n' || c == '-' || c == '_') {
                if (i - start >= 6 && i - start <= 9
                        && CREDIT_WORDS.contains(classes.substring(start, i).toLowerCase(Locale.ROOT))) {
                    return true;
                }
                start = i + 1;
            }
        }
        return false;
    }

    private static String firstNonEmpty(String a, String b) {
        return !a.isBlank() ? a : !b.isBlank() ? b : null;
    }
}
