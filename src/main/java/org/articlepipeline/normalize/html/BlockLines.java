package org.articlepipeline.normalize.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeFilter;

/**
 * An element's visible text as lines, one per block, the way a page saved as text lays it out: block
 * elements and {@code <br>} break lines, source line breaks are spaces (except inside {@code <pre>}), table
 * cells of a row share its line. Walked iteratively, so any nesting depth is safe.
 */
final class BlockLines {

    static final Set<String> BLOCKS = Set.of(
            "p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "h1", "h2", "h3", "h4",
            "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "figure", "figcaption", "pre", "table",
            "thead", "tbody", "tfoot", "tr", "caption", "hr", "address", "form", "fieldset", "details", "summary",
            "center", "body", "html", "title", "legend", "menu", "hgroup", "noscript", "option", "textarea");

    /** Inline elements a browser sets apart from their neighbours: pictures and form controls. */
    private static final Set<String> SPACED = Set.of("img", "button", "label", "input", "select");

    private BlockLines() {
    }

    /** The lines of {@code root}, stripped, without empty ones. */
    static List<String> of(Node root) {
        List<String> lines = new ArrayList<>();
        append(root, lines);
        return lines;
    }

    /** Adds the lines of {@code root} to {@code lines}. */
    static void append(Node root, List<String> lines) {
        append(root, Set.of(), lines);
    }

    /** Adds the lines of {@code root} to {@code lines}, leaving out the subtrees of {@code skipped}. */
    static void append(Node root, Set<Node> skipped, List<String> lines) {
        StringBuilder line = new StringBuilder();
        int[] pre = {0};
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (skipped.contains(node)) {
                    flush(line, lines);
                    return FilterResult.SKIP_ENTIRELY;
                }
                if (node instanceof TextNode t) {
                    text(t.getWholeText(), pre[0] > 0, line, lines);
                } else if (node instanceof Element e) {
                    String name = e.normalName();
                    if (name.equals("br")) {
                        flush(line, lines);
                    } else if (BLOCKS.contains(name)) {
                        flush(line, lines);
                        if (name.equals("pre")) {
                            pre[0]++;
                        }
                    } else if (name.equals("td") || name.equals("th") || SPACED.contains(name)) {
                        space(line);
                    }
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
                    flush(line, lines);
                    if (e.nameIs("pre")) {
                        pre[0]--;
                    }
                }
                return FilterResult.CONTINUE;
            }
        }, root);
        flush(line, lines);
    }

    private static void text(String s, boolean preformatted, StringBuilder line, List<String> lines) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' && preformatted) {
                flush(line, lines);
            } else if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
                if (!line.isEmpty() && line.charAt(line.length() - 1) != ' ') {
                    line.append(' ');
                }
            } else {
                line.append(c);
            }
        }
    }

    private static void space(StringBuilder line) {
        if (!line.isEmpty() && line.charAt(line.length() - 1) != ' ') {
            line.append(' ');
        }
    }

    private static void flush(StringBuilder line, List<String> lines) {
        int end = line.length();
        while (end > 0 && line.charAt(end - 1) == ' ') {
            end--;
        }
        if (end > 0) {
            lines.add(line.substring(0, end));
        }
        line.setLength(0);
    }
}
