package org.articlepipeline.normalize.html;

import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Whether a page's chosen body is an article at all. A home page, a section or tag listing and a search
 * result page are lists of stories: many linked headlines (or {@code <article>} teasers) with a line of
 * prose or none under each. A login or paywall stub has a form and hardly any prose. An article has prose:
 * lines that read as sentences.
 */
final class ArticleEvidence {

    /** Less prose than this (chars, in sentence lines) is no article whatever the page says it is. */
    static final int MIN_PROSE = 80;
    /** A body with a login form and less prose than this is a login or subscription stub. */
    static final int STUB_PROSE = 400;
    /** At least this many teasers make a listing, unless each has an article's worth of prose. */
    static final int MIN_TEASERS = 5;
    static final int PROSE_PER_TEASER = 300;
    /** A page holding this many teasers in all is a listing when its chosen body has less prose than below. */
    static final int PAGE_TEASERS = 10;
    static final int LISTING_PROSE = 400;
    private static final int SENTENCE_LINE = 40;

    private ArticleEvidence() {
    }

    /** Teasers in {@code chosen}: linked headlines or {@code <article>} elements, whichever are more. */
    static int teasers(List<Element> chosen) {
        int linkedHeadings = 0;
        int articles = 0;
        for (Element root : chosen) {
            for (Element e : root.getAllElements()) {
                if (e.nameIs("article") && e != root) {
                    articles++;
                } else if (isHeading(e) && (!e.getElementsByTag("a").isEmpty() || e.closest("a") != null)) {
                    linkedHeadings++;
                }
            }
        }
        return Math.max(linkedHeadings, articles);
    }

    /** Whether the page has a password field: a login or subscription wall. */
    static boolean hasLoginForm(Document page) {
        return !page.select("input[type=password]").isEmpty();
    }

    /** Whether the page's metadata calls it an article (OpenGraph type, or a schema.org article type). */
    static boolean declaresArticle(Document page) {
        for (Element meta : page.select("meta[property=og:type]")) {
            if (meta.attr("content").toLowerCase(Locale.ROOT).contains("article")) {
                return true;
            }
        }
        for (Element script : page.select("script[type=application/ld+json]")) {
            String data = script.data();
            if (data.contains("NewsArticle") || data.contains("\"Article\"") || data.contains("BlogPosting")
                    || data.contains("ReportageNewsArticle")) {
                return true;
            }
        }
        return false;
    }

    /** Chars in lines that read as sentences: long enough and ending like one, or paragraph-long. */
    static int prose(List<String> lines) {
        int chars = 0;
        for (String line : lines) {
            if (line.length() >= 3 * SENTENCE_LINE || line.length() >= SENTENCE_LINE && BodyChooser.endsSentence(line)) {
                chars += line.length();
            }
        }
        return chars;
    }

    /**
     * Why the page holds no article, or null when it does.
     *
     * @param lines     the chosen body's lines
     * @param teasers     teasers counted in the chosen body before link-dense blocks were dropped
     * @param pageTeasers teasers counted in the whole page before anything was dropped
     * @param loginForm   whether the page has a password field
     * @param declared    whether the page's metadata calls it an article
     */
    static String missing(List<String> lines, int teasers, int pageTeasers, boolean loginForm, boolean declared) {
        int prose = prose(lines);
        if (prose < MIN_PROSE) {
            return "the page holds no article text, only links, headings or short lines";
        }
        if (loginForm && prose < STUB_PROSE) {
            return "the page is a login or subscription form, not an article";
        }
        if (!declared && teasers >= MIN_TEASERS && prose < PROSE_PER_TEASER * teasers) {
            return "the page lists " + teasers + " stories (a home, section, tag or search page), not one article";
        }
        // A listing whose best block is one teaser: the page is a wall of stories, the "body" a blurb of one.
        if (!declared && pageTeasers >= PAGE_TEASERS && prose < LISTING_PROSE) {
            return "the page lists " + pageTeasers + " stories (a home, section, tag or search page), not one article";
        }
        return null;
    }

    private static boolean isHeading(Element e) {
        String n = e.normalName();
        return n.length() == 2 && n.charAt(0) == 'h' && n.charAt(1) >= '1' && n.charAt(1) <= '6';
    }
}
