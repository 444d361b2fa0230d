package org.articlepipeline.normalize.html;

import java.util.List;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * The one pruning machine every rule list goes through: walks a tree (iteratively), and drops each element
 * the first matching rule of a list names, listing its text with the rule's reason. What is dropped is
 * data ({@link PruningRules}); how is here.
 */
final class Pruner {

    /** A guarded rule spares an element holding at least this share of the page's plain (non-link) text. */
    static final double GUARD_SHARE = 0.5;

    private Pruner() {
    }

    /**
     * Drops from {@code root} (never {@code root} itself) every element a rule of {@code rules} matches.
     *
     * @param stats   text counts of the tree, for guarded rules; may be null when no rule is guarded
     * @param removed where dropped text is listed
     */
    static void prune(Element root, List<NodeRule> rules, TextStats stats, Removals removed) {
        int pagePlain = stats == null ? 0 : stats.plainText(root);
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof Comment) {
                    return FilterResult.REMOVE;
                }
                if (!(node instanceof Element e) || node == root) {
                    return FilterResult.CONTINUE;
                }
                for (NodeRule rule : rules) {
                    if (rule.matches().test(e) && !(rule.guarded() && holdsMostProse(e, stats, pagePlain))) {
                        if (rule.reason() != null) {
                            removed.add(e, rule.reason());
                        }
                        return FilterResult.REMOVE;
                    }
                }
                return FilterResult.CONTINUE;
            }
        }, root);
    }

    private static boolean holdsMostProse(Element e, TextStats stats, int pagePlain) {
        return stats != null && pagePlain > 0 && stats.plainText(e) >= GUARD_SHARE * pagePlain;
    }
}
