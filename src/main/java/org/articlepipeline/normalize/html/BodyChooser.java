package org.articlepipeline.normalize.html;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;

/**
 * Chooses the elements that hold the article in a pruned page. The page's own markup is trusted first: an
 * {@code itemprop=articleBody}, then an {@code <article>}, when it holds most of the page's prose. Otherwise
 * (and inside a {@code <main>}) blocks are scored as readability does: each paragraph-like block scores by
 * its length and commas, its score flows to its parent in full, its grandparent by half and further ancestors
 * by less; a container's score is weighed by the words in its name and by its link density. The best
 * container is taken with the siblings that belong to it (scoring near it, or holding prose of their own).
 */
final class BodyChooser {

    /** Markup that names the article must hold at least this share of the page's plain text to be trusted. */
    static final double MARKUP_SHARE = 0.5;
    private static final int MIN_BLOCK_CHARS = 25;
    private static final Set<String> SCORED = Set.of("p", "pre", "td", "blockquote");
    private static final Set<String> BLOCK_CHILDREN = Set.of(
            "p", "div", "section", "article", "table", "ul", "ol", "dl", "blockquote", "pre", "h1", "h2", "h3",
            "h4", "h5", "h6", "figure", "header", "footer", "aside", "form", "main", "address");

    private static final ClassTokens POSITIVE = new ClassTokens(
            Set.of("article", "body", "content", "entry", "hentry", "main", "post", "text", "story", "blog",
                    "prose", "rich"),
            Set.of("article body", "story body", "post body"));
    private static final ClassTokens NEGATIVE = new ClassTokens(
            Set.of("hidden", "banner", "comment", "comments", "contact", "foot", "footer", "footnote", "masthead",
                    "media", "meta", "outbrain", "promo", "related", "share", "sidebar", "sponsor", "tags", "tool",
                    "tools", "widget", "nav", "menu", "byline", "author", "caption", "teaser", "card", "list"),
            Set.of());

    private BodyChooser() {
    }

    /** The article's elements in page order; never empty ({@code body} itself when nothing scores). */
    static List<Element> choose(Element body, TextStats stats) {
        int page = stats.plainText(body);
        Element marked = largest(body, e -> PruningRules.hasItemprop(e, "articleBody"), stats);
        if (marked != null && stats.plainText(marked) >= MARKUP_SHARE * page) {
            return List.of(marked);
        }
        Element article = largest(body, e -> e.nameIs("article"), stats);
        if (article != null && stats.plainText(article) >= MARKUP_SHARE * page) {
            return List.of(article);
        }
        Element main = largest(body, e -> e.nameIs("main") || "main".equals(PruningRules.role(e)), stats);
        Element scope = main != null && stats.plainText(main) >= MARKUP_SHARE * page ? main : body;
        return scored(scope, stats);
    }

    private static Element largest(Element root, java.util.function.Predicate<Element> kind, TextStats stats) {
        Element best = null;
        for (Element e : root.getAllElements()) {
            if (kind.test(e) && (best == null || stats.plainText(e) > stats.plainText(best))) {
                best = e;
            }
        }
        return best;
    }

    private static List<Element> scored(Element scope, TextStats stats) {
        Map<Element, double[]> scores = new IdentityHashMap<>();
        for (Element e : scope.getAllElements()) {
            if (e == scope || !isParagraphLike(e)) {
                continue;
            }
            int chars = stats.plainText(e);
            if (chars < MIN_BLOCK_CHARS) {
                continue;
            }
            double score = 1 + commas(e.text()) + Math.min(chars / 100, 3);
            Element ancestor = e.parent();
            for (int level = 0; ancestor != null && level < 5; level++, ancestor = ancestor.parent()) {
                double share = level == 0 ? 1 : level == 1 ? 0.5 : 1.0 / (level * 3);
                scores.computeIfAbsent(ancestor, a -> new double[] {initialScore(a)})[0] += score * share;
                if (ancestor == scope) {
                    break;
                }
            }
        }
        Element top = null;
        double topScore = 0;
        for (Map.Entry<Element, double[]> entry : scores.entrySet()) {
            Element candidate = entry.getKey();
            double score = entry.getValue()[0] * (1 - stats.linkDensity(candidate));
            entry.getValue()[0] = score;
            if (top == null || score > topScore) {
                top = candidate;
                topScore = score;
            }
        }
        if (top == null) {
            return List.of(scope);
        }
        return withSiblings(top, topScore, scores, stats);
    }

    private static List<Element> withSiblings(Element top, double topScore, Map<Element, double[]> scores,
                                              TextStats stats) {
        Element parent = top.parent();
        if (parent == null) {
            return List.of(top);
        }
        double threshold = Math.max(10, topScore * 0.2);
        List<Element> chosen = new ArrayList<>();
        for (Element sibling : parent.children()) {
            if (sibling == top) {
                chosen.add(sibling);
                continue;
            }
            double[] score = scores.get(sibling);
            double bonus = !top.className().isEmpty() && top.className().equals(sibling.className()) ? topScore * 0.2 : 0;
            if (score != null && score[0] + bonus >= threshold) {
                chosen.add(sibling);
            } else if (sibling.nameIs("p")) {
                int chars = stats.text(sibling);
                double links = stats.linkDensity(sibling);
                String text = chars > 0 ? sibling.text() : "";
                if (chars > 80 && links < 0.25 || chars > 0 && chars <= 80 && links == 0 && endsSentence(text)) {
                    chosen.add(sibling);
                }
            }
        }
        return chosen;
    }

    private static double initialScore(Element e) {
        double score = switch (e.normalName()) {
            case "div", "article", "section", "main" -> 5;
            case "pre", "td", "blockquote" -> 3;
            case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
            case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
            default -> 0;
        };
        if (e.attributesSize() > 0) {
            if (NEGATIVE.matches(e)) {
                score -= 25;
            }
            if (POSITIVE.matches(e)) {
                score += 25;
            }
        }
        return score;
    }

    /** A block scored as a paragraph: p, pre, td, blockquote, or a div or section holding no block. */
    static boolean isParagraphLike(Element e) {
        String name = e.normalName();
        if (SCORED.contains(name)) {
            return true;
        }
        if (!name.equals("div") && !name.equals("section")) {
            return false;
        }
        for (Element child : e.children()) {
            if (BLOCK_CHILDREN.contains(child.normalName())) {
                return false;
            }
        }
        return true;
    }

    private static int commas(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ',' || c == '\u060C' || c == '\uFF0C' || c == '\u3001') {
                n++;
            }
        }
        return n;
    }

    static boolean endsSentence(String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            return false;
        }
        char last = t.charAt(t.length() - 1);
        return last == '.' || last == '!' || last == '?' || last == '…' || last == '"' || last == '”'
                || last == '»' || last == '\u061F' || last == '\u06D4' || last == '。' || last == ')';
    }
}
