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
            if (e == scope) {
                continue;
            }
            if (isParagraphLike(e)) {
                if (stats.plainText(e) >= MIN_BLOCK_CHARS) {
                    propagate(e.parent(), blockScore(e.text(), stats.plainText(e)), scope, scores);
                }
            } else {
                // Text written straight into a container beside its blocks (lines split by <br>) is a
                // paragraph of that container, as readability wraps such runs in a <p> of their own.
                String loose = looseText(e);
                int chars = TextStats.visibleChars(loose);
                if (chars >= MIN_BLOCK_CHARS) {
                    propagate(e, blockScore(loose, chars), scope, scores);
                }
            }
        }
        List<Map.Entry<Element, double[]>> ranked = new ArrayList<>(scores.entrySet());
        for (Map.Entry<Element, double[]> entry : ranked) {
            entry.getValue()[0] *= 1 - stats.linkDensity(entry.getKey());
        }
        if (ranked.isEmpty()) {
            return List.of(scope);
        }
        ranked.sort((a, b) -> Double.compare(b.getValue()[0], a.getValue()[0]));
        Element top = commonTop(ranked, scope);
        double topScore = scores.containsKey(top) ? scores.get(top)[0] : ranked.get(0).getValue()[0];
        return withSiblings(top, topScore, scores, stats);
    }

    /**
     * The best candidate, or the nearest ancestor holding most of the near-best ones: an article split into
     * sections (around pictures, pull quotes or ads) scores in each section, and the sections together are
     * the article. An only child stands for its parent, so the parent's other children are weighed as siblings.
     */
    private static Element commonTop(List<Map.Entry<Element, double[]>> ranked, Element scope) {
        Element top = ranked.get(0).getKey();
        double best = ranked.get(0).getValue()[0];
        List<Element> close = new ArrayList<>();
        for (int i = 1; i < Math.min(ranked.size(), 5); i++) {
            if (ranked.get(i).getValue()[0] >= 0.75 * best) {
                close.add(ranked.get(i).getKey());
            }
        }
        if (close.size() >= 2) {
            for (Element ancestor = top.parent(); ancestor != null; ancestor = ancestor.parent()) {
                int inside = 0;
                for (Element other : close) {
                    if (other.parents().contains(ancestor)) {
                        inside++;
                    }
                }
                if (inside >= Math.min(3, close.size())) {
                    top = ancestor;
                    break;
                }
                if (ancestor == scope) {
                    break;
                }
            }
        }
        while (top != scope && top.parent() != null && top.parent() != scope && top.parent().childrenSize() == 1) {
            top = top.parent();
        }
        return top;
    }

    private static double blockScore(String text, int chars) {
        return 1 + commas(text) + Math.min(chars / 100, 3);
    }

    /** Adds {@code score} to {@code parent} in full, its parent by half and further ancestors by less. */
    private static void propagate(Element parent, double score, Element scope, Map<Element, double[]> scores) {
        Element ancestor = parent;
        for (int level = 0; ancestor != null && level < 5; level++, ancestor = ancestor.parent()) {
            double share = level == 0 ? 1 : level == 1 ? 0.5 : 1.0 / (level * 3);
            scores.computeIfAbsent(ancestor, a -> new double[] {initialScore(a)})[0] += score * share;
            if (ancestor == scope) {
                break;
            }
        }
    }

    /** The text of {@code e} outside its block children: its own text runs and inline elements. */
    private static String looseText(Element e) {
        StringBuilder text = null;
        for (org.jsoup.nodes.Node child : e.childNodes()) {
            String piece = null;
            if (child instanceof org.jsoup.nodes.TextNode t) {
                piece = t.getWholeText();
            } else if (child instanceof Element inline && !BlockLines.BLOCKS.contains(inline.normalName())
                    && !inline.nameIs("a")) {
                piece = inline.text();
            }
            if (piece != null && !piece.isBlank()) {
                text = text == null ? new StringBuilder() : text.append(' ');
                text.append(piece);
            }
        }
        return text == null ? "" : text.toString();
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
