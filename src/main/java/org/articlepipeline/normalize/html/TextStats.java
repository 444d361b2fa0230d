package org.articlepipeline.normalize.html;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * How much visible text each element of a tree holds, and how much of it is link text: counted in one
 * iterative walk (a page may nest thousands of elements; recursion would overflow the stack), read many times
 * by the rules and the body chooser. Counts are of non-whitespace chars, so indentation does not weigh.
 */
final class TextStats {

    private final Map<Element, int[]> counts = new IdentityHashMap<>();

    private TextStats() {
    }

    /** The counts of every element under (and including) {@code root}. */
    static TextStats of(Element root) {
        TextStats stats = new TextStats();
        List<int[]> open = new ArrayList<>();
        int[] linkDepth = {0};
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof Element e) {
                    open.add(new int[2]);
                    if (e.nameIs("a")) {
                        linkDepth[0]++;
                    }
                } else if (node instanceof TextNode t && !open.isEmpty()) {
                    int chars = visibleChars(t.getWholeText());
                    int[] top = open.get(open.size() - 1);
                    top[0] += chars;
                    if (linkDepth[0] > 0) {
                        top[1] += chars;
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e) {
                    int[] own = open.remove(open.size() - 1);
                    stats.counts.put(e, own);
                    if (!open.isEmpty()) {
                        int[] parent = open.get(open.size() - 1);
                        parent[0] += own[0];
                        parent[1] += own[1];
                    }
                    if (e.nameIs("a")) {
                        linkDepth[0]--;
                    }
                }
            }
        }, root);
        return stats;
    }

    /** Visible chars under {@code e}; 0 for an element not counted. */
    int text(Element e) {
        int[] c = counts.get(e);
        return c == null ? 0 : c[0];
    }

    /** Visible chars under {@code e} inside links. */
    int linkText(Element e) {
        int[] c = counts.get(e);
        return c == null ? 0 : c[1];
    }

    /** Visible chars under {@code e} outside links: what prose an element can hold. */
    int plainText(Element e) {
        int[] c = counts.get(e);
        return c == null ? 0 : c[0] - c[1];
    }

    /** The share of {@code e}'s text that is link text, 0 for an element without text. */
    double linkDensity(Element e) {
        int[] c = counts.get(e);
        return c == null || c[0] == 0 ? 0 : (double) c[1] / c[0];
    }

    static int visibleChars(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (!Character.isWhitespace(ch) && ch != '\u00A0') {
                n++;
            }
        }
        return n;
    }
}
