package org.articlepipeline.normalize.html;

import org.articlepipeline.normalize.structure.ChromeReason;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.articlepipeline.normalize.RemovedLine;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.parser.Parser;

/**
 * Reads the article out of an HTML page, in the order trafilatura and readability work: drop what never
 * holds content, drop captions, drop the page's frame and named boilerplate, {@link BodyChooser choose the
 * body}, drop link-dense blocks inside it, then lay it out as lines ({@link BlockLines}). Every step walks
 * the tree iteratively, so deep nesting cannot overflow the stack, and every dropped line of text is listed
 * with its reason. Instances are stateless and thread-safe.
 */
public final class HtmlExtractor {

    /**
     * jsoup's tree builder stops nesting at this depth (deeper elements become siblings), which bounds the
     * work of any walk up a tree: a page nested deeper than this is broken markup, not a layout.
     */
    static final int MAX_DEPTH = 256;

    /** Parses {@code html} as a browser would, with nesting capped at {@link #MAX_DEPTH}. */
    public Document parse(String html) {
        Parser parser = Parser.htmlParser();
        parser.setMaxDepth(MAX_DEPTH);
        return parser.parseInput(html, "");
    }

    /** The article in {@code page}, which this call prunes: pass a page parsed for this call only. */
    public Extraction extract(Document page) {
        boolean declared = ArticleEvidence.declaresArticle(page);
        boolean loginForm = ArticleEvidence.hasLoginForm(page);
        Element body = page.body();
        List<Element> headings = body.getElementsByTag("h1");
        int pageTeasers = ArticleEvidence.teasers(List.of(body));
        Removals removed = new Removals();
        TextStats before = TextStats.of(body);
        Pruner.prune(body, PruningRules.NEVER_CONTENT, before, removed);
        Removals captions = new Removals();
        Pruner.prune(body, PruningRules.CAPTIONS, before, captions);
        Pruner.prune(body, PruningRules.FRAME, before, removed);

        TextStats stats = TextStats.of(body);
        List<Element> chosen = BodyChooser.choose(body, stats);
        Element heading = headline(headings, chosen);
        String headline = heading == null ? null : text(heading);
        if (heading != null && !chosen.contains(heading) && BlockLines.of(heading).size() == 1) {
            // The headline is the article's title line, laid before the body as a text dump has it; left in
            // the body it would be a paragraph wherever the page's metadata words the title otherwise.
            heading.remove();
        }
        int teasers = ArticleEvidence.teasers(chosen);
        for (Element part : chosen) {
            Pruner.prune(part, PruningRules.linkDense(stats), stats, removed);
        }
        List<String> lines = new ArrayList<>();
        for (Element part : chosen) {
            BlockLines.append(part, lines);
        }
        List<String> outside = outside(body, chosen);
        outside.remove(headline);          // the headline is the article's title, not a dropped line
        removed.addLines(outside, ChromeReason.OUTSIDE_ARTICLE);

        String missing = ArticleEvidence.missing(lines, teasers, pageTeasers, loginForm, declared);
        if (missing != null) {
            return new Extraction.NoArticle(missing);
        }
        List<RemovedLine> listed = new ArrayList<>();
        for (Removals.Entry entry : removed.entries()) {
            listed.add(new RemovedLine(entry.text(), entry.reason()));
        }
        List<String> credits = new ArrayList<>();
        for (Removals.Entry entry : captions.entries()) {
            listed.add(new RemovedLine(entry.text(), entry.reason()));
            credits.add(entry.text());
        }
        return new Extraction.Article(headline, lines, listed, credits);
    }

    /**
     * The headline a reader sees: the first {@code h1} inside the article, else the first one that is not
     * wholly a link (a site's logo is often an {@code h1} linking home), else the first; null without any.
     */
    private static Element headline(List<Element> headings, List<Element> chosen) {
        Element first = null;
        Element plain = null;
        for (Element h1 : headings) {
            String text = text(h1);
            if (text.isEmpty() || text.length() > 400) {
                continue;
            }
            for (Element part : chosen) {
                if (h1 == part || h1.parents().contains(part)) {
                    return h1;
                }
            }
            first = first == null ? h1 : first;
            if (plain == null && !whollyLink(h1)) {
                plain = h1;
            }
        }
        return plain != null ? plain : first;
    }

    private static String text(Element e) {
        return String.join(" ", BlockLines.of(e)).strip();
    }

    private static boolean whollyLink(Element h1) {
        int link = 0;
        for (Element a : h1.getElementsByTag("a")) {
            link += TextStats.visibleChars(a.text());
        }
        return link > 0 && link >= TextStats.visibleChars(h1.text());
    }

    /** The lines of {@code body} outside the chosen elements. */
    private static List<String> outside(Element body, List<Element> chosen) {
        Set<Node> skipped = Collections.newSetFromMap(new IdentityHashMap<>());
        skipped.addAll(chosen);
        List<String> lines = new ArrayList<>();
        BlockLines.append(body, skipped, lines);
        return lines;
    }
}
